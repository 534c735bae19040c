package io.finbatch.jobs.statementimport;

/**
 * The outcome of importing one file, as the command line prints it. {@code status} is IMPORTED,
 * ALREADY_IMPORTED, REJECTED, FAILED or STOPPED.
 */
public record ImportResult(String file, String format, int statements, long linesImported, long duplicates,
        long skipped, String status, long executionId, String message) {
}
