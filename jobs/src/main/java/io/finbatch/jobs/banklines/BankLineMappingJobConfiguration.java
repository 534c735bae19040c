package io.finbatch.jobs.banklines;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.readers.rules.BankLineRulesYaml;
import io.finbatch.writers.journal.JournalLineStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * Job {@code bankLineMapping(requestedAt)}: every staged statement line not mapped yet, in chunks, through
 * the reviewed rules of its account ({@code finbatch.rules.dir}, read at each run): a matched line gives its
 * two journal lines (source {@code BANK_RULES}), a line of a LOCKED period goes to the exception queue, an
 * unmatched one is marked with its reason for an operator (and tried again next run). A chunk's journal
 * lines, exceptions and marks commit together, so a restart just reads the unmarked lines again; a second
 * run adds nothing.
 */
@Configuration(proxyBeanMethods = false)
public class BankLineMappingJobConfiguration {

    public static final String JOB_NAME = "bankLineMapping";
    static final String STEP_NAME = "mapBankLines";

    @Bean
    Job bankLineMappingJob(JobRepository jobRepository, Step mapBankLines) {
        return new JobBuilder(JOB_NAME, jobRepository).start(mapBankLines).build();
    }

    @Bean
    Step mapBankLines(JobRepository jobRepository, PlatformTransactionManager tx, FinBatchProperties properties,
            UnmappedStatementLineReader unmappedStatementLineReader, BankLineMapper bankLineMapper,
            BankLineMappingWriter bankLineMappingWriter) {
        return new StepBuilder(STEP_NAME, jobRepository)
                .<StagedLine, MappedLine>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(unmappedStatementLineReader)
                .processor(bankLineMapper)
                .writer(bankLineMappingWriter)
                .build();
    }

    @Bean
    @StepScope
    UnmappedStatementLineReader unmappedStatementLineReader(JdbcTemplate jdbc, FinBatchProperties properties) {
        return new UnmappedStatementLineReader(jdbc, properties.chunkSize());
    }

    /** The rules are loaded (and checked whole) when the step starts, so edits apply from the next run. */
    @Bean
    @StepScope
    BankLineMapper bankLineMapper(BankLineRulesProperties rules, FiscalPeriodRepository periods) {
        return new BankLineMapper(BankLineRulesYaml.loadAll(rules.dir()), periods);
    }

    @Bean
    @StepScope
    BankLineMappingWriter bankLineMappingWriter(JdbcTemplate jdbc, JournalLineStore store,
            ImportExceptionRecorder exceptions, Clock clock,
            @Value("#{stepExecution.jobExecution.id}") Long executionId) {
        return new BankLineMappingWriter(jdbc, store, exceptions, clock, executionId);
    }
}
