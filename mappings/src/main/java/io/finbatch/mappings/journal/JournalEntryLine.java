package io.finbatch.mappings.journal;

import java.math.BigDecimal;

/** One line of a journal entry: an account, debit or credit in the company currency, and its details. */
public record JournalEntryLine(String accountCode, String partnerName, String label, BigDecimal debit,
        BigDecimal credit, String currency, BigDecimal amountCurrency, String analytic) {

    public JournalEntryLine {
        debit = debit == null ? BigDecimal.ZERO : debit;
        credit = credit == null ? BigDecimal.ZERO : credit;
    }
}
