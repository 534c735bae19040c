package io.finbatch.writers.extract;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows of PostgreSQL's {@code COPY ... TO STDOUT} text format (one row per message, tab between
 * fields, {@code \N} for null, backslash escapes) read into the types of an extract's columns, the
 * values the JDBC row mapper gives for the same query: text as sent, dates ISO (the driver sets
 * {@code DateStyle} to ISO), integers, and amounts that must fit the column's decimals.
 */
final class CopyTextRows {

    private final String extract;
    private final List<ExtractColumn> columns;
    private byte[] unescaped = new byte[256];
    private char[] digits = new char[64];

    CopyTextRows(String extract, List<ExtractColumn> columns) {
        this.extract = extract;
        this.columns = columns;
    }

    ExtractRow parse(byte[] row, long rowNumber) {
        int end = row.length;
        if (end > 0 && row[end - 1] == '\n') {
            end--;
        }
        Object[] values = new Object[columns.size()];
        int start = 0;
        for (int i = 0; i < values.length; i++) {
            int stop = start;
            while (stop < end && row[stop] != '\t') {
                stop++;
            }
            if (stop == end && i < values.length - 1 || stop < end && i == values.length - 1) {
                throw new IllegalStateException(extract + ": row " + rowNumber + " has not the "
                        + values.length + " columns the descriptor names");
            }
            values[i] = value(row, start, stop, columns.get(i), rowNumber);
            start = stop + 1;
        }
        return new ExtractRow(values);
    }

    private Object value(byte[] row, int start, int end, ExtractColumn column, long rowNumber) {
        if (end - start == 2 && row[start] == '\\' && row[start + 1] == 'N') {
            return null;
        }
        byte[] bytes = row;
        int from = start;
        int length = end - start;
        for (int i = start; i < end; i++) {
            if (row[i] == '\\') {
                length = unescape(row, start, end);
                bytes = unescaped;
                from = 0;
                break;
            }
        }
        try {
            return switch (column.type()) {
                case TEXT -> new String(bytes, from, length, StandardCharsets.UTF_8);
                case DATE -> date(bytes, from, length);
                case INTEGER -> Long.parseLong(ascii(bytes, from, length));
                case AMOUNT -> ExtractAmounts.fit(extract, amount(bytes, from, length), column, rowNumber);
            };
        } catch (NumberFormatException | DateTimeException e) {
            throw new IllegalStateException(extract + ": row " + rowNumber + ", column " + column.name() + ": '"
                    + new String(bytes, from, length, StandardCharsets.UTF_8) + "' is not a "
                    + column.type().name().toLowerCase(java.util.Locale.ROOT) + " (" + e.getMessage() + ")", e);
        }
    }

    private static LocalDate date(byte[] b, int from, int length) {
        if (length != 10 || b[from + 4] != '-' || b[from + 7] != '-') { // BC, infinity, years past 9999
            throw new DateTimeException("expected yyyy-mm-dd");
        }
        return LocalDate.of(number(b, from, 4), number(b, from + 5, 2), number(b, from + 8, 2));
    }

    private static int number(byte[] b, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new DateTimeException("expected yyyy-mm-dd");
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Plain decimals with up to 18 digits straight from the digits; anything else through BigDecimal. */
    private BigDecimal amount(byte[] b, int from, int length) {
        if (length > 0 && length <= 19) {
            long unscaled = 0;
            int scale = -1;
            int i = from;
            boolean negative = b[i] == '-';
            if (negative) {
                i++;
            }
            int digitCount = 0;
            for (; i < from + length; i++) {
                byte c = b[i];
                if (c >= '0' && c <= '9') {
                    unscaled = unscaled * 10 + (c - '0');
                    digitCount++;
                    if (scale >= 0) {
                        scale++;
                    }
                } else if (c == '.' && scale < 0) {
                    scale = 0;
                } else {
                    return new BigDecimal(ascii(b, from, length));
                }
            }
            if (digitCount > 0 && digitCount <= 18) {
                return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
            }
        }
        return new BigDecimal(ascii(b, from, length));
    }

    private String ascii(byte[] b, int from, int length) {
        if (digits.length < length) {
            digits = new char[length];
        }
        for (int i = 0; i < length; i++) {
            digits[i] = (char) (b[from + i] & 0xFF);
        }
        return new String(digits, 0, length);
    }

    /** The field with COPY's escapes resolved, into {@link #unescaped}; its length. */
    private int unescape(byte[] row, int start, int end) {
        if (unescaped.length < end - start) {
            unescaped = new byte[end - start];
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            byte c = row[i];
            if (c != '\\' || i + 1 == end) {
                unescaped[n++] = c;
                continue;
            }
            byte next = row[++i];
            switch (next) {
                case 'b' -> unescaped[n++] = '\b';
                case 'f' -> unescaped[n++] = '\f';
                case 'n' -> unescaped[n++] = '\n';
                case 'r' -> unescaped[n++] = '\r';
                case 't' -> unescaped[n++] = '\t';
                case 'v' -> unescaped[n++] = 0x0B;
                case 'x' -> {
                    int value = 0;
                    int taken = 0;
                    while (taken < 2 && i + 1 < end && Character.digit(row[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(row[++i], 16);
                        taken++;
                    }
                    unescaped[n++] = taken == 0 ? (byte) 'x' : (byte) value;
                }
                default -> {
                    if (next >= '0' && next <= '7') {
                        int value = next - '0';
                        for (int taken = 1; taken < 3 && i + 1 < end && row[i + 1] >= '0' && row[i + 1] <= '7'; taken++) {
                            value = value * 8 + (row[++i] - '0');
                        }
                        unescaped[n++] = (byte) value;
                    } else {
                        unescaped[n++] = next; // \\ and any other escaped character stand for themselves
                    }
                }
            }
        }
        return n;
    }
}
