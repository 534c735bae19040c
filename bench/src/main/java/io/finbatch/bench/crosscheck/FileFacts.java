package io.finbatch.bench.crosscheck;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a parser says about one statement file, in the terms both parsers share: statements, entries
 * ({@code Ntry} / {@code :61:}), lines (our lines; for Prowide one per {@code TxDtls}, at least one per entry),
 * the signed sum of all entries of any status, and per statement its balances by type.
 */
record FileFacts(String format, List<StatementFacts> statements, String note) {

    long entries() {
        return statements.stream().mapToLong(StatementFacts::entries).sum();
    }

    long lines() {
        return statements.stream().mapToLong(StatementFacts::lines).sum();
    }

    BigDecimal sum() {
        return statements.stream().map(StatementFacts::sum).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One statement; {@code opening}/{@code closing} are the balance the parser chose (ours) or all it has (Prowide). */
    record StatementFacts(long entries, long lines, BigDecimal sum, List<TypedBalance> balances,
            TypedBalance opening, TypedBalance closing) {
    }

    /** A balance and the file's code for its type ({@code OPBD}, {@code CLBD}, {@code 60F}, {@code 62M}...). */
    record TypedBalance(String type, BigDecimal amount) {

        @Override
        public String toString() {
            return type + " " + (amount == null ? "?" : amount.toPlainString());
        }
    }
}
