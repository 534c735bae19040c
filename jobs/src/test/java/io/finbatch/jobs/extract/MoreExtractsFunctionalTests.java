package io.finbatch.jobs.extract;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.banklines.BankLineMappingService;
import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.writers.extract.ExtractFileRecord;
import io.finbatch.writers.extract.ExtractManifest;
import io.finbatch.writers.extract.ExtractManifests;
import io.finbatch.writers.periods.FiscalPeriodRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.finbatch.jobs.extract.ExtractFunctionalTests.assertSameAsGolden;
import static io.finbatch.jobs.extract.ExtractFunctionalTests.completed;
import static io.finbatch.jobs.extract.ExtractFunctionalTests.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extracts added after the first three (H2 and PostgreSQL subclasses), on the sample group consolidated
 * as of the October cut-off: P&L and balance sheet by entity, trial balance by entity, unposted items.
 * Each against its golden CSV byte for byte, and the golden figures against sums computed here
 * independently of the extract's SQL (from the sample's files, or the fixture inserted here).
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class MoreExtractsFunctionalTests {

    static final YearMonth OCTOBER = ExtractFunctionalTests.OCTOBER;
    static final Instant CUTOFF = ExtractFunctionalTests.CUTOFF;
    static final String PL_BS = "pl-bs-by-entity";
    static final String TB_ENTITY = "trial-balance-by-entity";
    static final String UNPOSTED = "unposted-items";

    @Autowired
    ExtractService extracts;

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    StatementImportService statements;

    @Autowired
    BankLineMappingService mapping;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExtractProperties properties;

    static Path projectRoot() {
        return ExtractFunctionalTests.projectRoot();
    }

    static void moreExtractsProperties(DynamicPropertyRegistry registry) {
        ExtractFunctionalTests.extractProperties(registry);
        registry.add("finbatch.rules.dir", () -> projectRoot().resolve("mappings/rules").toString());
    }

    @BeforeEach
    void sampleGroupConsolidatedAsOfTheCutoff() throws IOException {
        ExtractFunctionalTests.consolidateSampleGroup(jdbc, properties, consolidation, periods);
    }

    @Test
    void thePlAndBalanceSheetByEntityEqualsItsGoldenCsvAndAddsUpToTheConsolidatedTrialBalance() throws IOException {
        ExtractService.ExtractResult result = completed(extracts.extract(PL_BS, OCTOBER));

        assertThat(result.files()).extracting(ExtractFileRecord::format).containsExactly("csv", "xlsx");
        assertSameAsGolden(result.file("csv"));
        List<CSVRecord> rows = csv(Path.of(result.file("csv").path()));
        // per group account, the entities' balances add up to the consolidated trial balance computed
        // independently (examples/group/expected, tools/group-expected.py)
        Map<String, BigDecimal> byAccount = new TreeMap<>();
        BigDecimal bs = BigDecimal.ZERO.setScale(2);
        BigDecimal pl = BigDecimal.ZERO.setScale(2);
        for (CSVRecord row : rows) {
            boolean profitAndLoss = row.get("Class").equals("INCOME") || row.get("Class").equals("EXPENSE");
            assertThat(row.get("Statement")).isEqualTo(profitAndLoss ? "PL" : "BS");
            assertThat(row.get(profitAndLoss ? "Balance sheet" : "Profit and loss")).isEmpty();
            BigDecimal amount = new BigDecimal(row.get(profitAndLoss ? "Profit and loss" : "Balance sheet"));
            byAccount.merge(row.get("Group account"), amount, BigDecimal::add);
            if (profitAndLoss) {
                pl = pl.add(amount);
            } else {
                bs = bs.add(amount);
            }
        }
        Map<String, BigDecimal> expected = new TreeMap<>();
        for (CSVRecord row : csv(projectRoot().resolve("examples/group/expected/consolidated-tb-2026-10.csv"))) {
            BigDecimal net = new BigDecimal(row.get("debit")).subtract(new BigDecimal(row.get("credit")));
            if (net.signum() != 0) {
                expected.put(row.get("group_account"), net);
            }
        }
        byAccount.values().removeIf(v -> v.signum() == 0);
        assertThat(byAccount).isEqualTo(expected);
        assertThat(bs.add(pl)).isEqualByComparingTo("0");
        assertThat(result.controlTotals()).isEqualTo("{\"bs_balance\":\"" + bs.toPlainString() + "\",\"pl_balance\":\""
                + pl.toPlainString() + "\"}");
        assertManifestsRecompute(result);

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(Path.of(result.file("xlsx").path())))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1);
                for (int c = 0; c < 5; c++) {
                    assertThat(row.getCell(c).getStringCellValue()).isEqualTo(rows.get(r).get(c));
                }
                for (int c = 5; c < 7; c++) {
                    Cell cell = row.getCell(c);
                    if (rows.get(r).get(c).isEmpty()) {
                        assertThat(cell == null || cell.getCellType() == CellType.BLANK).isTrue();
                    } else {
                        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                        assertThat(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_EVEN))
                                .isEqualTo(new BigDecimal(rows.get(r).get(c)));
                    }
                }
            }
        }
    }

    @Test
    void thePlAndBalanceSheetByEntityNeedsARunAsOfTheCutoff() {
        YearMonth september = YearMonth.of(2026, 9);
        periods.setCutoff("GROUP", september, CUTOFF, "controller");
        ExtractService.ExtractResult noRun = extracts.extract(PL_BS, september);
        assertThat(noRun.status()).isEqualTo("FAILED");
        assertThat(noRun.message()).contains("no rows").contains("consolidate");
    }

    @Test
    void theTrialBalanceByEntityEqualsItsGoldenCsvAndTheSumsOfTheLedgerFiles() throws IOException {
        ExtractService.ExtractResult result = completed(extracts.extract(TB_ENTITY, OCTOBER));

        assertThat(result.files()).extracting(ExtractFileRecord::format).containsExactly("csv");
        assertSameAsGolden(result.file("csv"));
        // recomputed from the sample's general-ledger files and account mappings, not from the database
        Map<String, String> expected = new TreeMap<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, String> mapped = new TreeMap<>();
        for (String entity : List.of("ACME-DE", "ACME-NL", "ACME-US")) {
            for (CSVRecord m : csv(projectRoot().resolve("examples/group/account-mapping/" + entity + ".csv"))) {
                mapped.put(entity + "/" + m.get("local_account"), m.get("group_account"));
            }
            for (CSVRecord line : csv(projectRoot().resolve("examples/group/gl/" + entity + "-2026-10.csv"))) {
                if (LocalDate.parse(line.get("date")).isAfter(OCTOBER.atEndOfMonth())
                        || OffsetDateTime.parse(line.get("recorded_at")).toInstant().isAfter(CUTOFF)) {
                    continue;
                }
                String key = entity + "/" + line.get("account");
                counts.computeIfAbsent(key, k -> new long[1])[0]++;
                BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)});
                s[0] = s[0].add(decimal(line.get("debit")));
                s[1] = s[1].add(decimal(line.get("credit")));
            }
        }
        sums.forEach((key, s) -> expected.put(key, mapped.getOrDefault(key, "") + "/" + counts.get(key)[0] + "/"
                + s[0] + "/" + s[1] + "/" + s[0].subtract(s[1])));
        Map<String, String> extracted = new TreeMap<>();
        Map<String, BigDecimal> balanceByEntity = new TreeMap<>();
        for (CSVRecord row : csv(Path.of(result.file("csv").path()))) {
            assertThat(row.get("Source")).isEqualTo("GL_CSV");
            assertThat(row.get("Currency")).isEqualTo(row.get("Entity").equals("ACME-US") ? "USD" : "EUR");
            extracted.put(row.get("Entity") + "/" + row.get("Account"), row.get("Group account") + "/" + row.get("Lines")
                    + "/" + row.get("Debit") + "/" + row.get("Credit") + "/" + row.get("Balance"));
            balanceByEntity.merge(row.get("Entity"), new BigDecimal(row.get("Balance")), BigDecimal::add);
        }
        assertThat(extracted).isEqualTo(expected);
        assertThat(balanceByEntity).allSatisfy((entity, balance) -> assertThat(balance).as(entity).isZero());
        assertThat(result.rows()).isEqualTo(expected.size());
        assertManifestsRecompute(result);
        // a line recorded after the cut-off is not in it
        long late = jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE entry_date <= ? AND recorded_at > ?",
                Long.class, OCTOBER.atEndOfMonth(), java.sql.Timestamp.from(CUTOFF));
        long counted = counts.values().stream().mapToLong(c -> c[0]).sum();
        assertThat(counted + late).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE entry_date <= ?",
                Long.class, OCTOBER.atEndOfMonth()));
    }

    @Test
    void theUnpostedItemsListTheOutboxItemsNotConfirmedAndTheUnmatchedBankLinesWithTheirAge() throws IOException {
        for (String file : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            assertThat(statements.importFile(Examples.file(file)).status()).isEqualTo("IMPORTED");
        }
        BankLineMappingService.MappingRunResult run = mapping.mapBankLines();
        assertThat(run.status()).as(run.message()).isEqualTo("COMPLETED");
        assertThat(run.unmatched()).isEqualTo(1);
        // the statements were imported now: as if they had arrived on the evening of 30 October
        jdbc.update("UPDATE statement_line SET imported_at = ?", utc("2026-10-30T20:00:00Z"));
        outbox("JE/ACME-DE/ACCRUAL-2026-10", "JOURNAL_ENTRY", "2026-10-31", "PENDING", 0, null, "2026-11-01T07:30:00Z");
        outbox("SL/ACME-DE/0001", "STATEMENT_LINE", "2026-10-29", "SENT", 1, null, "2026-10-29T22:00:00Z");
        outbox("SL/ACME-DE/0002", "STATEMENT_LINE", "2026-10-29", "CONFIRMED", 1, null, "2026-10-29T22:00:00Z");
        outbox("JE/ACME-NL/FX-2026-10", "JOURNAL_ENTRY", "2026-10-31", "SKIPPED", 1,
                "period locked in Odoo: 2026-10, move date would be moved", "2026-10-20T09:00:00Z");
        outbox("JE/ACME-NL/IC-2026-09", "JOURNAL_ENTRY", "2026-09-30", "FAILED", 5,
                "Odoo answered 500 five times, \"gave up\"", "2026-10-03T17:59:59Z");
        outbox("JE/ACME-DE/LATE-2026-11", "JOURNAL_ENTRY", "2026-11-04", "PENDING", 0, null, "2026-11-04T08:00:00Z");

        ExtractService.ExtractResult result = completed(extracts.extract(UNPOSTED, OCTOBER));

        assertThat(result.files()).extracting(ExtractFileRecord::format).containsExactly("csv", "xlsx");
        assertSameAsGolden(result.file("csv"));
        List<CSVRecord> rows = csv(Path.of(result.file("csv").path()));
        Map<String, String> items = new LinkedHashMap<>();
        for (CSVRecord row : rows) {
            items.put(row.get("Item"), row.get("State") + "/" + row.get("Age (days)") + "/" + row.get("Reason"));
        }
        String bankLine = jdbc.queryForObject("SELECT s.unique_import_id FROM statement_line s JOIN bank_line_mapping b"
                + " ON b.statement_line_id = s.id WHERE b.outcome = 'UNMATCHED'", String.class);
        // ages: whole days from recorded to the cut-off 2026-11-03T18:00Z
        assertThat(items).containsExactly(
                Map.entry(bankLine, "UNMATCHED/3/no rule matches"),
                Map.entry("JE/ACME-DE/ACCRUAL-2026-10", "PENDING/2/"),
                Map.entry("JE/ACME-NL/FX-2026-10", "SKIPPED/14/period locked in Odoo: 2026-10, move date would be moved"),
                Map.entry("JE/ACME-NL/IC-2026-09", "FAILED/31/Odoo answered 500 five times, \"gave up\""),
                Map.entry("SL/ACME-DE/0001", "SENT/4/"));
        assertThat(rows.get(0).get("Amount")).isEqualTo("45.00");
        assertThat(result.controlTotals()).isEqualTo("{\"amount\":\"45.00\",\"age_days\":\"54\"}");
        assertManifestsRecompute(result);

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(Path.of(result.file("xlsx").path())))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(rows.get(r).get("Item"));
                Cell date = row.getCell(3);
                assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
                assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(rows.get(r).get("Date")));
                Cell age = row.getCell(9);
                assertThat(age.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) age.getNumericCellValue()).isEqualTo(Long.parseLong(rows.get(r).get("Age (days)")));
            }
        }
    }

    // --- helpers (the minimum of ExtractFunctionalTests', which are private there)

    private void outbox(String key, String kind, String date, String state, int attempts, String error, String created) {
        jdbc.update("INSERT INTO odoo_outbox (business_key, kind, source_id, item_date, state, attempts, last_error,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", key, kind, 1L, LocalDate.parse(date),
                state, attempts, error, utc(created), utc(created));
    }

    private static OffsetDateTime utc(String instant) {
        return OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static BigDecimal decimal(String text) {
        return text.isBlank() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(text).setScale(2);
    }

    /** The CSV manifest's row count and control totals recompute from the CSV file; the XLSX one is the same. */
    private static void assertManifestsRecompute(ExtractService.ExtractResult result) throws IOException {
        ExtractFileRecord csvFile = result.file("csv");
        ExtractManifest manifest = ExtractManifests.read(Path.of(csvFile.manifestPath()));
        List<CSVRecord> rows = csv(Path.of(csvFile.path()));
        assertThat(manifest.rows()).isEqualTo(rows.size());
        Map<String, String> headers = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(Path.of(csvFile.path()))) {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
            List<String> names = parser.getHeaderNames();
            // the control-total columns in file order are those of the manifest, by position in the descriptor
            for (String column : manifest.controlTotals().keySet()) {
                headers.put(column, HEADERS.get(column));
            }
            assertThat(names).containsAll(headers.values());
        }
        for (var total : manifest.controlTotals().entrySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (CSVRecord row : rows) {
                String value = row.get(headers.get(total.getKey()));
                sum = value.isEmpty() ? sum : sum.add(new BigDecimal(value));
            }
            assertThat(new BigDecimal(total.getValue())).as(total.getKey()).isEqualByComparingTo(sum);
        }
        for (ExtractFileRecord file : result.files()) {
            assertThat(file.controlTotals()).isEqualTo(csvFile.controlTotals());
            assertThat(file.rowCount()).isEqualTo(rows.size());
        }
    }

    private static final Map<String, String> HEADERS = Map.of("bs_balance", "Balance sheet", "pl_balance",
            "Profit and loss", "line_count", "Lines", "debit", "Debit", "credit", "Credit", "balance", "Balance",
            "amount", "Amount", "age_days", "Age (days)");

}
