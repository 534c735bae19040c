package io.finbatch.writers.staging;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;

/**
 * Rows in PostgreSQL's {@code COPY} text format: values separated by a tab, a row ended by a newline,
 * {@code \N} for null; backslash, tab, newline and carriage return inside a value escaped as {@code \\},
 * {@code \t}, {@code \n}, {@code \r}. Values are written as their SQL literal text, which the server parses
 * with the same input functions (and the column's precision and scale) as a bound parameter of an insert:
 * a {@link BigDecimal} as {@link BigDecimal#toString()}, a {@link Date} as {@code yyyy-mm-dd}, a
 * {@link Timestamp} as its instant in UTC ({@code 2024-05-31T10:15:30.123456Z}), a boolean as {@code t} or
 * {@code f}.
 */
final class CopyTextRows {

    private final StringBuilder text;
    private Timestamp lastTimestamp;
    private String lastTimestampText;

    CopyTextRows(int expectedRows) {
        text = new StringBuilder(Math.max(16, expectedRows) * 512);
    }

    void append(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            appendValue(row[i]);
        }
        text.append('\n');
    }

    /** The rows so far, as the text the server reads. */
    String text() {
        return text.toString();
    }

    private void appendValue(Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String string) {
            appendEscaped(string);
        } else if (value instanceof BigDecimal decimal) {
            text.append(decimal.toString());
        } else if (value instanceof Long || value instanceof Integer) {
            text.append(value);
        } else if (value instanceof Boolean bool) {
            text.append(bool ? 't' : 'f');
        } else if (value instanceof Date date) {
            text.append(date.toLocalDate());
        } else if (value instanceof Timestamp timestamp) {
            appendTimestamp(timestamp);
        } else {
            throw new IllegalArgumentException("no COPY text form for a " + value.getClass().getName());
        }
    }

    /** The same {@code imported_at} for every row of a chunk: formatted once. */
    private void appendTimestamp(Timestamp timestamp) {
        if (timestamp != lastTimestamp) {
            lastTimestampText = timestamp.toInstant().toString();
            lastTimestamp = timestamp;
        }
        text.append(lastTimestampText);
    }

    private void appendEscaped(String value) {
        int length = value.length();
        int from = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null) {
                text.append(value, from, i).append(escape);
                from = i + 1;
            }
        }
        text.append(value, from, length);
    }
}
