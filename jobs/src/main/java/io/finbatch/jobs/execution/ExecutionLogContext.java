package io.finbatch.jobs.execution;

import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Puts the job execution id into the logging context ({@code jobExecutionId}, printed by the log pattern) for
 * as long as a job runs, so every line a run writes can be found by its id. Steps set it too: a partitioned or
 * remote step runs on other threads than its job.
 */
final class ExecutionLogContext implements JobExecutionListener, StepExecutionListener {

    static final String KEY = "jobExecutionId";

    @Override
    public void beforeJob(JobExecution execution) {
        MDC.put(KEY, String.valueOf(execution.getId()));
    }

    @Override
    public void afterJob(JobExecution execution) {
        MDC.remove(KEY);
    }

    @Override
    public void beforeStep(StepExecution step) {
        MDC.put(KEY, String.valueOf(step.getJobExecutionId()));
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        return null;
    }
}
