package io.finbatch.jobs.statementimport;

import io.finbatch.jobs.config.FinBatchProperties;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormats;
import io.finbatch.readers.batch.StatementEventItemReader;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import io.finbatch.writers.staging.StatementFileRegistry;
import io.finbatch.writers.staging.StatementLineInserts;
import io.finbatch.writers.staging.StatementStagingWriter;
import org.springframework.batch.core.ExitStatus;
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

import java.nio.file.Path;
import java.time.Clock;

/**
 * Job {@code statementImport(file, sha256)}: register the file → validate all of it → stage its
 * statements and lines in chunks (restartable, malformed entries skipped into the exception queue) →
 * mark it imported. A file already imported ends at once; a refused file ends REJECTED with nothing staged.
 */
@Configuration(proxyBeanMethods = false)
public class StatementImportJobConfiguration {

    public static final String JOB_NAME = "statementImport";
    static final String STAGE_STEP = "stageStatements";

    @Bean
    StatementFormats statementFormats() {
        return StatementFormats.all();
    }

    @Bean
    StatementFileRegistry statementFileRegistry(JdbcTemplate jdbc, Clock clock) {
        return new StatementFileRegistry(jdbc, clock);
    }

    @Bean
    ImportExceptionRecorder importExceptionRecorder(JdbcTemplate jdbc, Clock clock) {
        return new ImportExceptionRecorder(jdbc, clock);
    }

    @Bean
    Job statementImportJob(JobRepository jobRepository, Step registerStatementFile, Step validateStatementFile,
            Step stageStatements, Step completeStatementFile) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(registerStatementFile)
                    .on(ImportContextKeys.ALREADY_IMPORTED).end(ImportContextKeys.ALREADY_IMPORTED)
                .from(registerStatementFile).on(ExitStatus.COMPLETED.getExitCode()).to(validateStatementFile)
                .from(validateStatementFile).on(ImportContextKeys.REJECTED).end(ImportContextKeys.REJECTED)
                .from(validateStatementFile).on(ExitStatus.COMPLETED.getExitCode()).to(stageStatements)
                .next(completeStatementFile)
                .end()
                .build();
    }

    @Bean
    Step registerStatementFile(JobRepository jobRepository, PlatformTransactionManager tx,
            StatementFileRegistry registry) {
        return new StepBuilder("registerStatementFile", jobRepository)
                .tasklet(new RegisterFileTasklet(registry, jobRepository), tx)
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step validateStatementFile(JobRepository jobRepository, PlatformTransactionManager tx,
            StatementFormats formats, StatementFileRegistry registry, ImportExceptionRecorder exceptions,
            FinBatchProperties properties, StatementImportEvents events) {
        FileValidation validation = new FileValidation(formats, properties.importSettings().skipLimit());
        return new StepBuilder("validateStatementFile", jobRepository)
                .tasklet(new ValidateFileTasklet(validation, registry, exceptions, events), tx)
                .build();
    }

    @Bean
    Step stageStatements(JobRepository jobRepository, PlatformTransactionManager tx,
            StatementEventItemReader statementEventReader, StatementStagingWriter statementStagingWriter,
            SkippedEntryRecorder skippedEntryRecorder, FinBatchProperties properties) {
        return new StepBuilder(STAGE_STEP, jobRepository)
                .<StatementEvent, StatementEvent>chunk(properties.chunkSize())
                .transactionManager(tx)
                .reader(statementEventReader)
                .writer(statementStagingWriter)
                .faultTolerant()
                .skip(MalformedEntryException.class)
                .skipLimit(Math.max(1, properties.importSettings().skipLimit()))
                .skipListener(skippedEntryRecorder)
                .build();
    }

    @Bean
    Step completeStatementFile(JobRepository jobRepository, PlatformTransactionManager tx,
            StatementFileRegistry registry, StatementImportEvents events) {
        return new StepBuilder("completeStatementFile", jobRepository)
                .tasklet(new CompleteFileTasklet(registry, events), tx)
                .build();
    }

    @Bean
    @StepScope
    StatementEventItemReader statementEventReader(StatementFormats formats,
            @Value("#{jobParameters['file']}") String file) {
        return new StatementEventItemReader(formats, Path.of(file));
    }

    /** COPY on PostgreSQL, batched inserts on H2: decided once, from the database the application runs on. */
    @Bean
    StatementLineInserts statementLineInserts(JdbcTemplate jdbc) {
        return StatementLineInserts.forDatabase(jdbc);
    }

    @Bean
    @StepScope
    StatementStagingWriter statementStagingWriter(JdbcTemplate jdbc, Clock clock, StatementLineInserts lineInserts,
            @Value("#{jobExecutionContext['statementFileId']}") Long fileId) {
        return new StatementStagingWriter(jdbc, fileId, clock, lineInserts);
    }

    @Bean
    @StepScope
    SkippedEntryRecorder skippedEntryRecorder(ImportExceptionRecorder exceptions,
            @Value("#{jobExecutionContext['statementFileId']}") Long fileId,
            @Value("#{stepExecution.jobExecution.id}") Long executionId,
            @Value("#{jobParameters['file']}") String file) {
        return new SkippedEntryRecorder(exceptions, fileId, executionId, file);
    }
}
