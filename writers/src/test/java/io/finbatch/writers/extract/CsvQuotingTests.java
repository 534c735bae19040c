package io.finbatch.writers.extract;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV writer gives the very bytes Commons CSV (RFC 4180, minimal quoting) gave before it. */
class CsvQuotingTests {

    private static final String[] TEXTS = {"", " ", "a", "plain text", "#hash", "\"quoted\"", "say \"hi\"", "a,b",
        "a;b", "a\tb", "line\nbreak", "cr\rhere", "trailing ", "trailing\t", " leading", "!bang", "$dollar", "-12.50",
        "Zürich", "Grüße € 100", "emoji \uD83C\uDF81", "lone \uD800 surrogate", "\"", "\"\"", "x\"", "'single'", "a|b"};

    @TempDir
    Path dir;

    @Test
    void sameBytesAsCommonsCsvForEveryKindOfValue() throws IOException {
        for (String delimiter : new String[] {",", ";", "\\t", "|"}) {
            ExtractDefinition definition = ExtractWritersTests.definition(delimiter);
            List<Object[]> rows = new ArrayList<>();
            for (String text : TEXTS) {
                rows.add(new Object[] {text, LocalDate.of(2026, 10, 31), new BigDecimal("-1234.50"), 7L});
                rows.add(new Object[] {"k", null, null, null});
                rows.add(new Object[] {null, LocalDate.of(826, 1, 2), new BigDecimal("0.05"), -3L});
            }
            Random random = new Random(42);
            for (int i = 0; i < 500; i++) {
                BigDecimal amount = BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, 2);
                rows.add(new Object[] {TEXTS[random.nextInt(TEXTS.length)] + TEXTS[random.nextInt(TEXTS.length)],
                    LocalDate.ofEpochDay(random.nextInt(40_000)), i % 7 == 0 ? new BigDecimal("1E+3") : amount,
                    random.nextLong()});
            }
            rows.add(new Object[] {"big", null, new BigDecimal("-123456789012345678901234.56"), Long.MIN_VALUE});

            Path file = dir.resolve("t" + rows.hashCode() + ".csv");
            try (CsvExtractWriter csv = new CsvExtractWriter(file, definition)) {
                for (Object[] row : rows) {
                    csv.write(new ExtractRow(row));
                }
                csv.finish(null);
            }
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
                    .isEqualTo(commonsCsv(definition, rows));
        }
    }

    private static String commonsCsv(ExtractDefinition definition, List<Object[]> rows) throws IOException {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(definition.csvDelimiter())
                .setRecordSeparator("\r\n").setQuoteMode(QuoteMode.MINIMAL).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            List<String> headers = new ArrayList<>();
            definition.columns().forEach(c -> headers.add(c.header()));
            printer.printRecord(headers);
            for (Object[] row : rows) {
                for (Object value : row) {
                    printer.print(value == null ? "" : value instanceof BigDecimal amount ? amount.toPlainString()
                            : value.toString());
                }
                printer.println();
            }
        }
        return new String(out.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
