package io.finbatch.writers.extract;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 says: UTF-8 without BOM, a header row, {@code \r\n} after every record, a value quoted
 * only when it must be; amounts as plain decimals at their column's decimals ({@code -1234.50}, never
 * grouped, never in exponent notation, whatever the locale), dates {@code yyyy-mm-dd}, null as empty.
 * Same rows in, same bytes out.
 */
public class CsvExtractWriter implements ExtractFileWriter {

    private final Path file;
    private final CSVPrinter printer;
    private final int columns;

    public CsvExtractWriter(Path file, ExtractDefinition definition) throws IOException {
        this.file = file;
        this.columns = definition.columns().size();
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(definition.csvDelimiter())
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                StandardCharsets.UTF_8), 1 << 16), format);
        List<String> headers = new ArrayList<>(columns);
        definition.columns().forEach(c -> headers.add(c.header()));
        printer.printRecord(headers);
    }

    @Override
    public void write(ExtractRow row) throws IOException {
        for (int i = 0; i < columns; i++) {
            printer.print(text(row.get(i)));
        }
        printer.println();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value.toString();
    }

    @Override
    public void finish(ExtractSummary summary) throws IOException {
        printer.close(true);
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
