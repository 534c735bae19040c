package io.finbatch.readers.journal;

import io.finbatch.mappings.journal.JournalEntry;
import io.finbatch.mappings.journal.JournalEntryLine;
import io.finbatch.mappings.journal.JournalEntryValidator;
import io.finbatch.readers.SourceFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads journal entries from a CSV file (UTF-8, header row), one row per entry line, the lines of an
 * entry on consecutive rows: {@code entry_key, entity, journal, date, reference, account, partner, label,
 * debit, credit, currency, amount_currency, analytic}. Streams entry by entry. A bad value or an
 * unbalanced entry fails with the file, the line number and the column.
 */
public final class JournalEntryCsvReader implements AutoCloseable {

    static final String[] COLUMNS = {"entry_key", "entity", "journal", "date", "reference", "account", "partner",
        "label", "debit", "credit", "currency", "amount_currency", "analytic"};

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final JournalEntryValidator validator = new JournalEntryValidator();
    private CSVRecord pending;

    public JournalEntryCsvReader(Path file) {
        this.fileName = file.toString();
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IOException e) {
            throw new SourceFileException(fileName, null, "cannot read the file: " + e.getMessage(), e);
        }
        for (String column : COLUMNS) {
            if (!parser.getHeaderMap().containsKey(column)) {
                throw new SourceFileException(fileName, "line 1", "missing column '" + column + "'");
            }
        }
        this.records = parser.iterator();
    }

    /** The next entry, or null at the end of the file. */
    public JournalEntry next() {
        CSVRecord first = pending != null ? pending : (records.hasNext() ? records.next() : null);
        pending = null;
        if (first == null) {
            return null;
        }
        String key = required(first, "entry_key");
        List<JournalEntryLine> lines = new ArrayList<>();
        lines.add(line(first));
        while (records.hasNext()) {
            CSVRecord row = records.next();
            if (!key.equals(row.get("entry_key"))) {
                pending = row;
                break;
            }
            lines.add(line(row));
        }
        JournalEntry entry = new JournalEntry(key, required(first, "entity"), required(first, "journal"),
                date(first), blankToNull(first.get("reference")), lines);
        List<String> problems = validator.problems(entry);
        if (!problems.isEmpty()) {
            throw new SourceFileException(fileName, "line " + (first.getRecordNumber() + 1),
                    String.join("; ", problems));
        }
        return entry;
    }

    private JournalEntryLine line(CSVRecord row) {
        return new JournalEntryLine(required(row, "account"), blankToNull(row.get("partner")), required(row, "label"),
                amount(row, "debit"), amount(row, "credit"), blankToNull(row.get("currency")),
                amount(row, "amount_currency"), blankToNull(row.get("analytic")));
    }

    private String required(CSVRecord row, String column) {
        String value = blankToNull(row.get(column));
        if (value == null) {
            throw error(row, column, "is empty");
        }
        return value;
    }

    private LocalDate date(CSVRecord row) {
        String text = required(row, "date");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(row, "date", "'" + text + "' is not a date (yyyy-mm-dd)");
        }
    }

    private BigDecimal amount(CSVRecord row, String column) {
        String text = blankToNull(row.get(column));
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(row, column, "'" + text + "' is not a plain decimal amount");
        }
    }

    private SourceFileException error(CSVRecord row, String column, String reason) {
        // record 1 is the first row after the header, which is line 2 of the file (no multi-line fields here)
        return new SourceFileException(fileName, "line " + (row.getRecordNumber() + 1) + ", column " + column,
                column + " " + reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
