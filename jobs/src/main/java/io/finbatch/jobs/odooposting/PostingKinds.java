package io.finbatch.jobs.odooposting;

import io.finbatch.writers.posting.OutboxKind;

/** The {@code kind} job parameter: {@code statements} or {@code entries}. */
public final class PostingKinds {

    public static final String STATEMENTS = "statements";
    public static final String ENTRIES = "entries";

    private PostingKinds() {
    }

    public static OutboxKind parse(String kind) {
        return switch (kind == null ? "" : kind) {
            case STATEMENTS -> OutboxKind.STATEMENT_LINE;
            case ENTRIES -> OutboxKind.JOURNAL_ENTRY;
            default -> throw new IllegalArgumentException("kind must be '" + STATEMENTS + "' or '" + ENTRIES
                    + "', not '" + kind + "'");
        };
    }
}
