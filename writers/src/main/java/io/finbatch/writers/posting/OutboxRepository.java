package io.finbatch.writers.posting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The Odoo outbox ({@code odoo_outbox}): what is to be posted, and what became of it. */
public class OutboxRepository {

    private static final RowMapper<OutboxItem> ITEM = (rs, n) -> new OutboxItem(rs.getLong("id"),
            rs.getString("business_key"), OutboxKind.valueOf(rs.getString("kind")), rs.getLong("source_id"),
            rs.getDate("item_date").toLocalDate(), rs.getString("state"), rs.getInt("attempts"));
    private static final String COLUMNS = "id, business_key, kind, source_id, item_date, state, attempts";
    private static final String QUALIFIED_COLUMNS = "o.id, o.business_key, o.kind, o.source_id, o.item_date, o.state,"
            + " o.attempts";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OutboxRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues every staged statement line not queued yet; returns how many were queued. */
    public int enqueueStatementLines() {
        Timestamp now = now();
        return jdbc.update("INSERT INTO odoo_outbox (business_key, kind, source_id, item_date, state, created_at,"
                + " updated_at) SELECT CONCAT('" + OutboxKind.STATEMENT_LINE.keyPrefix() + "', l.unique_import_id),"
                + " 'STATEMENT_LINE', l.id, COALESCE(l.booking_date, l.value_date), 'PENDING', ?, ?"
                + " FROM statement_line l WHERE NOT EXISTS (SELECT 1 FROM odoo_outbox o"
                + "   WHERE o.business_key = CONCAT('" + OutboxKind.STATEMENT_LINE.keyPrefix() + "', l.unique_import_id))",
                now, now);
    }

    /** Queues every journal entry not queued yet; returns how many were queued. */
    public int enqueueJournalEntries() {
        Timestamp now = now();
        return jdbc.update("INSERT INTO odoo_outbox (business_key, kind, source_id, item_date, state, created_at,"
                + " updated_at) SELECT CONCAT('" + OutboxKind.JOURNAL_ENTRY.keyPrefix() + "', e.entry_key),"
                + " 'JOURNAL_ENTRY', e.id, e.entry_date, 'PENDING', ?, ?"
                + " FROM journal_entry e WHERE NOT EXISTS (SELECT 1 FROM odoo_outbox o"
                + "   WHERE o.business_key = CONCAT('" + OutboxKind.JOURNAL_ENTRY.keyPrefix() + "', e.entry_key))",
                now, now);
    }

    /** Up to {@code limit} items in {@code state}, by id, after {@code afterId}. */
    public List<OutboxItem> inState(OutboxKind kind, String state, long afterId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM odoo_outbox WHERE kind = ? AND state = ? AND id > ?"
                + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY", ITEM, kind.name(), state, afterId);
    }

    /**
     * The journals that have PENDING items of the kind: for statement lines the bank account of their statement,
     * for journal entries {@code ENTITY/JOURNAL_CODE}. Posting partitioned per journal keeps each journal's
     * items in one partition, in order.
     */
    public List<String> pendingJournals(OutboxKind kind) {
        return jdbc.queryForList("SELECT DISTINCT " + journalKey(kind) + " FROM odoo_outbox o" + journalJoin(kind)
                + " WHERE o.kind = ? AND o.state = 'PENDING' ORDER BY 1", String.class, kind.name());
    }

    /** {@link #inState} for the PENDING items of one journal ({@link #pendingJournals}). */
    public List<OutboxItem> pendingOfJournal(OutboxKind kind, String journal, long afterId, int limit) {
        return jdbc.query("SELECT " + QUALIFIED_COLUMNS + " FROM odoo_outbox o" + journalJoin(kind)
                + " WHERE o.kind = ? AND o.state = 'PENDING' AND " + journalKey(kind) + " = ? AND o.id > ?"
                + " ORDER BY o.id FETCH FIRST " + limit + " ROWS ONLY", ITEM, kind.name(), journal, afterId);
    }

    private static String journalKey(OutboxKind kind) {
        return kind == OutboxKind.STATEMENT_LINE ? "COALESCE(s.account_iban, s.account_other)"
                : "CONCAT(e.entity, CONCAT('/', e.journal_code))";
    }

    private static String journalJoin(OutboxKind kind) {
        return kind == OutboxKind.STATEMENT_LINE
                ? " JOIN statement_line l ON l.id = o.source_id JOIN bank_statement s ON s.id = l.bank_statement_id"
                : " JOIN journal_entry e ON e.id = o.source_id";
    }

    public void markSent(List<OutboxItem> items, long executionId) {
        update("UPDATE odoo_outbox SET state = 'SENT', attempts = attempts + 1, job_execution_id = ?, updated_at = ?"
                + " WHERE id = ?", items, executionId);
    }

    public void markPending(List<OutboxItem> items) {
        update("UPDATE odoo_outbox SET state = 'PENDING', updated_at = ? WHERE id = ?", items);
    }

    /**
     * Records that the item is in Odoo. A booked date other than ours (Odoo moves dates of a locked period
     * silently) is flagged with {@code date_moved} and a message.
     */
    public void markConfirmed(OutboxItem item, String model, long odooId, LocalDate odooDate, boolean foundInOdoo,
            long executionId) {
        boolean moved = odooDate != null && !odooDate.equals(item.itemDate());
        jdbc.update("UPDATE odoo_outbox SET state = 'CONFIRMED', odoo_model = ?, odoo_id = ?, odoo_date = ?,"
                + " found_in_odoo = ?, date_moved = ?, last_error = ?, job_execution_id = ?, updated_at = ?"
                + " WHERE id = ?", model, odooId, odooDate == null ? null : Date.valueOf(odooDate), foundInOdoo, moved,
                moved ? movedMessage(item, odooDate) : null, executionId, now(),
                item.id());
    }

