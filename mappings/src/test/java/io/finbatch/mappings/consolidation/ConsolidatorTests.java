package io.finbatch.mappings.consolidation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.finbatch.mappings.consolidation.SampleGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The {@link SampleGroup} consolidated, every figure worked out by hand. */
class ConsolidatorTests {

    private final Consolidator consolidator = new Consolidator(GROUP, RATES);
    private final List<Contribution> lineage = new ArrayList<>();

    private ConsolidationResult consolidate() {
        return consolidator.consolidate(PERIOD, lines(), lineage::add);
    }

    @Test
    void consolidatesTheSampleGroupToTheCent() {
        ConsolidationResult result = consolidate();

        // account  debit       credit      balance
        // 1000  DE 50,000.00 + NL 20,000.00 + 3,000.00 + US 90,000.00 = 163,000.00
        //       DE 1,200.00 + US 300.00 + 0.22 = 1,500.22                     -> 161,499.78
        // 1100  US 11,111.10
        // 1200  DE 10,000.00 + 4,600.00 = 14,600.00, eliminated 14,600.00     -> 0
        // 2200  eliminated NL 9,950.00 + US 4,500.00 = 14,450.00, same credit -> 0
        // 3000  DE 50,000.00 + NL 20,000.00 + US 85,000.00 = 155,000.00 credit
        // 3900  US translation difference 4,859.75 credit (see below)
        // 4000  NL 3,000.00 + US 11,358.02 = 14,358.02 credit
        // 4100  DE 14,600.00 credit, eliminated 14,600.00                     -> 0
        // 5000  DE 1,200.00 + US 306.66 + 0.23 = 1,506.89
        // 5100  NL 9,950.00 + US 4,600.00 = 14,550.00, eliminated             -> 0
        // 8990  DE/NL receivable 50.00 + DE/US receivable 100.00 debit, DE/NL revenue 50.00 credit -> 100.00
        assertThat(result.trialBalance()).extracting(ConsolidatorTests::row).containsExactly(
                "1000 163000.00 1500.22 161499.78",
                "1100 11111.10 0.00 11111.10",
                "1200 14600.00 14600.00 0.00",
                "2200 14450.00 14450.00 0.00",
                "3000 0.00 155000.00 -155000.00",
                "3900 0.00 4859.75 -4859.75",
                "4000 0.00 14358.02 -14358.02",
                "4100 14600.00 14600.00 0.00",
                "5000 1506.89 0.00 1506.89",
                "5100 14550.00 14550.00 0.00",
                "8990 150.00 50.00 100.00");
        // debits: 163,000.00 + 11,111.10 + 14,600.00 + 14,450.00 + 14,600.00 + 1,506.89 + 14,550.00 + 150.00
        // credits: 1,500.22 + 14,600.00 + 14,450.00 + 155,000.00 + 4,859.75 + 14,358.02 + 14,600.00
        //          + 14,550.00 + 50.00
        assertThat(result.totalDebit()).isEqualByComparingTo("233967.99");
        assertThat(result.totalCredit()).isEqualByComparingTo("233967.99");
        assertThat(result.groupCurrency()).isEqualTo("EUR");
        assertThat(result.period()).isEqualTo(PERIOD);
    }

    @Test
    void showsTheWorksheetColumns() {
        ConsolidationResult result = consolidate();

        // cash: DE 50,000.00 - 1,200.00; NL 20,000.00 + 3,000.00; US 90,000.00 - 300.00 - 0.22
        assertThat(result.line(CASH).orElseThrow().entityBalances()).containsExactly(
                Map.entry(DE, new BigDecimal("48800.00")), Map.entry(NL, new BigDecimal("23000.00")),
                Map.entry(US, new BigDecimal("89699.78")));
        TrialBalanceLine payables = result.line(IC_PAYABLES).orElseThrow();
        assertThat(payables.entityBalances()).containsExactly(Map.entry(DE, new BigDecimal("0.00")),
                Map.entry(NL, new BigDecimal("-9950.00")), Map.entry(US, new BigDecimal("-4500.00")));
        assertThat(payables.eliminations()).isEqualByComparingTo("14450.00");
        TrialBalanceLine reserve = result.line(RESERVE).orElseThrow();
        assertThat(reserve.entityBalances().get(US)).isEqualByComparingTo("-4859.75");
        assertThat(reserve.name()).isEqualTo("Translation reserve");
        assertThat(reserve.accountClass()).isEqualTo(AccountClass.EQUITY);
        assertThat(result.line(PAYABLES)).as("no line, no row").isEmpty();
    }

