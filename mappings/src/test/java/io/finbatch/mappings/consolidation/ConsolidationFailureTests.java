package io.finbatch.mappings.consolidation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static io.finbatch.mappings.consolidation.SampleGroup.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Inputs the engine refuses, and how it names what is wrong. */
class ConsolidationFailureTests {

    private final List<Contribution> lineage = new ArrayList<>();

    @Test
    void listsEveryUnmappedAccountNotJustTheFirst() {
        List<SourceLine> lines = lines();
        lines.add(debit(101, DE, "1799", "100.00"));
        lines.add(credit(102, DE, "1799", "100.00"));
        lines.add(debit(103, NL, "9999", "5.00"));
        lines.add(credit(104, NL, "1000", "5.00"));
        lines.add(debit(105, US, "1010", "7.00"));
        lines.add(credit(106, US, "1799", "7.00"));

        UnmappedAccountsException e = catchThrowableOfType(UnmappedAccountsException.class,
                () -> new Consolidator(GROUP, RATES).consolidate(PERIOD, lines, lineage::add));

        assertThat(e.unmapped()).containsExactly(new UnmappedAccount(DE, "1799", 2, 101),
                new UnmappedAccount(NL, "9999", 1, 103), new UnmappedAccount(US, "1799", 1, 106));
        assertThat(e).hasMessage("3 local account(s) not mapped to the group chart: ACME-DE 1799 (2 lines, first id"
                + " 101); ACME-NL 9999 (1 line, first id 103); ACME-US 1799 (1 line, first id 106)");
        assertThat(e.getSuppressed()).as("the entities balance, the rates are there").isEmpty();
    }

    @Test
    void namesTheMissingRate() {
        RateTable noAverage = RateTable.of(CLOSING, HISTORICAL);

        MissingRatesException e = catchThrowableOfType(MissingRatesException.class,
                () -> new Consolidator(GROUP, noAverage).consolidate(PERIOD, lines()));

        assertThat(e.missing()).containsExactly(new RateKey("USD", "EUR", RateType.AVERAGE, PERIOD));
        assertThat(e).hasMessage("missing exchange rate(s): USD->EUR AVERAGE 2026-10");
    }

    @Test
    void namesEveryRateMissingForAPeriodWithoutRates() {
        YearMonth november = YearMonth.of(2026, 11);

        MissingRatesException e = catchThrowableOfType(MissingRatesException.class,
                () -> new Consolidator(GROUP, RATES).consolidate(november, lines()));

        assertThat(e.missing()).extracting(RateKey::type)
                .containsExactly(RateType.AVERAGE, RateType.CLOSING, RateType.HISTORICAL);
    }

    @Test
    void rejectsAnEntityThatDoesNotBalanceNamingItsDifference() {
        List<SourceLine> lines = lines();
        lines.set(lines.indexOf(credit(16, NL, "8000", "3000.00")), credit(16, NL, "8000", "2999.99"));

        UnbalancedEntitiesException e = catchThrowableOfType(UnbalancedEntitiesException.class,
                () -> new Consolidator(GROUP, RATES).consolidate(PERIOD, lines));

        // NL debit 20,000.00 + 9,950.00 + 3,000.00 = 32,950.00; credit 20,000.00 + 9,950.00 + 2,999.99 = 32,949.99
        assertThat(e.unbalanced()).singleElement().satisfies(u -> {
            assertThat(u.entity()).isEqualTo(NL);
            assertThat(u.debit()).isEqualByComparingTo("32950.00");
            assertThat(u.credit()).isEqualByComparingTo("32949.99");
            assertThat(u.difference()).isEqualByComparingTo("0.01");
        });
        assertThat(e).hasMessage("unbalanced entity: ACME-NL: debit 32950.00 EUR != credit 32949.99 EUR,"
                + " difference 0.01");
    }

