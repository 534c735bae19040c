package io.finbatch.mappings.consolidation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Source lines that cannot be consolidated whatever the mapping and rates: unknown entity, not in the
 * entity's currency, negative amount, more decimals than the currency has, dated after the period, or an
 * intercompany line without a valid partner. Keeps the first {@link #KEPT} problems and counts all of them.
 */
public final class InvalidSourceLinesException extends ConsolidationException {

    public static final int KEPT = 100;

    private final List<LineProblem> problems;
    private final long count;

    public InvalidSourceLinesException(List<LineProblem> problems, long count) {
        super(count + " invalid source line(s): "
                + problems.stream().map(LineProblem::toString).collect(Collectors.joining("; "))
                + (count > problems.size() ? "; and " + (count - problems.size()) + " more" : ""));
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    public List<LineProblem> problems() {
        return problems;
    }

    public long count() {
        return count;
    }
}
