package io.finbatch.writers.extract;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * CSV as RFC 4180 says: UTF-8 without BOM, a header row, {@code \r\n} after every record, a value quoted
 * only when it must be; amounts as plain decimals at their column's decimals ({@code -1234.50}, never
 * grouped, never in exponent notation, whatever the locale), dates {@code yyyy-mm-dd}, null as empty.
 * Same rows in, same bytes out.
 *
 * <p>Quoting follows Commons CSV's {@code RFC4180} format with {@code QuoteMode.MINIMAL}, which wrote these
 * files before (a test holds the two to the same bytes): a value is quoted when it contains the delimiter,
 * a quote, CR or LF, starts with a character up to {@code #} or ends with one up to a blank, and an empty
 * first value of a record is written {@code ""}. Values are formatted into one reused buffer per record.
 */
public class CsvExtractWriter implements ExtractFileWriter {

    private static final char QUOTE = '"';
    private static final String RECORD_SEPARATOR = "\r\n";

    private final Path file;
    private final Writer out;
    private final char delimiter;
    private final int columns;
    private final StringBuilder record = new StringBuilder(512);
    private final StringBuilder value = new StringBuilder(64);

    public CsvExtractWriter(Path file, ExtractDefinition definition) throws IOException {
        this.file = file;
        this.columns = definition.columns().size();
        this.delimiter = definition.csvDelimiter();
        if (delimiter == QUOTE || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("the CSV delimiter cannot be a quote or a line break");
        }
        this.out = new Utf8Writer(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                1 << 16);
        record.setLength(0);
        for (int i = 0; i < columns; i++) {
            field(definition.columns().get(i).header(), i == 0);
        }
        endRecord();
    }

    @Override
    public void write(ExtractRow row) throws IOException {
        record.setLength(0);
        for (int i = 0; i < columns; i++) {
            Object cell = row.get(i);
            if (cell instanceof String text) { // as it is: no copy through the value buffer
                field(text, i == 0);
            } else {
                value.setLength(0);
                appendText(value, cell);
                field(value, i == 0);
            }
        }
        endRecord();
    }

    private void endRecord() throws IOException {
        record.append(RECORD_SEPARATOR);
        out.append(record);
    }

    /** The value as text: plain decimals, ISO dates, empty for null. */
    static void appendText(StringBuilder to, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            to.append(text);
        } else if (value instanceof BigDecimal amount) {
            PlainDecimals.append(to, amount);
        } else if (value instanceof LocalDate date) {
            PlainDecimals.appendIsoDate(to, date);
        } else if (value instanceof Long number) {
            to.append(number.longValue());
        } else {
            to.append(value);
        }
    }

    private void field(CharSequence text, boolean first) {
        if (!first) {
            record.append(delimiter);
        }
        if (!needsQuotes(text, first)) {
            record.append(text);
            return;
        }
        record.append(QUOTE);
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == QUOTE) {
                record.append(text, start, i + 1).append(QUOTE);
                start = i + 1;
            }
        }
        record.append(text, start, text.length()).append(QUOTE);
    }

    private boolean needsQuotes(CharSequence text, boolean first) {
        int length = text.length();
        if (length == 0) {
            return first;
        }
        if (text.charAt(0) <= '#' || text.charAt(length - 1) <= ' ') {
            return true;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == QUOTE || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish(ExtractSummary summary) throws IOException {
        out.close();
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
