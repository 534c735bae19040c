package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.util.List;

/** The balanced entry that eliminates one pair's intercompany balances of one category. */
public record EliminationEntry(String reference, String entityA, String entityB, IntercompanyCategory category,
        List<EliminationLine> lines) {

    public EliminationEntry {
        lines = List.copyOf(lines);
    }

    public BigDecimal totalDebit() {
        return lines.stream().map(EliminationLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredit() {
        return lines.stream().map(EliminationLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