    @Test
    void reportsAnIntercompanyMismatchWithItsDifference() {
        // DE invoices NL 10,000.00 and NL books 9,950.00: found in the sample; here NL books nothing at all
        List<SourceLine> lines = new ArrayList<>(List.of(
                debit(1, DE, "1590", "10000.00", NL), credit(2, DE, "8400", "10000.00")));
        lines.add(debit(3, NL, "1000", "1.00"));
        lines.add(credit(4, NL, "1610", "1.00", DE));

        ConsolidationResult result = new Consolidator(GROUP, RATES).consolidate(PERIOD, lines, lineage::add);

        assertThat(result.intercompanyDifferences()).extracting(IntercompanyMatch::entityA,
                IntercompanyMatch::entityB, IntercompanyMatch::balanceA, IntercompanyMatch::balanceB,
                IntercompanyMatch::difference)
                .containsExactly(tuple(DE, NL, new BigDecimal("10000.00"), new BigDecimal("-1.00"),
                        new BigDecimal("9999.00")));
        assertThat(result.line(IC_DIFFERENCES).orElseThrow().balance()).isEqualByComparingTo("9999.00");
        ConsolidationInvariants.assertHold(GROUP, result, lineage);
    }

    @Test
    void listsInvalidLines() {
        List<SourceLine> lines = lines();
        lines.add(debit(201, "ACME-FR", "1000", "1.00"));
        lines.add(debit(202, DE, "1590", "1.00"));
        lines.add(debit(203, DE, "1590", "1.00", "ACME-XX"));
        lines.add(debit(204, DE, "1590", "1.00", DE));
        lines.add(credit(205, DE, "1800", "-3.00"));
        lines.add(debit(206, US, "1010", "0.005"));
        lines.add(new SourceLine(207, NL, "1000", BigDecimal.ZERO, BigDecimal.ZERO, "EUR", null,
                LocalDate.of(2026, 11, 1)));
        lines.add(new SourceLine(208, US, "1010", BigDecimal.ONE, BigDecimal.ZERO, "EUR", null, DAY));

        InvalidSourceLinesException e = catchThrowableOfType(InvalidSourceLinesException.class,
                () -> new Consolidator(GROUP, RATES).consolidate(PERIOD, lines));

        assertThat(e.count()).isEqualTo(8);
        assertThat(e.problems()).extracting(LineProblem::lineId, LineProblem::reason).containsExactly(
                tuple(201L, "entity ACME-FR is not in the group"),
                tuple(202L, "intercompany account 1200 (local 1590) without counterparty"),
                tuple(203L, "intercompany account 1200 (local 1590): counterparty ACME-XX is not in the group"),
                tuple(204L, "intercompany account 1200 (local 1590): counterparty is the entity itself"),
                tuple(205L, "negative amount (debit 0, credit -3.00)"),
                tuple(206L, "more decimals than USD has (debit 0.005, credit 0)"),
                tuple(207L, "dated 2026-11-01, after the period 2026-10"),
                tuple(208L, "in EUR, not in ACME-US's currency USD"));
        assertThat(e.getSuppressed()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(UnbalancedEntitiesException.class).hasMessageContaining("ACME-DE: debit 65803.00 EUR != credit 65800.00 EUR, difference 3.00");
    }

    @Test
    void reportsEveryKindOfProblemInOnePassAndStopsFeedingTheSink() {
        List<SourceLine> lines = new ArrayList<>();
        lines.add(debit(1, DE, "1799", "1.00"));
        lines.addAll(lines());
        lines.add(credit(2, NL, "8000", "0.01"));

        UnmappedAccountsException e = catchThrowableOfType(UnmappedAccountsException.class,
                () -> new Consolidator(GROUP, RateTable.of(CLOSING)).consolidate(PERIOD, lines, lineage::add));

        assertThat(e.unmapped()).extracting(UnmappedAccount::localAccount).containsExactly("1799");
        assertThat(e.getSuppressed()).extracting(t -> t.getClass().getSimpleName())
                .containsExactly("MissingRatesException", "UnbalancedEntitiesException");
        assertThat(((UnbalancedEntitiesException) e.getSuppressed()[1]).unbalanced())
                .extracting(UnbalancedEntity::entity, UnbalancedEntity::difference)
                .containsExactly(tuple(DE, new BigDecimal("1.00")), tuple(NL, new BigDecimal("-0.01")));
        assertThat(lineage).as("the first line already failed the run").isEmpty();
    }
}
