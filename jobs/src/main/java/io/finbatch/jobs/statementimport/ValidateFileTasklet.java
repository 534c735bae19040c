package io.finbatch.jobs.statementimport;

import io.finbatch.jobs.execution.ProgressKeys;
import io.finbatch.mappings.statement.ValidationProblem;
import io.finbatch.writers.staging.ImportExceptionRecorder;
import io.finbatch.writers.staging.StatementFileRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;

/**
 * Validates the whole file before staging. A refused file gets exit status {@code REJECTED}: each reason
 * goes to the exception queue, the register marks the file REJECTED, and no statement or line of it
 * is staged.
 */
class ValidateFileTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ValidateFileTasklet.class);

    private final FileValidation validation;
    private final StatementImportEvents events;
    private final StatementFileRegistry registry;
    private final ImportExceptionRecorder exceptions;

    ValidateFileTasklet(FileValidation validation, StatementFileRegistry registry, ImportExceptionRecorder exceptions,
            StatementImportEvents events) {
        this.events = events;
        this.validation = validation;
        this.registry = registry;
        this.exceptions = exceptions;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        Path file = Path.of(job.getJobParameters().getString(ImportContextKeys.FILE));
        long fileId = job.getExecutionContext().getLong(ImportContextKeys.FILE_ID);
        FileValidation.Result result = validation.validate(file);
        if (result.format() != null) {
            registry.recordFormat(fileId, result.format());
            job.getExecutionContext().putString(ImportContextKeys.FORMAT, result.format());
        }
        if (result.accepted()) {
            // the staging step reads one event per statement and per line
            job.getExecutionContext().putLong(ProgressKeys.EXPECTED_ITEMS, result.statements() + result.lines());
            log.info("{}: {} with {} statement(s) and {} booked line(s) passed validation", file.getFileName(),
                    result.format(), result.statements(), result.lines());
            return RepeatStatus.FINISHED;
        }
        for (ValidationProblem problem : result.problems()) {
            exceptions.record(fileId, job.getId(), file.toString(), ImportExceptionRecorder.Kind.REJECTED_FILE,
                    problem.location(), problem.reason(), null);
        }
        String reason = file + ": " + result.summary();
        registry.markRejected(fileId, reason);
        events.rejected(fileId, job.getId(), reason);
        log.warn("rejected {}", reason);
        contribution.setExitStatus(new ExitStatus(ImportContextKeys.REJECTED, reason));
        return RepeatStatus.FINISHED;
    }
}
