package io.finbatch.jobs.execution;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Keeps the root cause of a failed step in its execution context ({@link #CAUSE}). The job repository stores
 * a failure's stack trace as the exit description cut to 2,500 characters, and a chunk failure's trace starts
 * with Spring Batch's own wrapper ("Unable to process chunk"): the cause an operator needs is cut away.
 */
final class FailureCauseRecorder implements StepExecutionListener {

    static final String CAUSE = "finbatch.failureCause";

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.FAILED && !step.getFailureExceptions().isEmpty()) {
            Throwable root = step.getFailureExceptions().get(0);
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "" : ": " + root.getMessage();
            String cause = root.getClass().getSimpleName() + message;
            step.getExecutionContext().putString(CAUSE, cause.length() > 2000 ? cause.substring(0, 2000) : cause);
        }
        return null;
    }
}
