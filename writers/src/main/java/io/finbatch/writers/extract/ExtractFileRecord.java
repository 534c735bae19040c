package io.finbatch.writers.extract;

import java.time.Instant;

/** A row of {@code extract_file}: one file an extract job wrote. */
public record ExtractFileRecord(String name, String kind, String period, int version, String format, String path,
        String manifestPath, String sha256, String definitionSha256, long rowCount, String controlTotals,
        Instant asOf, Long jobExecutionId, Instant createdAt) {
}
