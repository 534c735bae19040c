package io.finbatch.mappings.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One statement line in the canonical model (see the statement JSON contract). Amounts are signed from
 * the account holder's view; a reversal keeps the sign of the booking it makes. {@code location} says
 * where in the file the line came from ({@code line 42}, {@code /Document/BkToCstmrStmt/Stmt[1]/Ntry[3]/NtryDtls/TxDtls[2]}), for
 * error messages and import exceptions. {@code uniqueImportId} is derived from content, so the same line
 * in a later file gets the same id.
 */
public record StatementLine(
        LocalDate bookingDate,
        LocalDate valueDate,
        BigDecimal amount,
        String currency,
        boolean reversal,
        String bankReference,
        String customerReference,
        String endToEndId,
        String batchReference,
        Counterparty counterparty,
        String remittance,
        String structuredReference,
        TransactionCode transactionCode,
        OriginalAmount originalAmount,
        String rawInformation,
        String uniqueImportId,
        EntryStatus status,
        String location) {

    public boolean booked() {
        return status == EntryStatus.BOOKED;
    }

    public StatementLine withUniqueImportId(String id) {
        return toBuilder().uniqueImportId(id).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .bookingDate(bookingDate).valueDate(valueDate).amount(amount).currency(currency)
                .reversal(reversal).bankReference(bankReference).customerReference(customerReference)
                .endToEndId(endToEndId).batchReference(batchReference).counterparty(counterparty)
                .remittance(remittance).structuredReference(structuredReference)
                .transactionCode(transactionCode).originalAmount(originalAmount)
                .rawInformation(rawInformation).uniqueImportId(uniqueImportId).status(status)
                .location(location);
    }

    /** Mutable builder for readers that collect a line's fields as they stream past. */
    public static final class Builder {
        private LocalDate bookingDate;
        private LocalDate valueDate;
        private BigDecimal amount;
        private String currency;
        private boolean reversal;
        private String bankReference;
        private String customerReference;
        private String endToEndId;
        private String batchReference;
        private Counterparty counterparty;
        private String remittance;
        private String structuredReference;
        private TransactionCode transactionCode;
        private OriginalAmount originalAmount;
        private String rawInformation;
        private String uniqueImportId;
        private EntryStatus status = EntryStatus.BOOKED;
        private String location;

        public Builder bookingDate(LocalDate v) { bookingDate = v; return this; }
        public Builder valueDate(LocalDate v) { valueDate = v; return this; }
        public Builder amount(BigDecimal v) { amount = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder reversal(boolean v) { reversal = v; return this; }
        public Builder bankReference(String v) { bankReference = v; return this; }
        public Builder customerReference(String v) { customerReference = v; return this; }
        public Builder endToEndId(String v) { endToEndId = v; return this; }
        public Builder batchReference(String v) { batchReference = v; return this; }
        public Builder counterparty(Counterparty v) { counterparty = v; return this; }
        public Builder remittance(String v) { remittance = v; return this; }
        public Builder structuredReference(String v) { structuredReference = v; return this; }
        public Builder transactionCode(TransactionCode v) { transactionCode = v; return this; }
        public Builder originalAmount(OriginalAmount v) { originalAmount = v; return this; }
        public Builder rawInformation(String v) { rawInformation = v; return this; }
        public Builder uniqueImportId(String v) { uniqueImportId = v; return this; }
        public Builder status(EntryStatus v) { status = v; return this; }
        public Builder location(String v) { location = v; return this; }

        public LocalDate bookingDate() { return bookingDate; }
        public LocalDate valueDate() { return valueDate; }
        public BigDecimal amount() { return amount; }
        public String currency() { return currency; }

        public StatementLine build() {
            return new StatementLine(bookingDate, valueDate, amount, currency, reversal, bankReference,
                    customerReference, endToEndId, batchReference,
                    counterparty == null || counterparty.isEmpty() ? null : counterparty,
                    remittance, structuredReference,
                    transactionCode == null || transactionCode.isEmpty() ? null : transactionCode,
                    originalAmount, rawInformation, uniqueImportId, status, location);
        }
    }
}
