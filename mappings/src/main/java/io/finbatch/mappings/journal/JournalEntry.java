package io.finbatch.mappings.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A journal entry to book (adjusting, closing, consolidation). {@code entryKey} is its business key:
 * unique, and what the entry carries into Odoo so that it is never booked twice.
 */
public record JournalEntry(String entryKey, String entity, String journalCode, LocalDate date, String reference,
        List<JournalEntryLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }

    public BigDecimal totalDebit() {
        return lines.stream().map(JournalEntryLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredit() {
        return lines.stream().map(JournalEntryLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
