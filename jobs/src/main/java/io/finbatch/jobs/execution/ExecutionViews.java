package io.finbatch.jobs.execution;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the console and the REST API show of job executions. */
public final class ExecutionViews {

    private ExecutionViews() {
    }

    /** Filters of the execution list; nulls mean "any". {@code from}/{@code to} are start dates, inclusive. */
    public record Filter(String job, String status, LocalDate from, LocalDate to, int limit) {
    }

    public record ExecutionSummary(long id, String job, String status, String exitCode, LocalDateTime start,
            LocalDateTime end) {
    }

    public record StepSummary(long id, String name, String status, long readCount, long writeCount, long filterCount,
            long readSkipCount, long processSkipCount, long writeSkipCount, long commitCount, long rollbackCount,
            String exitCode, String exitDescription, LocalDateTime start, LocalDateTime end) {
    }

    /**
     * One execution. {@code failure} is the first line of the exit description (what failed, for a heading),
     * {@code exitDescription} the whole of it (with the stack trace Spring Batch stores for a failure).
     */
    public record ExecutionDetail(long id, String job, long instanceId, String status, String exitCode,
            String exitDescription, String failure, LocalDateTime start, LocalDateTime end,
            Map<String, String> parameters, List<StepSummary> steps) {

        public boolean restartable() {
            return "FAILED".equals(status) || "STOPPED".equals(status);
        }

        public boolean running() {
            return "STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status);
        }
    }

    /**
     * Progress of an execution's current (or last) step: items done, rate, and when the number of items to do
     * is known ({@link ProgressKeys#EXPECTED_ITEMS}) the expected total and the seconds still to go.
     */
    public record Progress(long executionId, String status, String step, String stepStatus, long itemsDone,
            long skipped, double itemsPerSecond, Long expectedItems, Long etaSeconds, long elapsedSeconds) {
    }

    public record ActionResult(long executionId, String action, String status, Long newExecutionId, String message) {
    }
}
