package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The consolidated trial balance of a period with what produced it: the trial balance (one worksheet row
 * per group account that received anything, by account code), each entity's translation, the elimination
 * entries, and the intercompany matching of every pair and category.
 */
public record ConsolidationResult(YearMonth period, String groupCurrency, List<TrialBalanceLine> trialBalance,
        List<EntityTranslation> translations, List<EliminationEntry> eliminations,
        List<IntercompanyMatch> intercompanyMatches) {

    public ConsolidationResult {
        trialBalance = List.copyOf(trialBalance);
        translations = List.copyOf(translations);
        eliminations = List.copyOf(eliminations);
        intercompanyMatches = List.copyOf(intercompanyMatches);
    }

    public BigDecimal totalDebit() {
        return trialBalance.stream().map(TrialBalanceLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalCredit() {
        return trialBalance.stream().map(TrialBalanceLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** How many source lines were consolidated. */
    public long sourceLines() {
        return translations.stream().mapToLong(EntityTranslation::lines).sum();
    }

    public boolean isBalanced() {
        return totalDebit().compareTo(totalCredit()) == 0;
    }

    public Optional<TrialBalanceLine> line(String groupAccount) {
        return trialBalance.stream().filter(l -> l.account().equals(groupAccount)).findFirst();
    }

    /** The pairs whose intercompany balances did not cancel: the report of intercompany differences. */
    public List<IntercompanyMatch> intercompanyDifferences() {
        return intercompanyMatches.stream().filter(m -> !m.matched()).toList();
    }
}
