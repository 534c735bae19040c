package io.finbatch.jobs.consolidation;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.support.Examples;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample group of {@code examples/group} through the real jobs (H2 and PostgreSQL subclasses): its
 * consolidated trial balance equals the one computed independently by {@code tools/group-expected.py}, to
 * the cent; lineage sums back to every figure; late data does not change the as-of figures.
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class ConsolidationFunctionalTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Instant CUTOFF = Instant.parse("2026-11-03T18:00:00Z");

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    static Path group() {
        return Examples.folder().resolveSibling("group");
    }

    static void groupProperties(DynamicPropertyRegistry registry) {
        registry.add("finbatch.group.dir", () -> group().toString());
    }

    @BeforeEach
    void sampleLedgersLoaded() {
        for (String table : List.of("consolidation_lineage", "consolidated_balance", "consolidation_run", "journal_line",
                "import_exception")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM fiscal_period WHERE status <> 'LOCKED'");
        for (String entity : List.of("ACME-DE", "ACME-NL", "ACME-US")) {
            var result = consolidation.importLedger(group().resolve("gl").resolve(entity + "-2026-10.csv"));
            assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        }
        periods.setCutoff("GROUP", OCTOBER, CUTOFF, "controller");
    }

    @Test
    void theSampleGroupConsolidatesToTheIndependentlyComputedTrialBalance() throws IOException {
        ConsolidationService.ConsolidationRunResult run = consolidation.consolidate(OCTOBER);

        assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
        assertThat(run.asOf()).isEqualTo(CUTOFF.toString());
        assertThat(balances(run.runId())).isEqualTo(expectedBalances());
        assertThat(run.totalDebit()).isEqualTo(run.totalCredit()).isEqualTo("1646079.97");
        assertThat(jdbc.queryForList("SELECT b.debit + b.credit FROM consolidated_balance b JOIN group_account a"
                + " ON a.code = b.group_account WHERE b.run_id = ? AND a.role LIKE 'IC_%' AND a.role <> 'IC_DIFFERENCE'",
                BigDecimal.class, run.runId())).as("intercompany accounts after elimination").hasSize(4)
                .allSatisfy(amount -> assertThat(amount).isEqualByComparingTo("0"));
    }

    @Test
    void everyConsolidatedFigureSumsBackFromItsLineageAndEliminationsNetToZero() {
        long runId = consolidation.consolidate(OCTOBER).runId();

        List<Map<String, Object>> mismatches = jdbc.queryForList("SELECT b.group_account, b.debit - b.credit AS net,"
                + " (SELECT COALESCE(SUM(l.amount), 0) FROM consolidation_lineage l WHERE l.run_id = b.run_id"
                + "  AND l.group_account = b.group_account) AS traced"
                + " FROM consolidated_balance b WHERE b.run_id = ?"
                + " AND b.debit - b.credit <> (SELECT COALESCE(SUM(l.amount), 0) FROM consolidation_lineage l"
                + "  WHERE l.run_id = b.run_id AND l.group_account = b.group_account)", runId);
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM consolidation_lineage WHERE run_id = ?"
                + " AND kind = 'ELIMINATION'", BigDecimal.class, runId)).isEqualByComparingTo("0");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT journal_line_id) FROM consolidation_lineage"
                + " WHERE run_id = ? AND kind = 'SOURCE_LINE'", Long.class, runId)).isEqualTo(432);
        assertThat(jdbc.queryForObject("SELECT amount FROM consolidation_lineage WHERE run_id = ?"
                + " AND group_account = '9900'", BigDecimal.class, runId)).isEqualByComparingTo("50.00");
    }

    @Test
    void dataRecordedAfterTheCutoffDoesNotChangeTheAsOfFigures() throws IOException {
        long first = consolidation.consolidate(OCTOBER).runId();
        Path late = dir.resolve("ACME-DE-late.csv");
        Files.writeString(late, "line_id,entity,journal,entry_id,date,account,label,debit,credit,currency,"
                + "amount_currency,partner,counterparty_entity,reference,recorded_at\n"
                + "LATE-1,ACME-DE,MISC,LATE-E1,2026-10-31,600000,Late accrual,999.99,0.00,,,,,,2026-11-05T09:00:00Z\n"
                + "LATE-2,ACME-DE,MISC,LATE-E1,2026-10-31,211000,Late accrual,0.00,999.99,,,,,,2026-11-05T09:00:00Z\n");
        assertThat(consolidation.importLedger(late).status()).isEqualTo("COMPLETED");

        long second = consolidation.consolidate(OCTOBER).runId();

        assertThat(second).isNotEqualTo(first);
        assertThat(balances(second)).isEqualTo(balances(first));
    }

    @Test
    void onlyTheJournalSourcesNamedForAnEntityMakeItsBooks() {
        long first = consolidation.consolidate(OCTOBER).runId();
        // the same bank booking seen through the bank rules: ACME-DE's books are its GL export only
        for (String[] line : new String[][] {{"B/1", "101401", "120.00", "0"}, {"B/2", "121000", "0", "120.00"}}) {
            jdbc.update("INSERT INTO journal_line (entity, source, source_line_id, entry_date, account, debit, credit,"
                    + " currency, recorded_at) VALUES ('ACME-DE', 'BANK_RULES', ?, DATE '2026-10-20', ?, ?, ?, 'EUR',"
                    + " TIMESTAMP WITH TIME ZONE '2026-10-20 09:00:00+00:00')", line[0], line[1],
                    new BigDecimal(line[2]), new BigDecimal(line[3]));
        }

        long second = consolidation.consolidate(OCTOBER).runId();

        assertThat(balances(second)).isEqualTo(balances(first));
    }

    @Test
    void anUnmappedLocalAccountStopsTheConsolidationNamingEveryOne() throws IOException {
        Path odd = dir.resolve("ACME-NL-odd.csv");
        Files.writeString(odd, "line_id,entity,journal,entry_id,date,account,label,debit,credit,currency,"
                + "amount_currency,partner,counterparty_entity,reference,recorded_at\n"
                + "ODD-1,ACME-NL,MEMO,ODD-E1,2026-10-20,0999,Suspense,10.00,0.00,,,,,,2026-10-20T09:00:00Z\n"
                + "ODD-2,ACME-NL,MEMO,ODD-E1,2026-10-20,8888,Suspense,0.00,10.00,,,,,,2026-10-20T09:00:00Z\n");
        consolidation.importLedger(odd);

        ConsolidationService.ConsolidationRunResult run = consolidation.consolidate(OCTOBER);

        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.message()).contains("0999").contains("8888").contains("ACME-NL");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consolidated_balance", Long.class)).isZero();
    }

    @Test
    void aLedgerLineOfALockedPeriodGoesToTheExceptionQueue() throws IOException {
        // an entity of its own: a LOCKED period stays locked for the rest of this database's life
        periods.setCutoff("ACME-LK", YearMonth.of(2026, 9), CUTOFF, "controller");
        periods.lock("ACME-LK", YearMonth.of(2026, 9), "controller");
        Path lines = dir.resolve("ACME-LK.csv");
        Files.writeString(lines, "line_id,entity,journal,entry_id,date,account,label,debit,credit,currency,"
                + "amount_currency,partner,counterparty_entity,reference,recorded_at\n"
                + "LK-1,ACME-DE,MISC,LK-E1,2026-10-02,600000,ok,5.00,0.00,,,,,,2026-10-02T09:00:00Z\n"
                + "LK-2,ACME-DE,MISC,LK-E1,2026-10-02,211000,ok,0.00,5.00,,,,,,2026-10-02T09:00:00Z\n");
        Path locked = dir.resolve("ACME-LK-locked.csv");
        Files.writeString(locked, "line_id,entity,journal,entry_id,date,account,label,debit,credit,currency,"
                + "amount_currency,partner,counterparty_entity,reference,recorded_at\n"
                + "LK-3,ACME-LK,MISC,LK-E2,2026-09-30,600000,late,5.00,0.00,,,,,,2026-10-02T09:00:00Z\n"
                + "LK-4,ACME-LK,MISC,LK-E2,2026-09-30,211000,late,0.00,5.00,,,,,,2026-10-02T09:00:00Z\n");
        assertThat(consolidation.importLedger(lines).status()).isEqualTo("COMPLETED");

        ConsolidationService.LedgerImportResult result = consolidation.importLedger(locked);

        assertThat(result.skipped()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT reason FROM import_exception WHERE kind = 'PERIOD_LOCKED'", String.class))
                .hasSize(2).allSatisfy(reason -> assertThat(reason).contains("period locked: ACME-LK 2026-09"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE entity = 'ACME-LK'", Long.class))
                .isZero();
    }

    /** Accounts with a non-nil balance (the intercompany accounts end at nil once eliminated). */
    private Map<String, String> balances(long runId) {
        Map<String, String> balances = new TreeMap<>();
        jdbc.query("SELECT group_account, debit, credit FROM consolidated_balance WHERE run_id = ?"
                + " AND (debit <> 0 OR credit <> 0)", rs -> {
            balances.put(rs.getString(1), rs.getBigDecimal(2).setScale(2).toPlainString() + "/"
                    + rs.getBigDecimal(3).setScale(2).toPlainString());
        }, runId);
        return balances;
    }

    /** The expected file lists every account of the chart; accounts nothing reached are 0.00/0.00 there. */
    private Map<String, String> expectedBalances() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(group().resolve("expected/consolidated-tb-2026-10.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                boolean nil = new BigDecimal(row.get("debit")).signum() == 0
                        && new BigDecimal(row.get("credit")).signum() == 0;
                if (!nil) {
                    expected.put(row.get("group_account"), row.get("debit") + "/" + row.get("credit"));
                }
            }
        }
        return expected;
    }
}