    /** {@link #markConfirmed(OutboxItem, String, long, LocalDate, boolean, long)} for many items, in one batch. */
    public void markConfirmed(List<PostingResult.Confirmed> confirmed, String model, long executionId) {
        Timestamp now = now();
        List<Object[]> rows = confirmed.stream().map(hit -> {
            boolean moved = hit.odooDate() != null && !hit.odooDate().equals(hit.item().itemDate());
            return new Object[] {model, hit.odooId(), hit.odooDate() == null ? null : Date.valueOf(hit.odooDate()),
                    hit.alreadyPresent(), moved, moved ? movedMessage(hit.item(), hit.odooDate()) : null, executionId,
                    now, hit.item().id()};
        }).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("UPDATE odoo_outbox SET state = 'CONFIRMED', odoo_model = ?, odoo_id = ?, odoo_date = ?,"
                    + " found_in_odoo = ?, date_moved = ?, last_error = ?, job_execution_id = ?, updated_at = ?"
                    + " WHERE id = ?", rows);
        }
    }

    /** An item created in Odoo whose booked date is not read back yet. */
    public record Created(OutboxItem item, long odooId) {
    }

    /**
     * Up to {@code limit} items, by id after {@code afterId}, that were created in Odoo and whose booked date was
     * not read back yet (CONFIRMED, not found there, no {@code odoo_date}): of this run, or of one that stopped
     * before reading them.
     */
    public List<Created> awaitingBookedDate(OutboxKind kind, long afterId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + ", odoo_id FROM odoo_outbox WHERE kind = ? AND state = 'CONFIRMED'"
                + " AND odoo_date IS NULL AND id > ? AND odoo_id IS NOT NULL AND NOT found_in_odoo"
                + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> new Created(ITEM.mapRow(rs, n), rs.getLong("odoo_id")), kind.name(), afterId);
    }

    /**
     * Records the dates Odoo booked the items on, flagging with {@code date_moved} and a message those it moved
     * (as {@link #markConfirmed(OutboxItem, String, long, LocalDate, boolean, long)} does); items without a date
     * in {@code booked} are left as they are. Returns how many were moved.
     */
    public int recordBookedDates(List<Created> items, Map<Long, LocalDate> booked) {
        Timestamp now = now();
        List<Object[]> rows = new java.util.ArrayList<>();
        int moved = 0;
        for (Created created : items) {
            LocalDate date = booked.get(created.odooId());
            if (date == null) {
                continue;
            }
            boolean isMoved = !date.equals(created.item().itemDate());
            moved += isMoved ? 1 : 0;
            rows.add(new Object[] {Date.valueOf(date), isMoved, isMoved ? movedMessage(created.item(), date) : null,
                    now, created.item().id()});
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("UPDATE odoo_outbox SET odoo_date = ?, date_moved = ?, last_error = ?, updated_at = ?"
                    + " WHERE id = ?", rows);
        }
        return moved;
    }

    private static String movedMessage(OutboxItem item, LocalDate odooDate) {
        return "Odoo booked it on " + odooDate + " instead of " + item.itemDate();
    }

    public void markSkipped(OutboxItem item, String reason, long executionId) {
        jdbc.update("UPDATE odoo_outbox SET state = 'SKIPPED', last_error = ?, job_execution_id = ?, updated_at = ?"
                + " WHERE id = ?", abbreviate(reason), executionId, now(), item.id());
    }

    /** What the given job executions did: CONFIRMED split into created and found, SKIPPED, moved dates. */
    public PostingCounts countsFor(OutboxKind kind, List<Long> executionIds) {
        if (executionIds.isEmpty()) {
            return new PostingCounts(0, 0, 0, 0);
        }
        String marks = String.join(",", java.util.Collections.nCopies(executionIds.size(), "?"));
        Object[] args = new Object[executionIds.size() + 1];
        args[0] = kind.name();
        for (int i = 0; i < executionIds.size(); i++) {
            args[i + 1] = executionIds.get(i);
        }
        return jdbc.queryForObject("SELECT"
                + " SUM(CASE WHEN state = 'CONFIRMED' AND NOT found_in_odoo THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 'CONFIRMED' AND found_in_odoo THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 'SKIPPED' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN date_moved THEN 1 ELSE 0 END)"
                + " FROM odoo_outbox WHERE kind = ? AND job_execution_id IN (" + marks + ")",
                (rs, n) -> new PostingCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), args);
    }

    public void markFailed(OutboxItem item, String reason) {
        jdbc.update("UPDATE odoo_outbox SET state = 'FAILED', last_error = ?, updated_at = ? WHERE id = ?",
                abbreviate(reason), now(), item.id());
    }

    /** Number of items per state for {@code kind}. */
    public Map<String, Long> countByState(OutboxKind kind) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT state, COUNT(*) FROM odoo_outbox WHERE kind = ? GROUP BY state",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, kind.name());
        return counts;
    }

    /** Items Odoo booked on another date than ours (its silent re-dating into an open period). */
    public long movedCount(OutboxKind kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE kind = ? AND date_moved = TRUE",
                Long.class, kind.name());
    }

    private void update(String sql, List<OutboxItem> items, Object... leading) {
        Timestamp now = now();
        List<Object[]> rows = items.stream().map(item -> {
            Object[] row = new Object[leading.length + 2];
            System.arraycopy(leading, 0, row, 0, leading.length);
            row[leading.length] = now;
            row[leading.length + 1] = item.id();
            return row;
        }).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

}
