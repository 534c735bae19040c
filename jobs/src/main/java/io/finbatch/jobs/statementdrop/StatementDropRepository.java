package io.finbatch.jobs.statementdrop;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code statement_drop}: one row per received content, joined with {@code statement_file} for its import. */
@Component
class StatementDropRepository {

    record Drop(long id, String sha256, String storedPath) {
    }

    private static final String STATUS = "SELECT d.id, d.file_name, d.sha256, d.size_bytes, d.source, d.received_at,"
            + " d.state, d.outcome, d.job_execution_id, d.message, f.id, f.format, f.statements, f.lines_imported,"
            + " f.lines_duplicate, f.lines_skipped, f.rejection_reason, f.job_execution_id"
            + " FROM statement_drop d LEFT JOIN statement_file f ON f.sha256 = d.sha256";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StatementDropRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a QUEUED drop; a concurrent drop of the same content makes this throw DuplicateKeyException. */
    long insertQueued(String sha256, String fileName, String storedPath, long size, String source, String who) {
        return insert(sha256, fileName, storedPath, size, source, who, "QUEUED", null, null, null);
    }

    /** Records a drop of content imported before it was ever dropped (by the command line or the schedule). */
    long insertImportedBefore(String sha256, String fileName, String storedPath, long size, String source, String who,
            Long executionId) {
        return insert(sha256, fileName, storedPath, size, source, who, "DONE", "ALREADY_IMPORTED", executionId,
                "imported before it was dropped here");
    }

    private long insert(String sha256, String fileName, String storedPath, long size, String source, String who,
            String state, String outcome, Long executionId, String message) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.update("INSERT INTO statement_drop (sha256, file_name, stored_path, size_bytes, source, received_by,"
                + " received_at, state, outcome, job_execution_id, message, finished_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", sha256, fileName, storedPath, size, source, who, now,
                state, outcome, executionId, message, outcome == null ? null : now);
        return bySha256(sha256).orElseThrow().id();
    }

    Optional<Drop> bySha256(String sha256) {
        return jdbc.query("SELECT id, sha256, stored_path FROM statement_drop WHERE sha256 = ?",
                (rs, n) -> new Drop(rs.getLong(1), rs.getString(2), rs.getString(3)), sha256).stream().findFirst();
    }

    Optional<Drop> byId(long id) {
        return jdbc.query("SELECT id, sha256, stored_path FROM statement_drop WHERE id = ?",
                (rs, n) -> new Drop(rs.getLong(1), rs.getString(2), rs.getString(3)), id).stream().findFirst();
    }

    List<Long> queued() {
        return jdbc.queryForList("SELECT id FROM statement_drop WHERE state = 'QUEUED' ORDER BY id", Long.class);
    }

    /** QUEUED → IMPORTING; false when another thread or node took it. */
    boolean take(long id) {
        return jdbc.update("UPDATE statement_drop SET state = 'IMPORTING' WHERE id = ? AND state = 'QUEUED'", id) == 1;
    }

    void finish(long id, String outcome, Long executionId, String message) {
        jdbc.update("UPDATE statement_drop SET state = 'DONE', outcome = ?, job_execution_id = ?, message = ?,"
                + " finished_at = ? WHERE id = ?", outcome, executionId, cut(message),
                Timestamp.from(Instant.now(clock)), id);
    }

    Optional<DropStatus> status(long id) {
        return jdbc.query(STATUS + " WHERE d.id = ?", (rs, n) -> {
            String state = rs.getString(7);
            String outcome = rs.getString(8);
            Long dropExecution = (Long) rs.getObject(9, Long.class);
            Long fileExecution = (Long) rs.getObject(18, Long.class);
            boolean done = "DONE".equals(state);
            return new DropStatus(rs.getLong(1), rs.getString(2), rs.getString(3).trim(), rs.getLong(4),
                    rs.getString(5), rs.getTimestamp(6).toInstant(), done ? outcome : state,
                    (Long) rs.getObject(11, Long.class),
                    "ALREADY_IMPORTED".equals(outcome) && fileExecution != null ? fileExecution
                            : dropExecution != null ? dropExecution : fileExecution,
                    rs.getString(12), (Integer) rs.getObject(13, Integer.class), (Long) rs.getObject(14, Long.class),
                    (Long) rs.getObject(15, Long.class), (Long) rs.getObject(16, Long.class), rs.getString(17),
                    rs.getString(10), false, "/api/statements/" + rs.getLong(1));
        }, id).stream().findFirst();
    }

    private static String cut(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