    @Test
    void translatesEachLineAtTheRateOfItsAccountClass() {
        consolidate();

        // see SampleGroup: closing 0.90 for assets and liabilities, average 0.92 for P&L, historical 0.85 for equity
        assertThat(lineage).filteredOn(c -> c.kind() == Contribution.Kind.SOURCE_LINE && c.entity().equals(US))
                .extracting(Contribution::sourceLineId, Contribution::groupAccount, Contribution::amount,
                        Contribution::rate)
                .containsExactly(
                        tuple(21L, CASH, amount("90000.00"), amount("0.90")),
                        tuple(22L, CAPITAL, amount("-85000.00"), amount("0.85")),
                        tuple(23L, IC_EXPENSES, amount("4600.00"), amount("0.92")),
                        tuple(24L, IC_PAYABLES, amount("-4500.00"), amount("0.90")),
                        tuple(25L, RECEIVABLES, amount("11111.10"), amount("0.90")),
                        tuple(26L, REVENUE, amount("-11358.02"), amount("0.92")),
                        tuple(27L, EXPENSES, amount("306.66"), amount("0.92")),
                        tuple(28L, CASH, amount("-300.00"), amount("0.90")),
                        tuple(29L, EXPENSES, amount("0.23"), amount("0.92")),
                        tuple(30L, CASH, amount("-0.22"), amount("0.90")));
        assertThat(lineage).filteredOn(c -> c.kind() == Contribution.Kind.SOURCE_LINE && !c.entity().equals(US))
                .allSatisfy(c -> assertThat(c.rate()).isEqualByComparingTo("1"));
    }

    @Test
    void roundsHalfEvenToTheGroupCurrencysMinorUnits() {
        Translation eur = new Translation(RATES, "EUR", PERIOD);
        Translation jpy = new Translation(RATES, "JPY", PERIOD);

        assertThat(Translation.ROUNDING).isEqualTo(RoundingMode.HALF_EVEN);
        // 0.25 x 0.90 = 0.225: the tie goes to the even cent, 0.22 (half-up would give 0.23)
        assertThat(eur.translate(new BigDecimal("0.25"), new BigDecimal("0.90"))).isEqualTo(new BigDecimal("0.22"));
        // 0.35 x 0.90 = 0.315 -> 0.32
        assertThat(eur.translate(new BigDecimal("0.35"), new BigDecimal("0.90"))).isEqualTo(new BigDecimal("0.32"));
        // JPY has no minor unit: 10.00 x 163.45 = 1,634.5 -> 1,634
        assertThat(jpy.translate(new BigDecimal("10.00"), new BigDecimal("163.45"))).isEqualTo(new BigDecimal("1634"));
    }

    @Test
    void booksEachEntitysTranslationDifferenceToTheReserveOnly() {
        ConsolidationResult result = consolidate();

        // US translated debits:  90,000.00 + 4,600.00 + 11,111.10 + 306.66 + 0.23  = 106,017.99
        // US translated credits: 85,000.00 + 4,500.00 + 11,358.02 + 300.00 + 0.22  = 101,158.24
        // difference (debit - credit to book) = 101,158.24 - 106,017.99 = -4,859.75, a credit to the reserve
        assertThat(result.translations()).extracting(EntityTranslation::entity, EntityTranslation::currency,
                EntityTranslation::lines, EntityTranslation::localDebit, EntityTranslation::translatedDebit,
                EntityTranslation::translatedCredit, EntityTranslation::translationDifference,
                EntityTranslation::reference).containsExactly(
                tuple(DE, "EUR", 8L, new BigDecimal("65800.00"), new BigDecimal("65800.00"),
                        new BigDecimal("65800.00"), new BigDecimal("0.00"), null),
                tuple(NL, "EUR", 6L, new BigDecimal("32950.00"), new BigDecimal("32950.00"),
                        new BigDecimal("32950.00"), new BigDecimal("0.00"), null),
                tuple(US, "USD", 10L, new BigDecimal("117679.25"), new BigDecimal("106017.99"),
                        new BigDecimal("101158.24"), new BigDecimal("-4859.75"), "FXDIFF:2026-10:ACME-US"));
        assertThat(lineage).filteredOn(c -> c.kind() == Contribution.Kind.TRANSLATION)
                .extracting(Contribution::reference, Contribution::entity, Contribution::groupAccount,
                        Contribution::amount, Contribution::credit)
                .containsExactly(tuple("FXDIFF:2026-10:ACME-US", US, RESERVE, amount("-4859.75"),
                        amount("4859.75")));
        ConsolidationInvariants.assertTranslationDifferencesOnlyOnReserve(GROUP, result, lineage);
    }

