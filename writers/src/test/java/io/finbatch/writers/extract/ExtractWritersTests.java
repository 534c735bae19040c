package io.finbatch.writers.extract;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV and XLSX writers and the definition checks, without a database. */
class ExtractWritersTests {

    static final Instant AS_OF = Instant.parse("2026-11-03T18:00:00Z");

    @TempDir
    Path dir;

    static ExtractDefinition definition(String delimiter) {
        String yml = """
                name: sample
                kind: regulatory
                description: a sample
                parameters:
                  - {name: period_end, type: date}
                columns:
                  - {name: code, header: Code, type: text}
                  - {name: day, header: Day, type: date}
                  - {name: amount, header: Amount, type: amount, decimals: 2}
                  - {name: n, header: N, type: integer}
                sort: [code]
                formats: [csv, xlsx]
                control_totals: [amount, n]
                csv:
                  delimiter: "%s"
                """.formatted(delimiter);
        return ExtractDefinitions.parse("sample", "SELECT * FROM t WHERE day <= :period_end -- not :this".getBytes(
                StandardCharsets.UTF_8), yml.getBytes(StandardCharsets.UTF_8));
    }

    static ExtractRow row(String code, LocalDate day, String amount, Long n) {
        return new ExtractRow(new Object[] {code, day, amount == null ? null : new BigDecimal(amount), n});
    }

    @Test
    void csvIsRfc4180WithCrLfPlainDecimalsAndQuotesOnlyWhereNeeded() throws IOException {
        Path file = dir.resolve("a.csv");
        try (CsvExtractWriter csv = new CsvExtractWriter(file, definition(";"))) {
            csv.write(row("Zürich; \"HQ\"", LocalDate.of(2026, 10, 31), "1E+3", 7L));
            csv.write(row("line\nbreak", null, "-0.50", null));
            csv.write(row("plain", LocalDate.of(2026, 1, 2), "1234567.89", 0L));
            csv.finish(null);
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("Code;Day;Amount;N\r\n"
                + "\"Zürich; \"\"HQ\"\"\";2026-10-31;1000;7\r\n"
                + "\"line\nbreak\";;-0.50;\r\n"
                + "plain;2026-01-02;1234567.89;0\r\n");
        assertThatThrownBy(() -> new CsvExtractWriter(file, definition(";"))).isInstanceOf(IOException.class);
    }

    @Test
    void xlsxHasTypedCellsAFrozenHeaderAManifestSheetAndTheSameBytesEachTime() throws IOException {
        ExtractDefinition definition = definition(",");
        Path first = writeXlsx(definition, "first.xlsx");
        Path second = writeXlsx(definition, "second.xlsx");

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(first))) {
            Sheet sheet = workbook.getSheet("sample");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(1200);
            var cells = sheet.getRow(1);
            assertThat(cells.getCell(0).getStringCellValue()).isEqualTo("A0000");
            assertThat(cells.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 2));
            assertThat(cells.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(cells.getCell(2).getNumericCellValue()).isEqualTo(0.01);
            assertThat(cells.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(cells.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1200).getCell(2).getNumericCellValue()).isEqualTo(12.00);
            Sheet manifest = workbook.getSheet("Manifest");
            assertThat(manifest.getRow(0).getCell(1).getStringCellValue()).isEqualTo("sample");
            assertThat(workbook.getProperties().getCoreProperties().getCreated().toInstant()).isEqualTo(AS_OF);
        }
    }

    private Path writeXlsx(ExtractDefinition definition, String name) throws IOException {
        Path file = dir.resolve(name);
        BigDecimal total = BigDecimal.ZERO;
        try (XlsxExtractWriter xlsx = new XlsxExtractWriter(file, definition, 100)) {
            for (int i = 1; i <= 1200; i++) {
                BigDecimal amount = BigDecimal.valueOf(i, 2);
                total = total.add(amount);
                xlsx.write(row("A%04d".formatted(i - 1), LocalDate.of(2026, 10, 1 + i % 31), amount.toPlainString(), (long) i));
            }
            Map<String, BigDecimal> totals = new LinkedHashMap<>();
            totals.put("amount", total);
            totals.put("n", BigDecimal.valueOf(720600));
            xlsx.finish(new ExtractSummary("2026-10", AS_OF, Map.of("period_end", "2026-10-31"), 1200, totals));
        }
        return file;
    }

    @Test
    void rowsEqualOnTheSortColumnsStopTheExtractNamingThem() throws IOException {
        ExtractFilesWriter writer = new ExtractFilesWriter(definition(","), dir.resolve("dup"), "2026-10", AS_OF,
                Map.of(), 10);
        Files.createDirectories(dir.resolve("dup"));
        writer.open(new org.springframework.batch.infrastructure.item.ExecutionContext());
        try {
            writer.write(new org.springframework.batch.infrastructure.item.Chunk<>(
                    row("A", LocalDate.of(2026, 10, 1), "1.00", 1L), row("B", LocalDate.of(2026, 10, 1), "1.00", 1L)));
            assertThatThrownBy(() -> writer.write(new org.springframework.batch.infrastructure.item.Chunk<>(
                    row("B", LocalDate.of(2026, 10, 2), "2.00", 2L))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sample: rows 2 and 3 are equal on the sort columns [code] [B]");
        } finally {
            writer.close();
        }
    }

    @Test
    void aDescriptorIsCheckedBeforeAnyRowIsRead() {
        byte[] sql = "SELECT a FROM t WHERE d <= :period_end AND x::text = 'y:z'".getBytes(StandardCharsets.UTF_8);
        String base = "name: s\nkind: management\ncolumns: [{name: a, type: amount}]\nsort: [a]\nformats: [csv]\n";
        assertThatThrownBy(() -> ExtractDefinitions.parse("s", sql, base.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("the query uses [period_end], the descriptor declares []");
        String declared = base + "parameters: [{name: period_end}]\n";
        assertThat(ExtractDefinitions.parse("s", sql, declared.getBytes(StandardCharsets.UTF_8)).column("a").decimals())
                .isEqualTo(2);
        assertThatThrownBy(() -> ExtractDefinitions.parse("s", sql, (declared + "control_totals: [b]\n")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("control total 'b' is not a column");
        assertThatThrownBy(() -> ExtractDefinitions.parse("s", sql, (declared + "colour: red\n")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> ExtractDefinitions.parse("other", sql, declared.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("is not the file's name");
        assertThatThrownBy(() -> ExtractDefinitions.parse("s", sql, declared.replace("[a]", "[]")
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("sort");
    }

    @Test
    void anExtractNameCannotLeaveItsFolder() {
        ExtractDefinitions definitions = new ExtractDefinitions(new org.springframework.core.io.DefaultResourceLoader(),
                "file:" + dir + "/");
        assertThatThrownBy(() -> definitions.load("../secret")).hasMessageContaining("not an extract name");
    }
}
