package io.finbatch.writers.journal;

import io.finbatch.mappings.journal.LedgerLine;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The journal-line store ({@code journal_line}). A line already stored under its (source, entity, line id)
 * is not stored again, so importing a source twice adds nothing and a re-written chunk changes nothing.
 */
public class JournalLineStore {

    private final JdbcTemplate jdbc;

    public JournalLineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the lines not stored yet; returns how many were new. {@code currency}: the entity's own. */
    public int storeNew(String source, String currency, List<LedgerLine> lines) {
        if (lines.isEmpty()) {
            return 0;
        }
        Set<String> existing = existing(source, lines);
        List<Object[]> rows = new ArrayList<>();
        for (LedgerLine line : lines) {
            if (existing.add(line.entity() + "\u0000" + line.lineId())) {
                rows.add(new Object[] {line.entity(), source, line.lineId(), line.journal(), line.entryId(),
                    Date.valueOf(line.date()), line.account(), line.label(), line.debit(), line.credit(), currency,
                    line.currency(), line.amountCurrency(), line.partner(), line.counterpartyEntity(),
                    line.reference(), Timestamp.from(line.recordedAt())});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO journal_line (entity, source, source_line_id, journal, entry_id, entry_date,"
                    + " account, label, debit, credit, currency, transaction_currency, amount_currency, partner,"
                    + " counterparty_entity, reference, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
        return rows.size();
    }

    private Set<String> existing(String source, List<LedgerLine> lines) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < lines.size(); from += 500) {
            List<LedgerLine> slice = lines.subList(from, Math.min(lines.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(slice.size(), "?"));
            List<Object> args = new ArrayList<>();
            args.add(source);
            slice.forEach(line -> args.add(line.lineId()));
            jdbc.query("SELECT entity, source_line_id FROM journal_line WHERE source = ? AND source_line_id IN ("
                    + marks + ")", rs -> {
                        found.add(rs.getString(1) + "\u0000" + rs.getString(2));
                    }, args.toArray());
        }
        return found;
    }
}
