package io.finbatch.jobs.exceptionqueue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The two exception queues and what an operator may do with their items.
 * <ul>
 * <li>Import exceptions ({@code import_exception}): a REJECTED_FILE re-queued is tried again by the next import
 * of its inbox (a rejected file may always be re-sent); a PERIOD_LOCKED bank line re-queued loses its mapping
 * mark, so the next bank-line mapping maps it again (e.g. after the period was reopened); a SKIPPED_ENTRY
 * cannot be re-queued: the entry comes back only with a corrected file from the bank.</li>
 * <li>Refused postings ({@code odoo_outbox} SKIPPED): re-queued to PENDING with its attempts reset, so the next
 * posting run sends it again (e.g. after the partner or account was fixed in Odoo).</li>
 * </ul>
 * Dismissing needs a comment: the item is closed (DISMISSED) and no longer counts as open. Each action is
 * kept in {@code exception_action}.
 */
@Component
public class ExceptionQueue {

    public enum Queue { IMPORT, POSTING }

    /** The queue named in a path: import or posting. */
    public static Queue queue(String name) {
        try {
            return Queue.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown queue " + name + " (import or posting)");
        }
    }

    public enum Action { REQUEUE, DISMISS }

    public record ImportException(long id, Long jobExecutionId, String fileName, String kind, String location,
            String reason, String snippet, String status, Instant createdAt) {

        public boolean requeueable() {
            return "OPEN".equals(status) && !"SKIPPED_ENTRY".equals(kind);
        }
    }

    public record RefusedPosting(long id, String businessKey, String kind, long sourceId, String itemDate,
            int attempts, String lastError, Long jobExecutionId, Instant updatedAt) {
    }

    public record Exceptions(List<ImportException> imports, List<RefusedPosting> postings) {
    }

    public record Outcome(Queue queue, long id, Action action, String status) {
    }

    private static final String SELECT_IMPORT_EXCEPTION = "SELECT id, job_execution_id, file_name, kind, location,"
            + " reason, snippet, status, created_at";
    private static final RowMapper<ImportException> IMPORT_EXCEPTION = (rs, n) -> new ImportException(rs.getLong(1),
            rs.getObject(2, Long.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ExceptionQueue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param status import exceptions of this status (OPEN, REQUEUED, DISMISSED or ALL) */
    public Exceptions list(String status, int limit) {
        int rows = Math.min(Math.max(1, limit), 5000);
        boolean all = status == null || "ALL".equalsIgnoreCase(status);
        List<ImportException> imports = jdbc.query(SELECT_IMPORT_EXCEPTION + " FROM import_exception"
                + (all ? " WHERE 1 = ?" : " WHERE status = ?") + " ORDER BY id DESC FETCH FIRST " + rows + " ROWS ONLY",
                IMPORT_EXCEPTION,
                all ? (Object) 1 : status.toUpperCase(Locale.ROOT));
        List<RefusedPosting> postings = jdbc.query("SELECT id, business_key, kind, source_id, item_date, attempts,"
                + " last_error, job_execution_id, updated_at FROM odoo_outbox WHERE state = 'SKIPPED'"
                + " ORDER BY id DESC FETCH FIRST " + rows + " ROWS ONLY",
                (rs, n) -> new RefusedPosting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        String.valueOf(rs.getDate(5)), rs.getInt(6), rs.getString(7),
                        rs.getObject(8, Long.class), rs.getTimestamp(9).toInstant()));
        return new Exceptions(imports, postings);
    }

    @Transactional
    public Outcome requeue(Queue queue, long id, String actor, String comment) {
        if (queue == Queue.POSTING) {
            int changed = jdbc.update("UPDATE odoo_outbox SET state = 'PENDING', attempts = 0, updated_at = ?"
                    + " WHERE id = ? AND state = 'SKIPPED'", now(), id);
            requireChanged(changed, queue, id, "a refused (SKIPPED) posting");
            return record(queue, id, Action.REQUEUE, actor, comment, "PENDING");
        }
        ImportException item = importException(id);
        if (!"OPEN".equals(item.status())) {
            throw new IllegalStateException("import exception " + id + " is " + item.status() + ", not OPEN");
        }
        switch (item.kind()) {
            case "SKIPPED_ENTRY" -> throw new IllegalStateException("import exception " + id + " is a skipped entry:"
                    + " it comes back only with a corrected file from the bank; dismiss it with a comment");
            case "PERIOD_LOCKED" -> jdbc.update("DELETE FROM bank_line_mapping WHERE outcome = 'PERIOD_LOCKED'"
                    + " AND statement_line_id = ?", statementLineId(item));
            default -> {
                // REJECTED_FILE: the registry lets a rejected file be claimed again by the next import
            }
        }
        jdbc.update("UPDATE import_exception SET status = 'REQUEUED' WHERE id = ?", id);
        return record(queue, id, Action.REQUEUE, actor, comment, "REQUEUED");
    }

    @Transactional
    public Outcome dismiss(Queue queue, long id, String actor, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("dismissing needs a comment: why this item needs no further action");
        }
        if (queue == Queue.POSTING) {
            int changed = jdbc.update("UPDATE odoo_outbox SET state = 'DISMISSED', updated_at = ?"
                    + " WHERE id = ? AND state = 'SKIPPED'", now(), id);
            requireChanged(changed, queue, id, "a refused (SKIPPED) posting");
            return record(queue, id, Action.DISMISS, actor, comment, "DISMISSED");
        }
        int changed = jdbc.update("UPDATE import_exception SET status = 'DISMISSED' WHERE id = ? AND status = 'OPEN'",
                id);
        requireChanged(changed, queue, id, "an OPEN import exception");
        return record(queue, id, Action.DISMISS, actor, comment, "DISMISSED");
    }

    private ImportException importException(long id) {
        List<ImportException> rows = jdbc.query(SELECT_IMPORT_EXCEPTION + " FROM import_exception WHERE id = ?",
                IMPORT_EXCEPTION, id);
        if (rows.isEmpty()) {
            throw new NoSuchElementException("no import exception " + id);
        }
        return rows.get(0);
    }

    /** The bank-line mapping writes "statement line ID (...)" as the location of a PERIOD_LOCKED exception. */
    private static long statementLineId(ImportException item) {
        String location = item.location() == null ? "" : item.location();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^statement line (\\d+)").matcher(location);
        if (!m.find()) {
            throw new IllegalStateException("import exception " + item.id() + " names no statement line");
        }
        return Long.parseLong(m.group(1));
    }

    private void requireChanged(int changed, Queue queue, long id, String what) {
        if (changed == 0) {
            String table = queue == Queue.POSTING ? "odoo_outbox" : "import_exception";
            Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id);
            if (exists == null || exists == 0) {
                throw new NoSuchElementException("no " + (queue == Queue.POSTING ? "outbox item " : "import exception ")
                        + id);
            }
            throw new IllegalStateException((queue == Queue.POSTING ? "outbox item " : "import exception ") + id
                    + " is not " + what);
        }
    }

    private Outcome record(Queue queue, long id, Action action, String actor, String comment, String status) {
        jdbc.update("INSERT INTO exception_action (queue, exception_id, action, comment, actor, acted_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", queue.name(), id, action.name(),
                comment == null || comment.isBlank() ? null : cut(comment.strip(), 2000), cut(actor, 100), now());
        return new Outcome(queue, id, action, status);
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
