package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants every consolidation keeps, checked from the result and the lineage it emitted. */
final class ConsolidationInvariants {

    private ConsolidationInvariants() {
    }

    static void assertHold(ConsolidationGroup group, ConsolidationResult result, List<Contribution> lineage) {
        assertBalanced(result);
        assertLineageSumsToEveryFigure(result, lineage);
        assertTranslationDifferencesOnlyOnReserve(group, result, lineage);
        assertEliminationsNetToZero(group, result, lineage);
        assertIntercompanyAccountsNetToZero(group, result);
        assertEachSourceLineOnce(lineage);
    }

    static void assertBalanced(ConsolidationResult result) {
        assertThat(result.totalDebit()).as("total debit = total credit").isEqualByComparingTo(result.totalCredit());
        assertThat(result.isBalanced()).isTrue();
    }

    static void assertLineageSumsToEveryFigure(ConsolidationResult result, List<Contribution> lineage) {
        Set<String> accounts = result.trialBalance().stream().map(TrialBalanceLine::account)
                .collect(Collectors.toSet());
        assertThat(lineage).as("every contribution lands on a trial balance line")
                .allSatisfy(c -> assertThat(accounts).contains(c.groupAccount()));
        for (TrialBalanceLine line : result.trialBalance()) {
            String account = line.account();
            Predicate<Contribution> onAccount = c -> c.groupAccount().equals(account);
            assertThat(sum(lineage, onAccount, Contribution::debit)).as("debit of " + account)
                    .isEqualByComparingTo(line.debit());
            assertThat(sum(lineage, onAccount, Contribution::credit)).as("credit of " + account)
                    .isEqualByComparingTo(line.credit());
            assertThat(sum(lineage, onAccount.and(ConsolidationInvariants::isElimination), Contribution::amount))
                    .as("eliminations of " + account).isEqualByComparingTo(line.eliminations());
            BigDecimal columns = line.eliminations();
            for (Map.Entry<String, BigDecimal> column : line.entityBalances().entrySet()) {
                Predicate<Contribution> ofEntity = c -> !isElimination(c) && column.getKey().equals(c.entity());
                assertThat(sum(lineage, onAccount.and(ofEntity), Contribution::amount))
                        .as(column.getKey() + " column of " + account).isEqualByComparingTo(column.getValue());
                columns = columns.add(column.getValue());
            }
            assertThat(columns).as("entity columns + eliminations = balance of " + account)
                    .isEqualByComparingTo(line.balance());
            assertThat(line.balance()).isEqualByComparingTo(line.debit().subtract(line.credit()));
        }
    }

    static void assertTranslationDifferencesOnlyOnReserve(ConsolidationGroup group, ConsolidationResult result,
            List<Contribution> lineage) {
        List<Contribution> differences = lineage.stream()
                .filter(c -> c.kind() == Contribution.Kind.TRANSLATION).toList();
        assertThat(differences).as("translation differences land on the reserve only")
                .allSatisfy(c -> assertThat(c.groupAccount()).isEqualTo(group.translationReserveAccount()));
        assertThat(differences).extracting(Contribution::entity).doesNotHaveDuplicates();
        for (EntityTranslation translation : result.translations()) {
            assertThat(translation.localDebit()).as(translation.entity() + " balances in " + translation.currency())
                    .isEqualByComparingTo(translation.localCredit());
            BigDecimal booked = sum(differences, c -> c.entity().equals(translation.entity()), Contribution::amount);
            assertThat(booked).as("translation difference of " + translation.entity())
                    .isEqualByComparingTo(translation.translationDifference());
            assertThat(translation.translatedDebit().subtract(translation.translatedCredit()).add(booked))
                    .as(translation.entity() + " balances once its difference is booked").isZero();
            BigDecimal column = sum(lineage, c -> !isElimination(c) && translation.entity().equals(c.entity()),
                    Contribution::amount);
            assertThat(column).as("column of " + translation.entity() + " balances").isZero();
        }
        for (TrialBalanceLine line : result.trialBalance()) {
            if (!line.account().equals(group.translationReserveAccount())) {
                assertThat(lineage.stream().filter(c -> c.groupAccount().equals(line.account()))
                        .map(Contribution::kind)).doesNotContain(Contribution.Kind.TRANSLATION);
            }
        }
    }

    static void assertEliminationsNetToZero(ConsolidationGroup group, ConsolidationResult result,
            List<Contribution> lineage) {
        assertThat(result.eliminations()).allSatisfy(entry -> assertThat(entry.totalDebit())
                .as("entry " + entry.reference() + " balances").isEqualByComparingTo(entry.totalCredit()));
        assertThat(sum(lineage, ConsolidationInvariants::isElimination, Contribution::amount))
                .as("eliminations net to zero").isZero();
        BigDecimal reported = result.intercompanyMatches().stream().map(IntercompanyMatch::difference)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal booked = sum(lineage,
                c -> isElimination(c) && c.groupAccount().equals(group.intercompanyDifferenceAccount()),
                Contribution::amount);
        assertThat(booked).as("the reported differences are what lands on the difference account")
                .isEqualByComparingTo(reported);
        for (IntercompanyMatch match : result.intercompanyMatches()) {
            assertThat(match.difference()).isEqualByComparingTo(match.balanceA().add(match.balanceB()));
        }
    }

    static void assertIntercompanyAccountsNetToZero(ConsolidationGroup group, ConsolidationResult result) {
        assertThat(result.trialBalance()).filteredOn(l -> group.chart().account(l.account()).isIntercompany())
                .allSatisfy(l -> assertThat(l.balance()).as("intercompany account " + l.account()).isZero());
    }

    static void assertEachSourceLineOnce(List<Contribution> lineage) {
        Set<Long> seen = new HashSet<>();
        lineage.stream().filter(c -> c.kind() == Contribution.Kind.SOURCE_LINE)
                .forEach(c -> assertThat(seen.add(c.sourceLineId())).as("line " + c.sourceLineId() + " once").isTrue());
        assertThat(lineage).filteredOn(c -> c.kind() != Contribution.Kind.SOURCE_LINE)
                .allSatisfy(c -> assertThat(c.reference()).isNotBlank());
    }

    static boolean isElimination(Contribution contribution) {
        return contribution.kind() == Contribution.Kind.ELIMINATION;
    }

    static BigDecimal sum(List<Contribution> lineage, Predicate<Contribution> which,
            Function<Contribution, BigDecimal> amount) {
        return lineage.stream().filter(which).map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
