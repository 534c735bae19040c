package io.finbatch.jobs.statementimport;

import io.finbatch.writers.staging.StatementFileRegistry;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Marks the file IMPORTED in the register, with its totals. */
class CompleteFileTasklet implements Tasklet {

    private final StatementFileRegistry registry;

    CompleteFileTasklet(StatementFileRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = contribution.getStepExecution().getJobExecution();
        registry.markImported(job.getExecutionContext().getLong(ImportContextKeys.FILE_ID));
        return RepeatStatus.FINISHED;
    }
}
