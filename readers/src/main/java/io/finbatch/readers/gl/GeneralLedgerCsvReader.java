package io.finbatch.readers.gl;

import io.finbatch.mappings.journal.LedgerLine;
import io.finbatch.mappings.money.CurrencyUnits;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streams the lines of a general-ledger export (UTF-8 CSV with a header; layout in
 * {@code examples/group/README.md}): one {@link LedgerLine} per row, columns found by name, other columns
 * ignored. A bad value fails with the file, the line, the column and the reason. Checks each row on its
 * own (one entity per file, one side per line, a currency amount on the line's side, line ids not
 * repeated) but not that entries balance: that needs the whole entry and is the consolidation's check.
 */
public final class GeneralLedgerCsvReader implements AutoCloseable {

    static final String[] COLUMNS = {"line_id", "entity", "journal", "entry_id", "date", "account", "label",
        "debit", "credit", "currency", "amount_currency", "partner", "counterparty_entity", "reference",
        "recorded_at"};

    private static final Pattern UNSIGNED = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final int width;
    // one id per line read: a few MB for a month of a large ledger, and a repeated id is caught where it is
    private final Set<String> lineIds = new HashSet<>();
    private String entity;
    private long lastLine = 1; // the last line of the last record read (the header at first)

    public GeneralLedgerCsvReader(Path file) {
        this(open(file), file.toString());
    }

    /** Reads {@code reader} (closed by {@link #close()}); {@code fileName} is for messages. */
    public GeneralLedgerCsvReader(Reader reader, String fileName) {
        this.fileName = fileName;
        try {
            this.parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            throw new SourceFileException(fileName, "line 1", "cannot read the header: " + e.getMessage(), e);
        }
        for (String column : COLUMNS) {
            if (!parser.getHeaderMap().containsKey(column)) {
                throw new SourceFileException(fileName, "line 1", "missing column '" + column + "'");
            }
        }
        this.width = parser.getHeaderNames().size();
        this.records = parser.iterator();
    }

    private static Reader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceFileException(file.toString(), null, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** The next line, or null at the end of the file. */
    public LedgerLine next() {
        CSVRecord row;
        try {
            if (!records.hasNext()) {
                return null;
            }
            row = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SourceFileException(fileName, "line " + (lastLine + 1), "not valid CSV: " + e.getMessage(), e);
        }
        long first = firstLine(row);
        lastLine = parser.getCurrentLineNumber();
        return line(new Row(row, first));
    }

    private LedgerLine line(Row row) {
        if (row.record.size() != width) {
            throw new SourceFileException(fileName, "line " + row.line,
                    row.record.size() + " values where the header has " + width);
        }
        String lineId = row.required("line_id");
        String lineEntity = row.required("entity");
        if (entity == null) {
            entity = lineEntity;
        } else if (!entity.equals(lineEntity)) {
            throw row.error("entity", "is " + lineEntity + " where the file's first line has " + entity
                    + " (one entity per file)");
        }
        if (!lineIds.add(lineId)) {
            throw row.error("line_id", "'" + lineId + "' was already used in this file");
        }
        BigDecimal debit = row.unsigned("debit");
        BigDecimal credit = row.unsigned("credit");
        if ((debit.signum() != 0) == (credit.signum() != 0)) {
            throw row.error("credit", debit.signum() != 0 ? "is set, and so is debit: a line has one side"
                    : "and debit are both zero: a line has one side");
        }
        String currency = row.optional("currency");
        BigDecimal amountCurrency = currencyAmount(row, currency, debit.signum() != 0);
        String counterparty = row.optional("counterparty_entity");
        if (lineEntity.equals(counterparty)) {
            throw row.error("counterparty_entity", "is the line's own entity " + lineEntity);
        }
        return new LedgerLine(lineEntity, lineId, row.required("journal"), row.required("entry_id"),
                row.date("date"), row.required("account"), row.optional("label"), debit, credit, currency,
                amountCurrency, row.optional("partner"), counterparty, row.optional("reference"),
                row.instant("recorded_at"));
    }

    private BigDecimal currencyAmount(Row row, String currency, boolean debitSide) {
        String text = row.optional("amount_currency");
        if (currency == null) {
            if (text != null) {
                throw row.error("currency", "is empty but amount_currency is " + text);
            }
            return null;
        }
        if (!CurrencyUnits.isIsoCode(currency)) {
            throw row.error("currency", "'" + currency + "' is not an ISO 4217 currency code");
        }
        if (text == null) {
            throw row.error("amount_currency", "is empty but currency is " + currency);
        }
        if (!SIGNED.matcher(text).matches()) {
            throw row.error("amount_currency", "'" + text + "' is not a plain decimal amount (-1234.50)");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.scale() > CurrencyUnits.minorUnits(currency)) {
            throw row.error("amount_currency", "'" + text + "' has more decimals than " + currency + " has");
        }
        if (amount.signum() != 0 && (amount.signum() > 0) != debitSide) {
            throw row.error("amount_currency", "'" + text + "' is on the " + (amount.signum() > 0 ? "debit" : "credit")
                    + " side but the line is a " + (debitSide ? "debit" : "credit"));
        }
        return amount;
    }

    /** The line a record starts on: where the parser stopped, less the line breaks inside quoted values. */
    private long firstLine(CSVRecord record) {
        long breaks = 0;
        for (String value : record) {
            breaks += value.chars().filter(c -> c == '\n').count();
        }
        return parser.getCurrentLineNumber() - breaks;
    }

    /** A record with its line number and the value checks that name the column. */
    private final class Row {
        final CSVRecord record;
        final long line;

        Row(CSVRecord record, long line) {
            this.record = record;
            this.line = line;
        }

        String optional(String column) {
            String value = record.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        String required(String column) {
            String value = optional(column);
            if (value == null) {
                throw error(column, "is empty");
            }
            return value;
        }

        BigDecimal unsigned(String column) {
            String text = optional(column);
            if (text == null) {
                return BigDecimal.ZERO;
            }
            if (!UNSIGNED.matcher(text).matches()) {
                throw error(column, "'" + text + "' is not a plain unsigned amount with at most 2 decimals (1234.50)");
            }
            return new BigDecimal(text);
        }

        LocalDate date(String column) {
            String text = required(column);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error(column, "'" + text + "' is not a date (yyyy-mm-dd)");
            }
        }

        Instant instant(String column) {
            String text = required(column);
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw error(column, "'" + text + "' is not a date-time with offset (2026-11-03T18:00:00Z)");
            }
        }

        SourceFileException error(String column, String reason) {
            return new SourceFileException(fileName, "line " + line + ", column " + column, column + " " + reason);
        }
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
