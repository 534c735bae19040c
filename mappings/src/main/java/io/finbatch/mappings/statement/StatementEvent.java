package io.finbatch.mappings.statement;

/**
 * What a streaming statement reader yields, in file order: a statement starts, its lines follow, it
 * ends. Readers never hold a whole statement in memory.
 */
public sealed interface StatementEvent {

    record Started(StatementHeader header) implements StatementEvent {
    }

    record Line(StatementHeader header, StatementLine line) implements StatementEvent {
    }

    record Ended(StatementHeader header, StatementTrailer trailer) implements StatementEvent {
    }
}
