package io.finbatch.jobs.ledgerimport;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.jobs.config.GroupProperties;
import io.finbatch.mappings.consolidation.LegalEntity;
import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.readers.SourceFileException;
import io.finbatch.readers.gl.GeneralLedgerCsvReader;
import io.finbatch.readers.group.GroupSetupFiles;
import io.finbatch.writers.journal.JournalLineStore;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Job {@code ledgerImport(file)}: validate the whole general-ledger CSV (a bad row rejects the file, nothing
 * written) → store its lines in the journal-line store in chunks (restartable; a line already stored is not
 * stored again; a line of a LOCKED period is skipped into the exception queue with "period locked").
 */
@Configuration(proxyBeanMethods = false)
public class LedgerImportJobConfiguration {

    public static final String JOB_NAME = "ledgerImport";
    static final String SOURCE = "GL_CSV";
    public static final String REJECTED = "REJECTED";

    @Bean
    JournalLineStore journalLineStore(JdbcTemplate jdbc) {
        return new JournalLineStore(jdbc);
    }

    @Bean
    Job ledgerImportJob(JobRepository jobRepository, Step validateLedgerFile, Step stageLedgerLines) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(validateLedgerFile).on(REJECTED).end(REJECTED)
                .from(validateLedgerFile).on(ExitStatus.COMPLETED.getExitCode()).to(stageLedgerLines)
                .end()
                .build();
    }

    @Bean
    Step validateLedgerFile(JobRepository jobRepository, PlatformTransactionManager tx,
            ImportExceptionRecorder exceptions) {
        return new StepBuilder("validateLedgerFile", jobRepository).tasklet((contribution, chunk) -> {
            String file = contribution.getStepExecution().getJobParameters().getString("file");
            try (GeneralLedgerCsvReader reader = new GeneralLedgerCsvReader(Path.of(file))) {
                while (reader.next() != null) {
                    contribution.incrementReadCount();
                }
            } catch (SourceFileException bad) {
                exceptions.record(null, contribution.getStepExecution().getJobExecutionId(), file,
                        ImportExceptionRecorder.Kind.REJECTED_FILE, bad.location(), bad.reason(), null);
                contribution.setExitStatus(new ExitStatus(REJECTED, bad.getMessage()));
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    Step stageLedgerLines(JobRepository jobRepository, PlatformTransactionManager tx, FinBatchProperties properties,
            LedgerLineItemReader ledgerLineReader, FiscalPeriodRepository periods,
            LedgerLineWriter ledgerLineWriter, SkipListener<LedgerLine, LedgerLine> lockedLineRecorder) {
        return new StepBuilder("stageLedgerLines", jobRepository)
                .<LedgerLine, LedgerLine>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(ledgerLineReader)
                .processor(line -> {
                    var locked = periods.lockedPeriodOf(line.entity(), line.date());
                    if (locked.isPresent()) {
                        throw new PeriodLockedException(line, locked.get().period());
                    }
                    return line;
                })
                .writer(ledgerLineWriter)
                .faultTolerant()
                .skip(PeriodLockedException.class)
                .skipLimit(Integer.MAX_VALUE)
                .skipListener(lockedLineRecorder)
                .build();
    }

    @Bean
    @StepScope
    LedgerLineItemReader ledgerLineReader(@Value("#{jobParameters['file']}") String file) {
        return new LedgerLineItemReader(Path.of(file));
    }

    @Bean
    @StepScope
    LedgerLineWriter ledgerLineWriter(JournalLineStore store, GroupProperties group) {
        Map<String, String> currencies = GroupSetupFiles.load(group.dir()).entities().stream()
                .collect(Collectors.toMap(LegalEntity::code, LegalEntity::functionalCurrency));
        return new LedgerLineWriter(store, currencies, group.dir().resolve("entities.csv").toString());
    }

    @Bean
    @StepScope
    SkipListener<LedgerLine, LedgerLine> lockedLineRecorder(ImportExceptionRecorder exceptions,
            @Value("#{jobParameters['file']}") String file, @Value("#{stepExecution.jobExecution.id}") Long executionId) {
        return new SkipListener<>() {
            @Override
            public void onSkipInProcess(LedgerLine line, Throwable cause) {
                exceptions.record(null, executionId, file, ImportExceptionRecorder.Kind.PERIOD_LOCKED,
                        "line id " + line.lineId(), cause.getMessage(), null);
            }
        };
    }
}
