package io.finbatch.writers.staging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Writes the exception queue of the statement import ({@code import_exception}). */
public class ImportExceptionRecorder {

    public enum Kind { REJECTED_FILE, SKIPPED_ENTRY, PERIOD_LOCKED }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ImportExceptionRecorder(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code snippet} must already be masked. */
    public void record(Long fileId, Long executionId, String fileName, Kind kind, String location, String reason,
            String snippet) {
        jdbc.update("INSERT INTO import_exception (statement_file_id, job_execution_id, file_name, kind, location,"
                + " reason, snippet, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                fileId, executionId, StatementFileRegistry.abbreviate(fileName, 1000), kind.name(),
                StatementFileRegistry.abbreviate(location, 300), StatementFileRegistry.abbreviate(reason, 4000),
                StatementFileRegistry.abbreviate(snippet, 4000), Timestamp.from(Instant.now(clock)));
    }
}