    @Test
    void eliminatesIntercompanyBalancesAndReportsWhatDoesNotMatch() {
        ConsolidationResult result = consolidate();

        // DE/NL receivable-payable: DE +10,000.00, NL -9,950.00 -> 50.00 (NL booked 9,950.00 of 10,000.00)
        // DE/NL revenue-expense:    DE -10,000.00, NL +9,950.00 -> -50.00
        // DE/US receivable-payable: DE +4,600.00, US -5,000.00 USD x 0.90 = -4,500.00 -> 100.00 (FX)
        // DE/US revenue-expense:    DE -4,600.00, US +5,000.00 USD x 0.92 = +4,600.00 -> matched
        assertThat(result.intercompanyMatches()).extracting(IntercompanyMatch::entityA, IntercompanyMatch::entityB,
                IntercompanyMatch::category, IntercompanyMatch::balanceA, IntercompanyMatch::balanceB,
                IntercompanyMatch::difference).containsExactly(
                tuple(DE, NL, IntercompanyCategory.RECEIVABLE_PAYABLE, new BigDecimal("10000.00"),
                        new BigDecimal("-9950.00"), new BigDecimal("50.00")),
                tuple(DE, NL, IntercompanyCategory.REVENUE_EXPENSE, new BigDecimal("-10000.00"),
                        new BigDecimal("9950.00"), new BigDecimal("-50.00")),
                tuple(DE, US, IntercompanyCategory.RECEIVABLE_PAYABLE, new BigDecimal("4600.00"),
                        new BigDecimal("-4500.00"), new BigDecimal("100.00")),
                tuple(DE, US, IntercompanyCategory.REVENUE_EXPENSE, new BigDecimal("-4600.00"),
                        new BigDecimal("4600.00"), new BigDecimal("0.00")));
        assertThat(result.intercompanyDifferences()).hasSize(3).first().hasToString(
                "RECEIVABLE_PAYABLE ACME-DE/ACME-NL: ACME-DE 10000.00, ACME-NL -9950.00, difference 50.00");

        EliminationEntry first = result.eliminations().get(0);
        assertThat(first.reference()).isEqualTo("ELIM:2026-10:ACME-DE:ACME-NL:RECEIVABLE_PAYABLE");
        assertThat(first.lines()).containsExactly(
                new EliminationLine(IC_RECEIVABLES, DE, new BigDecimal("0.00"), new BigDecimal("10000.00")),
                new EliminationLine(IC_PAYABLES, NL, new BigDecimal("9950.00"), new BigDecimal("0.00")),
                new EliminationLine(IC_DIFFERENCES, null, new BigDecimal("50.00"), new BigDecimal("0.00")));
        assertThat(result.eliminations()).hasSize(4).allSatisfy(
                entry -> assertThat(entry.totalDebit()).isEqualByComparingTo(entry.totalCredit()));
        assertThat(result.eliminations().get(3).lines()).as("matched: no difference line").containsExactly(
                new EliminationLine(IC_REVENUE, DE, new BigDecimal("4600.00"), new BigDecimal("0.00")),
                new EliminationLine(IC_EXPENSES, US, new BigDecimal("0.00"), new BigDecimal("4600.00")));
        ConsolidationInvariants.assertEliminationsNetToZero(GROUP, result, lineage);
        ConsolidationInvariants.assertIntercompanyAccountsNetToZero(GROUP, result);
    }

    @Test
    void keepsEveryInvariant() {
        ConsolidationInvariants.assertHold(GROUP, consolidate(), lineage);
        assertThat(lineage).filteredOn(c -> c.kind() == Contribution.Kind.SOURCE_LINE).hasSize(lines().size());
    }

    @Test
    void doesNotDependOnTheOrderOfTheLines() {
        ConsolidationResult inOrder = consolidate();
        List<SourceLine> reversed = lines();
        Collections.reverse(reversed);
        List<Contribution> otherLineage = new ArrayList<>();

        ConsolidationResult inReverse = consolidator.consolidate(PERIOD, reversed, otherLineage::add);

        assertThat(inReverse).isEqualTo(inOrder);
        assertThat(otherLineage).containsExactlyInAnyOrderElementsOf(lineage);
    }

    @Test
    void handsEachLineToTheSinkAsItStreamsThrough() {
        List<SourceLine> source = lines();
        List<Integer> sinkSizeWhenRead = new ArrayList<>();
        Iterable<SourceLine> streamed = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < source.size();
            }

            @Override
            public SourceLine next() {
                sinkSizeWhenRead.add(lineage.size());
                return source.get(next++);
            }
        };

        consolidator.consolidate(PERIOD, streamed, lineage::add);

        assertThat(sinkSizeWhenRead).first().isEqualTo(0);
        assertThat(sinkSizeWhenRead).last().isEqualTo(source.size() - 1);
    }

    private static BigDecimal amount(String value) {
        return new BigDecimal(value);
    }

    private static String row(TrialBalanceLine line) {
        return line.account() + " " + line.debit().toPlainString() + " " + line.credit().toPlainString() + " "
                + line.balance().toPlainString();
    }
}
