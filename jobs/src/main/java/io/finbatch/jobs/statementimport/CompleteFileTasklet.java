package io.finbatch.jobs.statementimport;

import io.finbatch.writers.staging.StatementFileRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Marks the file IMPORTED in the register, with its totals, and writes {@code statement.imported}. */
class CompleteFileTasklet implements Tasklet {

    private final StatementFileRegistry registry;
    private final StatementImportEvents events;

    CompleteFileTasklet(StatementFileRegistry registry, StatementImportEvents events) {
        this.registry = registry;
        this.events = events;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        long fileId = job.getExecutionContext().getLong(ImportContextKeys.FILE_ID);
        registry.markImported(fileId);
        events.imported(fileId, job.getId());
        return RepeatStatus.FINISHED;
    }
}
