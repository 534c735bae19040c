package io.finbatch.mappings.journal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of an entity's general ledger, as exported by its accounting system (layout in
 * {@code examples/group/README.md}). {@code debit} and {@code credit} are in the entity's own currency;
 * {@code currency} and {@code amountCurrency} (signed, positive on the debit side) give the transaction
 * currency when it is another one, else both are null. {@code counterpartyEntity} names the other group
 * entity of an intercompany line. {@code lineId} is unique within the entity's ledger.
 */
public record LedgerLine(String entity, String lineId, String journal, String entryId, LocalDate date,
        String account, String label, BigDecimal debit, BigDecimal credit, String currency,
        BigDecimal amountCurrency, String partner, String counterpartyEntity, String reference,
        Instant recordedAt) {

    public LedgerLine {
        debit = debit == null ? BigDecimal.ZERO : debit;
        credit = credit == null ? BigDecimal.ZERO : credit;
    }

    /** Debit minus credit, in the entity's currency: positive on the debit side. */
    public BigDecimal balance() {
        return debit.subtract(credit);
    }

    /**
     * Whether the line belongs to the balance at {@code lastDay} as known at {@code cutoff}: dated on or
     * before that day and recorded on or before that instant (both inclusive).
     */
    public boolean countsAt(LocalDate lastDay, Instant cutoff) {
        return !date.isAfter(lastDay) && !recordedAt.isAfter(cutoff);
    }
}
