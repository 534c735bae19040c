package io.finbatch.jobs.odooposting;

/** What a posting run did, as the command line prints it. */
public record PostingRunResult(String kind, String status, long executionId, long posted, long alreadyPresent,
        long skipped, long dateMoved, String message) {
}
