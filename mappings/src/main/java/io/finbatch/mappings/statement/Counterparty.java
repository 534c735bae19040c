package io.finbatch.mappings.statement;

/** The other party of a statement line: debtor of a credit, creditor of a debit. */
public record Counterparty(String name, String iban, String other, String bic) {

    public boolean isEmpty() {
        return name == null && iban == null && other == null && bic == null;
    }
}
