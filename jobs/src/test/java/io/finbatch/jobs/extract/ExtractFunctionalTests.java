package io.finbatch.jobs.extract;

import io.finbatch.jobs.FinanceBatchApplication;
import io.finbatch.jobs.consolidation.ConsolidationService;
import io.finbatch.jobs.statementimport.StatementImportService;
import io.finbatch.jobs.support.Examples;
import io.finbatch.jobs.support.SampleGroup;
import io.finbatch.writers.extract.Digests;
import io.finbatch.writers.extract.ExtractDefinitions;
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
import org.junit.jupiter.api.io.TempDir;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extract job on the sample group (H2 and PostgreSQL subclasses): the consolidated trial balance, the
 * general-ledger detail and the cash position against golden files byte for byte; the XLSX cell by cell
 * with types and formats; manifests that recompute from their files; reproducibility after late data;
 * versions never overwritten.
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class ExtractFunctionalTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Instant CUTOFF = Instant.parse("2026-11-03T18:00:00Z");
    static final String TB = "consolidated-trial-balance";
    static final String GL = "gl-detail";
    static final String CASH = "cash-position";

    @Autowired
    ExtractService extracts;

    @Autowired
    ConsolidationService consolidation;

    @Autowired
    StatementImportService statements;

    @Autowired
    FiscalPeriodRepository periods;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExtractProperties properties;

    @TempDir
    Path dir;

    static Path projectRoot() {
        return SampleGroup.projectRoot();
    }

    static void extractProperties(DynamicPropertyRegistry registry) {
        Path archive;
        try {
            archive = Files.createTempDirectory("finbatch-extracts-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        registry.add("finbatch.group.dir", () -> projectRoot().resolve("examples/group").toString());
        registry.add("finbatch.extracts.dir", archive::toString);
    }

    @BeforeEach
    void sampleGroupConsolidatedAsOfTheCutoff() throws IOException {
        consolidateSampleGroup(jdbc, properties, consolidation, periods);
    }

    /** Empty tables and archive, the sample group's ledgers loaded, October consolidated as of its cut-off. */
    static void consolidateSampleGroup(JdbcTemplate jdbc, ExtractProperties properties,
            ConsolidationService consolidation, FiscalPeriodRepository periods) throws IOException {
        SampleGroup.consolidate(jdbc, properties, consolidation, periods);
    }

    @Test
    void theConsolidatedTrialBalanceEqualsItsGoldenCsvByteForByte() throws IOException {
        ExtractService.ExtractResult result = completed(extracts.extract(TB, OCTOBER));

        assertThat(result.version()).isEqualTo(1);
        assertThat(result.asOf()).isEqualTo(CUTOFF);
        assertThat(result.files()).extracting(ExtractFileRecord::format).containsExactly("csv", "xlsx");
        assertSameAsGolden(result.file("csv"));
        assertThat(result.controlTotals()).isEqualTo("{\"debit\":\"1646079.97\",\"credit\":\"1646079.97\"}");
        // the golden file itself against the consolidation computed independently (tools/group-expected.py)
        Map<String, String> expected = new TreeMap<>();
        for (CSVRecord row : csv(projectRoot().resolve("examples/group/expected/consolidated-tb-2026-10.csv"))) {
            if (new BigDecimal(row.get("debit")).signum() != 0 || new BigDecimal(row.get("credit")).signum() != 0) {
                expected.put(row.get("group_account"), row.get("name") + "/" + row.get("debit") + "/" + row.get("credit"));
            }
        }
        Map<String, String> extracted = new TreeMap<>();
        for (CSVRecord row : csv(Path.of(result.file("csv").path()))) {
            if (new BigDecimal(row.get("Debit")).signum() != 0 || new BigDecimal(row.get("Credit")).signum() != 0) {
                extracted.put(row.get("Group account"), row.get("Name") + "/" + row.get("Debit") + "/" + row.get("Credit"));
            }
        }
        assertThat(extracted).isEqualTo(expected);
    }

    @Test
    void theGlDetailHoldsTheLinesOfThePeriodAsOfTheCutoffAndEqualsItsGoldenCsv() throws IOException {
        ExtractService.ExtractResult result = completed(extracts.extract(GL, OCTOBER));

        assertThat(result.files()).extracting(ExtractFileRecord::format).containsExactly("csv");
        assertSameAsGolden(result.file("csv"));
        long expectedRows = jdbc.queryForObject("SELECT COUNT(*) FROM journal_line WHERE entry_date BETWEEN ? AND ?"
                + " AND recorded_at <= ?", Long.class, OCTOBER.atDay(1), OCTOBER.atEndOfMonth(),
                java.sql.Timestamp.from(CUTOFF));
        long allLines = jdbc.queryForObject("SELECT COUNT(*) FROM journal_line", Long.class);
        assertThat(result.rows()).isEqualTo(expectedRows).isLessThan(allLines);
    }

    @Test
    void theXlsxHoldsTheCsvValuesCellByCellWithTypesAndFormats() throws IOException {
        ExtractService.ExtractResult result = completed(extracts.extract(TB, OCTOBER));
        List<CSVRecord> rows = csv(Path.of(result.file("csv").path()));

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(Path.of(result.file("xlsx").path())))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(TB);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(1)).isEqualTo(44 * 256);
            assertThat(texts(sheet.getRow(0))).containsExactly("Group account", "Name", "Class", "Debit", "Credit");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1);
                CSVRecord expected = rows.get(r);
                for (int c = 0; c < 3; c++) {
                    assertThat(row.getCell(c).getCellType()).isEqualTo(CellType.STRING);
                    assertThat(row.getCell(c).getStringCellValue()).isEqualTo(expected.get(c));
                }
                for (int c = 3; c < 5; c++) {
                    Cell cell = row.getCell(c);
                    assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                    assertThat(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_EVEN))
                            .isEqualTo(new BigDecimal(expected.get(c)));
                }
            }
            Map<String, Cell> manifest = manifestSheet(workbook);
            assertThat(manifest.get("Extract").getStringCellValue()).isEqualTo(TB);
            assertThat(manifest.get("Parameter period").getStringCellValue()).isEqualTo("2026-10");
            assertThat(manifest.get("Parameter as_of").getStringCellValue()).isEqualTo(CUTOFF.toString());
            assertThat(manifest.get("Rows").getNumericCellValue()).isEqualTo(rows.size());
            assertThat(manifest.get("Control total debit").getNumericCellValue()).isEqualTo(1646079.97);
            assertThat(manifest.get("Control total debit").getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(manifest.get("Definition SHA-256").getStringCellValue())
                    .isEqualTo(result.file("xlsx").definitionSha256());
        }
    }

    @Test
    void theCashPositionHasRealDatesInItsXlsxAndEqualsItsGoldenCsv() throws IOException {
        for (String file : List.of(Examples.INTRADAY_MT942, Examples.MT940, Examples.CAMT053)) {
            assertThat(statements.importFile(Examples.file(file)).status()).isEqualTo("IMPORTED");
        }
        // the sample statements were imported now, after the October cut-off: as of now they count
        ExtractService.ExtractResult result = completed(extracts.extract(CASH, OCTOBER, Instant.now()));
        assertSameAsGolden(result.file("csv"));
        List<CSVRecord> rows = csv(Path.of(result.file("csv").path()));
        assertThat(rows).isNotEmpty();

        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(Path.of(result.file("xlsx").path())))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Cell date = sheet.getRow(r + 1).getCell(2);
                assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
                assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
                assertThat(date.getLocalDateTimeCellValue().toLocalDate())
                        .isEqualTo(LocalDate.parse(rows.get(r).get("Closing date")));
                assertThat(sheet.getRow(r + 1).getCell(0).getStringCellValue()).isEqualTo(rows.get(r).get("Account"));
            }
        }
        // as of the cut-off those files had not arrived: an empty cash position, which this extract allows
        assertThat(completed(extracts.extract(CASH, OCTOBER)).rows()).isZero();
    }

    @Test
    void everyManifestRecomputesFromItsFile() throws IOException {
        List<ExtractFileRecord> files = new ArrayList<>();
        for (String name : List.of(TB, GL, CASH)) {
            files.addAll(completed(extracts.extract(name, OCTOBER)).files());
        }
        assertThat(files).hasSize(5);
        for (ExtractFileRecord record : files) {
            Path file = Path.of(record.path());
            ExtractManifest manifest = ExtractManifests.read(Path.of(record.manifestPath()));
            assertThat(Path.of(record.manifestPath())).isEqualTo(ExtractManifests.pathFor(file));
            assertThat(manifest.sha256()).isEqualTo(Digests.sha256(file)).isEqualTo(record.sha256());
            assertThat(manifest.file()).isEqualTo(file.getFileName().toString());
            assertThat(manifest.extract()).isEqualTo(record.name());
            assertThat(manifest.period()).isEqualTo("2026-10");
            assertThat(manifest.cutoff()).isEqualTo(CUTOFF.toString());
            assertThat(manifest.asOf()).isEqualTo(CUTOFF.toString());
            assertThat(manifest.parameters()).containsEntry("as_of", CUTOFF.toString());
            assertThat(manifest.generatedAt()).isNotBlank();
            assertThat(manifest.version()).isEqualTo(record.version());
            assertThat(manifest.definitionSha256()).isEqualTo(ExtractDefinitions.sha256(
                    Files.readAllBytes(projectRoot().resolve("sql/extracts/" + record.name() + ".sql")),
                    Files.readAllBytes(projectRoot().resolve("sql/extracts/" + record.name() + ".yml"))));
            Map<String, String> recomputed = record.format().equals("csv")
                    ? csvTotals(file, manifest.controlTotals().keySet())
                    : xlsxTotals(file, record.name(), manifest.controlTotals().keySet());
            assertThat(recomputed.remove("rows")).isEqualTo(Long.toString(manifest.rows()));
            assertThat(recomputed).isEqualTo(manifest.controlTotals());
            assertThat(record.controlTotals()).isEqualTo(ExtractManifests.json(manifest.controlTotals()));
            assertThat(manifest.rows()).isEqualTo(record.rowCount());
        }
    }

    @Test
    void aRerunAfterLateDataGivesTheSameFilesAndControlTotals() throws IOException {
        ExtractService.ExtractResult tb1 = completed(extracts.extract(TB, OCTOBER));
        ExtractService.ExtractResult gl1 = completed(extracts.extract(GL, OCTOBER));
        Path late = dir.resolve("ACME-DE-late.csv");
        Files.writeString(late, "line_id,entity,journal,entry_id,date,account,label,debit,credit,currency,"
                + "amount_currency,partner,counterparty_entity,reference,recorded_at\n"
                + "LATE-1,ACME-DE,MISC,LATE-E1,2026-10-31,600000,Late accrual,999.99,0.00,,,,,,2026-11-05T09:00:00Z\n"
                + "LATE-2,ACME-DE,MISC,LATE-E1,2026-10-31,211000,Late accrual,0.00,999.99,,,,,,2026-11-05T09:00:00Z\n");
        assertThat(consolidation.importLedger(late).status()).isEqualTo("COMPLETED");
        assertThat(consolidation.consolidate(OCTOBER).status()).isEqualTo("COMPLETED");

        ExtractService.ExtractResult tb2 = completed(extracts.extract(TB, OCTOBER));
        ExtractService.ExtractResult gl2 = completed(extracts.extract(GL, OCTOBER));

        assertThat(tb2.version()).isEqualTo(2);
        assertThat(gl2.version()).isEqualTo(2);
        for (String format : List.of("csv", "xlsx")) {
            assertThat(Files.readAllBytes(Path.of(tb2.file(format).path())))
                    .as("%s %s", TB, format).isEqualTo(Files.readAllBytes(Path.of(tb1.file(format).path())));
            assertThat(tb2.file(format).sha256()).isEqualTo(tb1.file(format).sha256());
        }
        assertThat(Files.readAllBytes(Path.of(gl2.file("csv").path())))
                .isEqualTo(Files.readAllBytes(Path.of(gl1.file("csv").path())));
        assertThat(tb2.controlTotals()).isEqualTo(tb1.controlTotals());
        assertThat(gl2.controlTotals()).isEqualTo(gl1.controlTotals());
        assertThat(gl2.rows()).isEqualTo(gl1.rows());
        // ...while the late line is in the store, and in an extract as of a later instant
        Instant later = Instant.parse("2026-11-06T00:00:00Z");
        ExtractService.ExtractResult gl3 = completed(extracts.extract(GL, OCTOBER, later));
        assertThat(gl3.rows()).isGreaterThan(gl1.rows()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM"
                + " journal_line WHERE entry_date BETWEEN ? AND ? AND recorded_at <= ?", Long.class,
                OCTOBER.atDay(1), OCTOBER.atEndOfMonth(), java.sql.Timestamp.from(later)));
        assertThat(Files.readString(Path.of(gl3.file("csv").path()))).contains(",LATE-1,").contains(",LATE-2,");
    }

    @Test
    void aRerunMakesVersionTwoAndLeavesVersionOneAsItWas() {
        ExtractService.ExtractResult first = completed(extracts.extract(TB, OCTOBER));
        String firstSha = Digests.sha256(Path.of(first.file("xlsx").path()));

        ExtractService.ExtractResult second = completed(extracts.extract(TB, OCTOBER));

        assertThat(second.version()).isEqualTo(2);
        Path base = properties.dir().toAbsolutePath().normalize();
        assertThat(Path.of(first.file("csv").path()))
                .isEqualTo(base.resolve("2026-10/" + TB + "/1/" + TB + "_2026-10.csv"));
        assertThat(Path.of(second.file("csv").path()))
                .isEqualTo(base.resolve("2026-10/" + TB + "/2/" + TB + "_2026-10.csv"));
        assertThat(Digests.sha256(Path.of(first.file("xlsx").path()))).isEqualTo(firstSha);
        assertThat(Path.of(first.file("csv").manifestPath())).exists();
        assertThat(jdbc.queryForList("SELECT version FROM extract_file WHERE name = ? ORDER BY version, format",
                Integer.class, TB)).containsExactly(1, 1, 2, 2);
    }

    @Test
    void aPeriodWithoutCutoffOrWithoutConsolidationIsRefusedAndLeavesNothing() {
        YearMonth september = YearMonth.of(2026, 9);
        ExtractService.ExtractResult noCutoff = extracts.extract(GL, september);
        assertThat(noCutoff.status()).isEqualTo("FAILED");
        assertThat(noCutoff.message()).contains("no cut-off").contains("2026-09");

        periods.setCutoff("GROUP", september, CUTOFF, "controller");
        ExtractService.ExtractResult noRun = extracts.extract(TB, september);
        assertThat(noRun.status()).isEqualTo("FAILED");
        assertThat(noRun.message()).contains("no rows").contains("consolidate");

        assertThat(properties.dir().resolve("2026-09/" + TB + "/1")).doesNotExist();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM extract_file", Long.class)).isZero();
        assertThat(extracts.extract("no-such-extract", OCTOBER).message()).contains("no extract 'no-such-extract'");
    }

    // --- helpers

    static ExtractService.ExtractResult completed(ExtractService.ExtractResult result) {
        assertThat(result.status()).as(result.message()).isEqualTo("COMPLETED");
        return result;
    }

    static void assertSameAsGolden(ExtractFileRecord file) throws IOException {
        Path actual = Path.of(file.path());
        String golden = "/extracts/" + actual.getFileName();
        byte[] bytes = Files.readAllBytes(actual);
        try (InputStream expected = ExtractFunctionalTests.class.getResourceAsStream(golden)) {
            if (expected == null) {
                Path copy = Path.of("target/golden-candidates").resolve(actual.getFileName());
                Files.createDirectories(copy.getParent());
                Files.write(copy, bytes);
                throw new AssertionError("no golden file " + golden + "; the output is in " + copy.toAbsolutePath()
                        + " for review");
            }
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as(golden)
                    .isEqualTo(new String(expected.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream expected = ExtractFunctionalTests.class.getResourceAsStream(golden)) {
            assertThat(bytes).as(golden + " byte for byte").isEqualTo(expected.readAllBytes());
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static Map<String, String> csvTotals(Path file, Iterable<String> columns) throws IOException {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        List<CSVRecord> rows = csv(file);
        Map<String, String> headers = headersByColumn(file.getFileName().toString());
        for (String column : columns) {
            BigDecimal sum = BigDecimal.ZERO.setScale(2);
            for (CSVRecord row : rows) {
                String value = row.get(headers.get(column));
                sum = value.isEmpty() ? sum : sum.add(new BigDecimal(value));
            }
            sums.put(column, sum);
        }
        Map<String, String> totals = new LinkedHashMap<>();
        sums.forEach((k, v) -> totals.put(k, v.toPlainString()));
        totals.put("rows", Integer.toString(rows.size()));
        return totals;
    }

    private static Map<String, String> xlsxTotals(Path file, String name, Iterable<String> columns) throws IOException {
        Map<String, String> totals = new LinkedHashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, String> headers = headersByColumn(name);
            List<String> headerRow = texts(sheet.getRow(0));
            for (String column : columns) {
                int index = headerRow.indexOf(headers.get(column));
                BigDecimal sum = BigDecimal.ZERO.setScale(2);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Cell cell = sheet.getRow(r).getCell(index);
                    if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                        sum = sum.add(new BigDecimal(Double.toString(cell.getNumericCellValue())).setScale(2, RoundingMode.HALF_EVEN));
                    }
                }
                totals.put(column, sum.toPlainString());
            }
            totals.put("rows", Integer.toString(sheet.getLastRowNum()));
        }
        return totals;
    }

    /** Control-total column → its header, for the three shipped extracts. */
    private static Map<String, String> headersByColumn(String fileOrName) {
        if (fileOrName.startsWith(CASH)) {
            return Map.of("closing_balance", "Closing balance");
        }
        return Map.of("debit", "Debit", "credit", "Credit");
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static Map<String, Cell> manifestSheet(XSSFWorkbook workbook) {
        Map<String, Cell> values = new LinkedHashMap<>();
        Sheet sheet = workbook.getSheet("Manifest");
        for (Row row : sheet) {
            values.put(row.getCell(0).getStringCellValue(), row.getCell(1));
        }
        return values;
    }

}
