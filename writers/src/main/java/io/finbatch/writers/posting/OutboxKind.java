package io.finbatch.writers.posting;

/** What an outbox row posts, and the prefix of its business key. */
public enum OutboxKind {
    /** A staged bank statement line, posted as {@code account.bank.statement.line}. */
    STATEMENT_LINE("FB-L-"),
    /** A journal entry, posted as a posted {@code account.move}. */
    JOURNAL_ENTRY("FB-E-");

    private final String keyPrefix;

    OutboxKind(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public String keyPrefix() {
        return keyPrefix;
    }
}
