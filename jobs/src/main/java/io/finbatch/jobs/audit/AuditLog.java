package io.finbatch.jobs.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log ({@code audit_log}, append-only in the database). Each entry is written in its own
 * auto-committed statement, so it stays even when the audited action fails.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    public enum Outcome { SUCCEEDED, FAILED, DENIED, UNAUTHENTICATED }

    public record Entry(long id, Instant occurredAt, String actor, String action, String target, String outcome,
            String detail, String remoteAddress) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, Outcome outcome, String detail,
            String remoteAddress) {
        jdbc.update("INSERT INTO audit_log (occurred_at, actor, action, target, outcome, detail, remote_address)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamp.from(Instant.now(clock)),
                cut(actor == null || actor.isBlank() ? "anonymous" : actor, 100), cut(action, 50), cut(target, 300),
                outcome.name(), cut(detail, 4000), cut(remoteAddress, 100));
        log.info("audit: {} {} {} -> {}{}", actor, action, target, outcome, detail == null ? "" : " (" + detail + ")");
    }

    /** The latest entries first, optionally of one actor and/or one action. */
    public List<Entry> latest(String actor, String action, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, action, target, outcome, detail,"
                + " remote_address FROM audit_log WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            args.add(action);
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(Math.min(Math.max(1, limit), 1000)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)),
                args.toArray());
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
