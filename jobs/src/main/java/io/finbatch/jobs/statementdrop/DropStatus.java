package io.finbatch.jobs.statementdrop;

import java.time.Instant;

/**
 * A received file and its import. {@code status}: QUEUED, IMPORTING, then the import's answer (IMPORTED,
 * ALREADY_IMPORTED, REJECTED, FAILED, ...). {@code duplicate} is true when this answers a second drop of content
 * received before: then it is the earlier drop and its import.
 */
public record DropStatus(long id, String fileName, String sha256, long sizeBytes, String source, Instant receivedAt,
        String status, Long statementFileId, Long executionId, String format, Integer statements, Long linesImported,
        Long duplicates, Long skipped, String rejectionReason, String message, boolean duplicate, String link) {

    DropStatus asDuplicate() {
        return new DropStatus(id, fileName, sha256, sizeBytes, source, receivedAt, status, statementFileId,
                executionId, format, statements, linesImported, duplicates, skipped, rejectionReason, message, true,
                link);
    }

    public boolean finished() {
        return !status.equals("QUEUED") && !status.equals("IMPORTING");
    }
}
