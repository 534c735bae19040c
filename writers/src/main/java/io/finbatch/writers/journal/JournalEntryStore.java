package io.finbatch.writers.journal;

import io.finbatch.mappings.journal.JournalEntry;
import io.finbatch.mappings.journal.JournalEntryLine;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Stores journal entries to post ({@code journal_entry}, {@code journal_entry_line}), once per entry key. */
public class JournalEntryStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JournalEntryStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores the entry unless an entry with its key exists; true when stored. */
    public boolean saveIfAbsent(JournalEntry entry, String source) {
        Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry WHERE entry_key = ?",
                Integer.class, entry.entryKey());
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("INSERT INTO journal_entry (entry_key, entity, journal_code, entry_date, reference, source,"
                + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", entry.entryKey(), entry.entity(), entry.journalCode(),
                Date.valueOf(entry.date()), entry.reference(), source, Timestamp.from(Instant.now(clock)));
        long id = jdbc.queryForObject("SELECT id FROM journal_entry WHERE entry_key = ?", Long.class, entry.entryKey());
        List<Object[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (JournalEntryLine line : entry.lines()) {
            rows.add(new Object[] {id, ++lineNo, line.accountCode(), line.partnerName(), line.label(), line.debit(),
                line.credit(), line.currency(), line.amountCurrency(), line.analytic()});
        }
        jdbc.batchUpdate("INSERT INTO journal_entry_line (journal_entry_id, line_no, account_code, partner_name, label,"
                + " debit, credit, currency, amount_currency, analytic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return true;
    }

    /** The entry stored under {@code id}, with its lines in order. */
    public JournalEntry load(long id) {
        List<JournalEntryLine> lines = jdbc.query("SELECT account_code, partner_name, label, debit, credit, currency,"
                + " amount_currency, analytic FROM journal_entry_line WHERE journal_entry_id = ? ORDER BY line_no",
                (rs, n) -> new JournalEntryLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6), rs.getBigDecimal(7),
                        rs.getString(8)), id);
        return jdbc.queryForObject("SELECT entry_key, entity, journal_code, entry_date, reference FROM journal_entry"
                + " WHERE id = ?", (rs, n) -> new JournalEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getString(5), lines), id);
    }
}
