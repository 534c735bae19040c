package io.finbatch.jobs.close;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

/**
 * Closes a month: launches {@code monthEndClose(period)}, or restarts the period's failed close from the step
 * that failed (one close per period). Called by the command line, the scheduler and the REST API.
 */
@Service
public class MonthEndCloseService {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job monthEndCloseJob;
    private final CloseChecks checks;
    private final Clock clock;

    public MonthEndCloseService(JobOperator jobOperator, JobRepository jobRepository,
            @Qualifier("monthEndCloseJob") Job monthEndCloseJob, CloseChecks checks, Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.monthEndCloseJob = monthEndCloseJob;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * What a close did.
     *
     * @param status     COMPLETED (the period is LOCKED here and in Odoo), FAILED (see {@code failedStep},
     *                   {@code message} and {@code blockers}), or ALREADY_CLOSED
     * @param restarted  true when this call resumed a failed close of the period
     */
    public record CloseResult(String period, String status, long executionId, boolean restarted, String failedStep,
            String message, List<CloseBlocker> blockers, Long consolidationRunId) {

        public boolean completed() {
            return "COMPLETED".equals(status) || "ALREADY_CLOSED".equals(status);
        }
    }

    /** Closes the period, or resumes its failed close at the step that failed. */
    public synchronized CloseResult close(YearMonth period, String requestedBy) {
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new IllegalArgumentException("who requests the close is required");
        }
        JobParameters identifying = new JobParametersBuilder().addString("period", period.toString()).toJobParameters();
        JobInstance instance = jobRepository.getJobInstance(MonthEndCloseJobConfiguration.JOB_NAME, identifying);
        if (instance != null) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                return summarize(last, false, "ALREADY_CLOSED");
            }
            if (last != null && last.getStatus().isRunning()) {
                throw new IllegalStateException("the close of " + period + " is running (execution " + last.getId()
                        + "); if its process died, mark it failed with `restart " + last.getId() + " --recover`");
            }
            if (last != null) {
                try {
                    // a launch with the failed execution's parameters is Spring Batch's restart (the same path as
                    // JobOperator.restart, without needing the job in a registry): completed steps are not re-run
                    return summarize(jobOperator.start(monthEndCloseJob, last.getJobParameters()), true, null);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot restart the close of " + period + " (execution "
                            + last.getId() + "): " + e.getMessage(), e);
                }
            }
        }
        try {
            JobExecution execution = jobOperator.start(monthEndCloseJob, new JobParametersBuilder(identifying)
                    .addString("requestedBy", requestedBy, false)
                    .addString("requestedAt", Instant.now(clock).toString(), false)
                    .toJobParameters());
            return summarize(execution, false, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot launch the close of " + period + ": " + e.getMessage(), e);
        }
    }

    /** The blockers a close execution stored. */
    public List<CloseBlocker> blockers(long executionId) {
        return checks.blockers(executionId);
    }

    private CloseResult summarize(JobExecution execution, boolean restarted, String statusOverride) {
        String failedStep = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED)
                .max(Comparator.comparing(StepExecution::getId)).map(StepExecution::getStepName).orElse(null);
        String message = null;
        if (!execution.getAllFailureExceptions().isEmpty()) {
            Throwable failure = execution.getAllFailureExceptions().get(0);
            while (failure.getCause() != null && failure.getCause() != failure
                    && !(failure instanceof CloseBlockedException)) {
                failure = failure.getCause();
            }
            message = failure.getMessage();
        }
        Long runId = execution.getExecutionContext().containsKey(MonthEndCloseJobConfiguration.CONSOLIDATION_RUN_ID)
                ? execution.getExecutionContext().getLong(MonthEndCloseJobConfiguration.CONSOLIDATION_RUN_ID) : null;
        return new CloseResult(execution.getJobParameters().getString("period"),
                statusOverride != null ? statusOverride : execution.getStatus().name(), execution.getId(), restarted,
                failedStep, message, checks.blockers(execution.getId()), runId);
    }
}
