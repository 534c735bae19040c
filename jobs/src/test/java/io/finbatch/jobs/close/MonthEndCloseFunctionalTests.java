package io.finbatch.jobs.close;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.odooposting.OdooPostingService;
import io.finbatch.jobs.odooposting.PostingKinds;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.mappings.journal.JournalEntry;
import io.finbatch.mappings.money.Masking;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import io.finbatch.readers.journal.JournalEntryCsvReader;
import io.finbatch.writers.journal.JournalEntryStore;
import io.finbatch.writers.periods.FiscalPeriod;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month-end close of October 2026 on the sample statements, ledgers, entries and group, with the Odoo
 * sandbox (H2 and PostgreSQL subclasses). A LOCKED period stays locked for its database's life, so each test
 * gets a fresh application context and database.
 *
 * <p>The sample statements cover 29 and 30 October 2026 only, so statements are required from 30 October
 * ({@code finbatch.close.statements-required-from}): the period's last business day (31 October is a Saturday).
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_EACH_TEST_METHOD)
abstract class MonthEndCloseFunctionalTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String DE_ACCOUNT = "DE89370400440532013000";
    static final String NL_ACCOUNT = "NL91ABNA0417164300";
    static final List<String> ENTITIES = List.of("GROUP", "ACME-DE", "ACME-NL", "ACME-US");

    static OdooSandbox sandbox;

    @Autowired
    MonthEndCloseService close;

    @Autowired
    StatementImportService imports;

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    OdooPostingService posting;

    @Autowired
    JournalEntryStore entries;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    JdbcTemplate jdbc;

    static void closeProperties(DynamicPropertyRegistry registry) {
        if (sandbox == null) {
            sandbox = OdooSandbox.start(new SandboxOptions().seed(SandboxOptions.Seed.CHART_ONLY));
        }
        Path extracts;
        try {
            extracts = Files.createTempDirectory("close-extracts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("finbatch.odoo.url", () -> sandbox.url().toString());
        registry.add("finbatch.odoo.api-key", () -> SandboxOptions.DEFAULT_API_KEY);
        registry.add("finbatch.odoo.initial-backoff", () -> "1ms");
        registry.add("finbatch.odoo.max-backoff", () -> "5ms");
        registry.add("finbatch.group.dir", () -> Examples.folder().resolveSibling("group").toString());
        registry.add("finbatch.extracts.dir", extracts::toString);
        registry.add("finbatch.close.statements-required-from", () -> "2026-10-30");
        registry.add("finbatch.close.bank-accounts", () -> DE_ACCOUNT + "," + NL_ACCOUNT);
        registry.add("finbatch.close.max-open-exceptions", () -> "0");
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.stop();
            sandbox = null;
        }
    }

    @BeforeEach
    void sampleGroupAndFreshOdoo() {
        sandbox.faults().clear();
        sandbox.reset();
        sandbox.addBankJournal("Bank DE", "BDE", DE_ACCOUNT, "EUR");
        sandbox.addBankJournal("Bank NL", "BNL", NL_ACCOUNT, "EUR");
        for (String partner : List.of("SCI Les Tilleuls", "Northwind Traders Ltd")) {
            sandbox.call("res.partner", "create", List.of(Map.of("name", partner)), Map.of());
        }
        for (String entity : List.of("ACME-DE", "ACME-NL", "ACME-US")) {
            var result = consolidation.importLedger(Examples.folder().resolveSibling("group").resolve("gl")
                    .resolve(entity + "-2026-10.csv"));
            assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        }
        Path csv = Examples.folder().resolveSibling("entries").resolve("adjustments-2026-10.csv");
        try (JournalEntryCsvReader reader = new JournalEntryCsvReader(csv)) {
            JournalEntry entry;
            while ((entry = reader.next()) != null) {
                entries.saveIfAbsent(entry, "test");
            }
        }
    }

    @Test
    void aMissingStatementDayStopsTheCloseNamingTheAccountAndTheDayAndTheRestartCompletesIt() {
        importStatement(Examples.INTRADAY_MT942); // intraday only: no closing balance for the DE account
        importStatement(Examples.CAMT053);

        MonthEndCloseService.CloseResult blocked = close.close(OCTOBER, "controller");

        assertThat(blocked.status()).isEqualTo("FAILED");
        assertThat(blocked.failedStep()).isEqualTo("closeChecks");
        assertThat(blocked.blockers()).singleElement().satisfies(b -> {
            assertThat(b.check()).isEqualTo("STATEMENTS");
            assertThat(b.subject()).isEqualTo(Masking.maskAccount(DE_ACCOUNT)).doesNotContain("0532013");
            assertThat(b.detail()).contains(Masking.maskAccount(DE_ACCOUNT)).contains("2026-10-30");
        });
        assertThat(periods.find("GROUP", OCTOBER).filter(FiscalPeriod::isLocked)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consolidation_run", Long.class)).isZero();

        importStatement(Examples.MT940);
        MonthEndCloseService.CloseResult closed = close.close(OCTOBER, "controller");

        assertThat(closed.status()).as(closed.message()).isEqualTo("COMPLETED");
        assertThat(closed.restarted()).isTrue();
        assertThat(closed.executionId()).isNotEqualTo(blocked.executionId());
        assertThat(closed.blockers()).isEmpty();
        for (String entity : ENTITIES) {
            FiscalPeriod period = periods.find(entity, OCTOBER).orElseThrow();
            assertThat(period.status()).as(entity).isEqualTo("LOCKED");
            assertThat(period.statusChangedBy()).as(entity).isEqualTo("controller");
            assertThat(period.cutoffAt()).as(entity).isNotNull();
        }
        assertThat(sandbox.searchRead("res.company", List.of(), List.of("fiscalyear_lock_date", "hard_lock_date")))
                .allSatisfy(company -> {
                    assertThat(company.get("fiscalyear_lock_date")).isEqualTo("2026-10-31");
                    assertThat(company.get("hard_lock_date")).isIn(false, null);
                });
        assertThat(closed.consolidationRunId()).isNotNull();
        // as of the cut-off the close set (its start), so every sample ledger line counts
        Map<String, Object> run = jdbc.queryForMap("SELECT period, total_debit, total_credit FROM"
                + " consolidation_run WHERE id = ?", closed.consolidationRunId());
        assertThat(run.get("period")).isEqualTo("2026-10");
        java.time.Instant asOf = jdbc.queryForObject("SELECT as_of FROM consolidation_run WHERE id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), closed.consolidationRunId());
        assertThat(asOf).isEqualTo(periods.find("GROUP", OCTOBER).orElseThrow().cutoffAt());
        assertThat((java.math.BigDecimal) run.get("total_debit")).isPositive()
                .isEqualByComparingTo((java.math.BigDecimal) run.get("total_credit"));
        assertThat(jdbc.queryForList("SELECT DISTINCT name FROM extract_file WHERE period = '2026-10' ORDER BY name",
                String.class)).as("every regulatory and management extract, none of the operations ones")
                .containsExactly("cash-position", "consolidated-trial-balance", "gl-detail", "pl-bs-by-entity",
                        "trial-balance-by-entity");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM odoo_outbox WHERE kind = 'JOURNAL_ENTRY'"
                + " AND state = 'CONFIRMED'", Long.class)).isEqualTo(3);
        assertThat(sandbox.records("account.move")).filteredOn(m -> m.get("ref") instanceof String ref
                && ref.startsWith("FB-E-")).hasSize(3).allSatisfy(m -> assertThat(m.get("state")).isEqualTo("posted"));

        MonthEndCloseService.CloseResult again = close.close(OCTOBER, "someone else");
        assertThat(again.status()).isEqualTo("ALREADY_CLOSED");
        assertThat(again.executionId()).isEqualTo(closed.executionId());
    }

    @Test
    void unreconciledStatementLinesInOdooAreBlockersWithTheirCount() {
        for (String file : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            importStatement(file);
        }
        assertThat(posting.post(PostingKinds.STATEMENTS).posted()).isEqualTo(13);
        List<Map<String, Object>> lines = sandbox.searchRead("account.bank.statement.line", List.of(),
                List.of("id", "date"));
        assertThat(lines).hasSize(13);
        for (Map<String, Object> line : lines.subList(0, 10)) {
            sandbox.reconcileStatementLine(((Number) line.get("id")).longValue());
        }

        MonthEndCloseService.CloseResult blocked = close.close(OCTOBER, "controller");

        assertThat(blocked.status()).isEqualTo("FAILED");
        assertThat(blocked.failedStep()).isEqualTo("closeChecks");
        List<CloseBlocker> unreconciled = blocked.blockers().stream()
                .filter(b -> b.check().equals("ODOO_UNRECONCILED")).toList();
        assertThat(unreconciled).hasSize(4);
        assertThat(unreconciled.get(0).detail()).startsWith("3 unreconciled bank statement line(s)");
        for (Map<String, Object> line : lines.subList(10, 13)) {
            assertThat(unreconciled).anySatisfy(b -> assertThat(b.subject())
                    .isEqualTo("account.bank.statement.line " + line.get("id")));
        }
        assertThat(unreconciled.subList(1, 4)).allSatisfy(b -> assertThat(b.detail()).contains("2026-10-"));
        assertThat(blocked.blockers()).allSatisfy(b -> assertThat(b.check()).isEqualTo("ODOO_UNRECONCILED"));
        assertThat(close.blockers(blocked.executionId())).isEqualTo(blocked.blockers());
        assertThat(sandbox.searchRead("res.company", List.of(), List.of("fiscalyear_lock_date")))
                .allSatisfy(company -> assertThat(company.get("fiscalyear_lock_date")).isIn(false, null));
        assertThat(periods.find("GROUP", OCTOBER).filter(FiscalPeriod::isLocked)).isEmpty();

        for (Map<String, Object> line : lines.subList(10, 13)) {
            sandbox.reconcileStatementLine(((Number) line.get("id")).longValue());
        }
        MonthEndCloseService.CloseResult closed = close.close(OCTOBER, "controller");

        assertThat(closed.status()).as(closed.message()).isEqualTo("COMPLETED");
        assertThat(sandbox.searchRead("res.company", List.of(), List.of("fiscalyear_lock_date")))
                .allSatisfy(company -> assertThat(company.get("fiscalyear_lock_date")).isEqualTo("2026-10-31"));
    }

    @Test
    void anItemStillWaitingInTheOutboxBlocksTheClose() {
        for (String file : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            importStatement(file);
        }
        jdbc.update("INSERT INTO odoo_outbox (business_key, kind, source_id, item_date, state, created_at, updated_at)"
                + " VALUES ('FB-L-TEST', 'STATEMENT_LINE', 1, DATE '2026-10-30', 'PENDING', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)");

        MonthEndCloseService.CloseResult blocked = close.close(OCTOBER, "controller");

        assertThat(blocked.status()).isEqualTo("FAILED");
        assertThat(blocked.blockers()).singleElement().satisfies(b -> {
            assertThat(b.check()).isEqualTo("OUTBOX");
            assertThat(b.detail()).contains("FB-L-TEST").contains("PENDING");
        });
    }

    private void importStatement(String name) {
        var result = imports.importFile(Examples.file(name));
        assertThat(result.status()).as(result.message()).isEqualTo("IMPORTED");
    }
}
