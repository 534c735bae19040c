package io.finbatch.writers.staging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The register of received statement files ({@code statement_file}), one row per content (SHA-256).
 * It is what makes a second import of the same file a no-op, and two concurrent imports of it one.
 */
public class StatementFileRegistry {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public StatementFileRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record FileRow(long id, String sha256, String fileName, String format, String status,
            Long jobExecutionId, Integer statements, Long linesImported, Long linesDuplicate, Long linesSkipped,
            String rejectionReason) {
    }

    /**
     * Claims the file for {@code executionId}. A file IMPORTING under a job execution that is no longer
     * running ({@code ownerStillRunning} false) may be claimed again: that is a restart.
     */
    public FileRegistration register(String sha256, String fileName, long sizeBytes, long executionId,
            java.util.function.LongPredicate ownerStillRunning) {
        Optional<FileRow> existing = find(sha256);
        if (existing.isEmpty()) {
            if (!insertUnlessPresent(sha256, fileName, sizeBytes, executionId)) {
                return register(sha256, fileName, sizeBytes, executionId, ownerStillRunning);
            }
            return new FileRegistration(FileRegistration.Outcome.REGISTERED, find(sha256).orElseThrow().id(), null);
        }
        FileRow row = existing.get();
        if ("IMPORTED".equals(row.status())) {
            return new FileRegistration(FileRegistration.Outcome.ALREADY_IMPORTED, row.id(), row.jobExecutionId());
        }
        boolean ownedByAnother = "IMPORTING".equals(row.status()) && row.jobExecutionId() != null
                && row.jobExecutionId() != executionId && ownerStillRunning.test(row.jobExecutionId());
        if (ownedByAnother) {
            return new FileRegistration(FileRegistration.Outcome.IN_PROGRESS, row.id(), row.jobExecutionId());
        }
        // A previous attempt was rejected or died: this execution takes the file over (compare-and-set).
        int claimed = jdbc.update("UPDATE statement_file SET status = 'IMPORTING', job_execution_id = ?,"
                + " file_name = ?, rejection_reason = NULL, completed_at = NULL"
                + " WHERE id = ? AND status = ? AND (job_execution_id IS NULL OR job_execution_id = ?)",
                executionId, fileName, row.id(), row.status(), row.jobExecutionId());
        if (claimed == 0) {
            return register(sha256, fileName, sizeBytes, executionId, ownerStillRunning);
        }
        return new FileRegistration(FileRegistration.Outcome.REGISTERED, row.id(), null);
    }

    /**
     * Inserts the file's row, or finds that a concurrent import of the same file inserted it first (false). The
     * insert runs under a savepoint: on PostgreSQL a failed statement aborts the whole transaction, and the
     * claim continues in that transaction.
     */
    private boolean insertUnlessPresent(String sha256, String fileName, long sizeBytes, long executionId) {
        Boolean inserted = jdbc.execute((java.sql.Connection connection) -> {
            java.sql.Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO statement_file"
                    + " (sha256, file_name, size_bytes, status, job_execution_id, received_at)"
                    + " VALUES (?, ?, ?, 'IMPORTING', ?, ?)")) {
                insert.setString(1, sha256);
                insert.setString(2, fileName);
                insert.setLong(3, sizeBytes);
                insert.setLong(4, executionId);
                insert.setTimestamp(5, now());
                insert.executeUpdate();
            } catch (java.sql.SQLException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                return false;
            }
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return true;
        });
        return Boolean.TRUE.equals(inserted);
    }

    /** SQLSTATE 23505 (PostgreSQL, H2): unique constraint violated. */
    private static boolean isUniqueViolation(java.sql.SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    public void recordFormat(long fileId, String format) {
        jdbc.update("UPDATE statement_file SET format = ? WHERE id = ?", format, fileId);
    }

    public void markRejected(long fileId, String reason) {
        jdbc.update("UPDATE statement_file SET status = 'REJECTED', rejection_reason = ?, completed_at = ?"
                + " WHERE id = ?", abbreviate(reason, 4000), now(), fileId);
    }

    /**
     * Marks the file imported and totals its statements' counters. Skipped entries are counted from the
     * exception queue by location, so an entry skipped again by a restart counts once.
     */
    public void markImported(long fileId) {
        jdbc.update("UPDATE statement_file SET status = 'IMPORTED', completed_at = ?,"
                + " lines_skipped = (SELECT COUNT(DISTINCT e.location) FROM import_exception e"
                + "   WHERE e.statement_file_id = ? AND e.kind = 'SKIPPED_ENTRY'),"
                + " statements = (SELECT COUNT(*) FROM bank_statement s WHERE s.statement_file_id = ?),"
                + " lines_imported = (SELECT COALESCE(SUM(s.lines_imported), 0) FROM bank_statement s"
                + "   WHERE s.statement_file_id = ?),"
                + " lines_duplicate = (SELECT COALESCE(SUM(s.lines_duplicate), 0) FROM bank_statement s"
                + "   WHERE s.statement_file_id = ?)"
                + " WHERE id = ?", now(), fileId, fileId, fileId, fileId, fileId);
    }

    public Optional<FileRow> find(String sha256) {
        return one("WHERE sha256 = ?", sha256);
    }

    public Optional<FileRow> findById(long id) {
        return one("WHERE id = ?", id);
    }

    private Optional<FileRow> one(String where, Object arg) {
        List<FileRow> rows = jdbc.query("SELECT id, sha256, file_name, format, status, job_execution_id, statements,"
                + " lines_imported, lines_duplicate, lines_skipped, rejection_reason FROM statement_file " + where,
                (rs, n) -> new FileRow(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"),
                        rs.getString("format"), rs.getString("status"), (Long) rs.getObject("job_execution_id", Long.class),
                        (Integer) rs.getObject("statements", Integer.class),
                        (Long) rs.getObject("lines_imported", Long.class),
                        (Long) rs.getObject("lines_duplicate", Long.class),
                        (Long) rs.getObject("lines_skipped", Long.class), rs.getString("rejection_reason")),
                arg);
        return rows.stream().findFirst();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
