package io.finbatch.jobs.odoojournal;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.support.TestOdoo;
import io.finbatch.odoosandbox.OdooSandbox;
import io.finbatch.odoosandbox.SandboxOptions;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code odooJournalImport} job against the Odoo sandbox (H2 and PostgreSQL subclasses), with pages of
 * two items so that paging and items sharing a write second are exercised.
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class OdooJournalImportFunctionalTests {

    static final String ENTITY = "ACME-DE";
    static final long MISC = 3L;
    static final long RENT = 34L;
    static final long BANK_FEES = 35L;
    static final long PAYABLE = 15L;
    static final long EUR = 125L;

    static OdooSandbox sandbox;

    @Autowired
    OdooJournalImportService imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FiscalPeriodRepository periods;

    static void odooProperties(DynamicPropertyRegistry registry) {
        sandbox = TestOdoo.startSandbox(registry, 3);
        registry.add("finbatch.odoo-ledger.companies.ACME-DE", () -> "1");
        registry.add("finbatch.odoo-ledger.page-size", () -> "2");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }

    @BeforeEach
    void freshOdooAndStore() {
        sandbox.reset();
        for (String table : List.of("journal_line", "import_exception", "odoo_import_watermark")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("DELETE FROM fiscal_period WHERE status <> 'LOCKED'");
    }

    @Test
    void importsThePostedItemsOnceAndASecondRunAddsNothing() {
        post("2026-12-03", "Office rent December", RENT, "1200.00");
        post("2026-12-17", "Accrued bank fees", BANK_FEES, "35.00");
        postInEuro("2026-12-20", "Licence fee", "108.70", "100.00");
        long draft = move("2026-12-21", "Not yet posted", BANK_FEES, "99.00");

        OdooJournalImportService.Result first = imports.importJournal(ENTITY);

        assertThat(first.status()).as(first.message()).isEqualTo("COMPLETED");
        assertThat(first.imported()).isEqualTo(6);
        assertThat(storedLines()).isEqualTo(postedItemsInOdoo()).hasSize(6);
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM journal_line", String.class)).containsExactly("ODOO");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE entry_id IS NULL OR journal <> 'MISC'"
                + " OR recorded_at IS NULL", Long.class)).isZero();
        assertThat(jdbc.queryForList("SELECT TRIM(transaction_currency) || ' ' || amount_currency FROM journal_line"
                + " WHERE transaction_currency IS NOT NULL ORDER BY amount_currency", String.class))
                .hasSize(2).allSatisfy(s -> assertThat(s).startsWith("EUR"));
        assertThat(draftLines(draft)).isZero();

        OdooJournalImportService.Result again = imports.importJournal(ENTITY);

        assertThat(again.status()).isEqualTo("COMPLETED");
        assertThat(again.imported()).isZero();
        assertThat(again.unchanged()).isEqualTo(again.read());
        assertThat(count("journal_line")).isEqualTo(6);
        assertThat(count("import_exception")).isZero();
    }

    @Test
    void aNewMoveIsTheOnlyThingTheNextRunImports() {
        post("2026-12-03", "Office rent December", RENT, "1200.00");
        imports.importJournal(ENTITY);

        post("2026-12-04", "Bank fees", BANK_FEES, "12.50");
        OdooJournalImportService.Result next = imports.importJournal(ENTITY);

        assertThat(next.status()).as(next.message()).isEqualTo("COMPLETED");
        assertThat(next.imported()).isEqualTo(2);
        assertThat(next.unchanged()).isEqualTo(next.read() - 2);
        assertThat(storedLines()).isEqualTo(postedItemsInOdoo()).hasSize(4);
    }

    @Test
    void aDraftMoveIsImportedOnlyOnceItIsPosted() {
        long draft = move("2026-12-21", "Draft at first", BANK_FEES, "99.00");
        assertThat(imports.importJournal(ENTITY).imported()).isZero();

        sandbox.call("account.move", "action_post", List.of(List.of(draft)), Map.of());
        OdooJournalImportService.Result afterPosting = imports.importJournal(ENTITY);

        assertThat(afterPosting.imported()).isEqualTo(2);
        assertThat(storedLines()).isEqualTo(postedItemsInOdoo()).hasSize(2);
    }

    @Test
    void itemsOfALockedLocalPeriodAreQueuedNotStored() {
        periods.setCutoff(ENTITY, YearMonth.of(2026, 6), Instant.parse("2026-07-03T18:00:00Z"), "controller");
        periods.lock(ENTITY, YearMonth.of(2026, 6), "controller");
        post("2026-06-10", "June rent, late", RENT, "1200.00");
        post("2026-12-03", "Office rent December", RENT, "1200.00");

        OdooJournalImportService.Result result = imports.importJournal(ENTITY);

        assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        assertThat(result.imported()).isEqualTo(2);
        assertThat(result.periodLocked()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT entry_date FROM journal_line", String.class)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT kind || ': ' || reason FROM import_exception", String.class))
                .hasSize(2).allSatisfy(r -> assertThat(r).startsWith("PERIOD_LOCKED: period locked: ACME-DE 2026-06"));
        assertThat(imports.importJournal(ENTITY).imported()).isZero();
        assertThat(count("import_exception")).as("queued once, though read again").isEqualTo(2);
    }

    @Test
    void anItemChangedInOdooAfterImportIsQueuedNotUpdated() {
        long move = post("2026-12-03", "Office rent December", RENT, "1200.00");
        imports.importJournal(ENTITY);

        sandbox.call("account.move", "button_draft", List.of(List.of(move)), Map.of());
        List<Object> items = new ArrayList<>();
        for (Map<String, Object> item : sandbox.searchRead("account.move.line", List.of(List.of("move_id", "=", move)),
                List.of("id", "debit"))) {
            boolean debit = new BigDecimal(String.valueOf(item.get("debit"))).signum() > 0;
            items.add(List.of(1L, item.get("id"), Map.of(debit ? "debit" : "credit", 1250.0)));
        }
        sandbox.call("account.move", "write", List.of(List.of(move), Map.of("line_ids", items)), Map.of());
        sandbox.call("account.move", "action_post", List.of(List.of(move)), Map.of());

        OdooJournalImportService.Result result = imports.importJournal(ENTITY);

        assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        assertThat(result.changedAfterImport()).as(result + " " + sandbox.searchRead("account.move.line",
                List.of(List.of("move_id", "=", move)), List.of("id", "debit", "credit", "write_date", "parent_state")))
                .isEqualTo(2);
        assertThat(result.imported()).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT debit + credit FROM journal_line", BigDecimal.class))
                .singleElement().satisfies(v -> assertThat(v).isEqualByComparingTo("1200"));
        assertThat(jdbc.queryForList("SELECT reason FROM import_exception WHERE kind = 'SKIPPED_ENTRY'", String.class))
                .hasSize(2).allSatisfy(r -> assertThat(r).startsWith("changed in Odoo after import").contains("1250"));
    }

    private long post(String date, String ref, long expense, String amount) {
        long id = move(date, ref, expense, amount);
        sandbox.call("account.move", "action_post", List.of(List.of(id)), Map.of());
        return id;
    }

    private long move(String date, String ref, long expense, String amount) {
        double value = Double.parseDouble(amount);
        return create(date, ref, List.of(
                List.of(0L, 0L, Map.of("account_id", expense, "name", ref, "debit", value)),
                List.of(0L, 0L, Map.of("account_id", PAYABLE, "name", ref, "credit", value))));
    }

    private void postInEuro(String date, String ref, String dollars, String euros) {
        double usd = Double.parseDouble(dollars);
        double eur = Double.parseDouble(euros);
        long id = create(date, ref, List.of(
                List.of(0L, 0L, Map.of("account_id", BANK_FEES, "name", ref, "debit", usd, "currency_id", EUR,
                        "amount_currency", eur)),
                List.of(0L, 0L, Map.of("account_id", PAYABLE, "name", ref, "credit", usd, "currency_id", EUR,
                        "amount_currency", -eur))));
        sandbox.call("account.move", "action_post", List.of(List.of(id)), Map.of());
    }

    private long create(String date, String ref, List<Object> lines) {
        Object id = sandbox.call("account.move", "create", List.of(Map.of("journal_id", MISC, "date", date, "ref", ref,
                "line_ids", lines)), Map.of());
        return ((Number) id).longValue();
    }

    /** What Odoo has: id, entry, date, account code, debit, credit of each posted item of company 1. */
    private Set<String> postedItemsInOdoo() {
        Set<String> out = new TreeSet<>();
        for (Map<String, Object> item : sandbox.searchRead("account.move.line", List.of(
                List.of("parent_state", "=", "posted"), List.of("company_id", "=", 1L)),
                List.of("id", "move_name", "date", "account_id", "debit", "credit"))) {
            String account = String.valueOf(((List<?>) item.get("account_id")).get(1)).split(" ")[0];
            out.add(item.get("id") + "|" + item.get("move_name") + "|" + item.get("date") + "|" + account + "|"
                    + amount(item.get("debit")) + "|" + amount(item.get("credit")));
        }
        return out;
    }

    private Set<String> storedLines() {
        return new TreeSet<>(jdbc.query("SELECT source_line_id, entry_id, entry_date, account, debit, credit"
                + " FROM journal_line WHERE entity = ?", (rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getDate(3).toLocalDate() + "|" + rs.getString(4) + "|" + amount(rs.getBigDecimal(5)) + "|"
                        + amount(rs.getBigDecimal(6)), ENTITY));
    }

    private static String amount(Object value) {
        return new BigDecimal(String.valueOf(value)).setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private long draftLines(long move) {
        List<String> ids = new ArrayList<>();
        sandbox.searchRead("account.move.line", List.of(List.of("move_id", "=", move)), List.of("id"))
                .forEach(item -> ids.add(String.valueOf(item.get("id"))));
        return jdbc.queryForList("SELECT source_line_id FROM journal_line", String.class).stream()
                .filter(ids::contains).count();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
