package io.finbatch.mappings.rules;

import io.finbatch.mappings.statement.StatementLine;

import java.util.List;

/** The mappings of a batch of lines, in their order, with the matched and unmatched ones apart. */
public record BankLineMappingReport(List<BankLineMapping> mappings) {

    public BankLineMappingReport {
        mappings = List.copyOf(mappings);
    }

    public List<BankLineMapping.Matched> matched() {
        return mappings.stream().filter(BankLineMapping.Matched.class::isInstance)
                .map(BankLineMapping.Matched.class::cast).toList();
    }

    public List<BankLineMapping.Unmatched> unmatched() {
        return mappings.stream().filter(BankLineMapping.Unmatched.class::isInstance)
                .map(BankLineMapping.Unmatched.class::cast).toList();
    }

    /**
     * One line per unmatched statement line, for a controller: account, booking (else value) date,
     * amount, counterparty, where it is in its file, and why it was not mapped.
     */
    public List<String> unmatchedListing() {
        return unmatched().stream().map(u -> describe(u.accountKey(), u.line()) + ": " + u.reason()).toList();
    }

    static String describe(String accountKey, StatementLine line) {
        StringBuilder text = new StringBuilder(accountKey).append(' ')
                .append(line.bookingDate() != null ? line.bookingDate() : line.valueDate()).append(' ')
                .append(line.amount() == null ? "?" : line.amount().toPlainString()).append(' ')
                .append(line.currency());
        if (line.counterparty() != null && line.counterparty().name() != null) {
            text.append(' ').append(line.counterparty().name());
        }
        if (line.remittance() != null) {
            text.append(" \"").append(line.remittance()).append('"');
        }
        if (line.location() != null) {
            text.append(" (").append(line.location()).append(')');
        }
        return text.toString();
    }
}
