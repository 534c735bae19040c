package io.finbatch.writers.staging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's {@code COPY} text format, UTF-8 encoded: values separated by a tab, a row ended by a
 * newline, {@code \N} for null; backslash, tab, newline and carriage return inside a value escaped as
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}. Values are written as their SQL literal text, which the server
 * parses with the same input functions (and the column's precision and scale) as a bound parameter of an
 * insert: a {@link BigDecimal} as {@link BigDecimal#toString()}, a {@link Date} as {@code yyyy-mm-dd}, a
 * {@link Timestamp} as its instant in UTC ({@code 2024-05-31T10:15:30.123456Z}), a boolean as {@code t} or
 * {@code f}. Text is encoded as {@link String#getBytes} does with UTF-8 (a lone surrogate becomes {@code ?}),
 * escaping and encoding in one pass: every remittance and raw :86: text of a file goes through here.
 */
final class CopyTextBuffer {

    private byte[] bytes;
    private int length;
    private Timestamp lastTimestamp;
    private byte[] lastTimestampText;

    CopyTextBuffer(int expectedRows) {
        bytes = new byte[Math.max(16, expectedRows) * 640];
    }

    void append(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            appendValue(row[i]);
        }
        put((byte) '\n');
    }

    /** The encoded rows: {@link #length()} bytes of this array. */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void appendValue(Object value) {
        if (value == null) {
            ensure(2);
            bytes[length++] = '\\';
            bytes[length++] = 'N';
        } else if (value instanceof String string) {
            appendText(string);
        } else if (value instanceof BigDecimal decimal) {
            appendAscii(decimal.toString());
        } else if (value instanceof Long || value instanceof Integer) {
            appendAscii(value.toString());
        } else if (value instanceof Boolean bool) {
            put((byte) (bool ? 't' : 'f'));
        } else if (value instanceof Date date) {
            appendAscii(date.toLocalDate().toString());
        } else if (value instanceof Timestamp timestamp) {
            appendTimestamp(timestamp);
        } else {
            throw new IllegalArgumentException("no COPY text form for a " + value.getClass().getName());
        }
    }

    /** The same {@code imported_at} for every row of a chunk: formatted once. */
    private void appendTimestamp(Timestamp timestamp) {
        if (timestamp != lastTimestamp) {
            lastTimestampText = timestamp.toInstant().toString().getBytes(StandardCharsets.US_ASCII);
            lastTimestamp = timestamp;
        }
        ensure(lastTimestampText.length);
        System.arraycopy(lastTimestampText, 0, bytes, length, lastTimestampText.length);
        length += lastTimestampText.length;
    }

    /** Numbers and dates: ASCII without anything to escape. */
    private void appendAscii(String text) {
        int n = text.length();
        ensure(n);
        text.getBytes(0, n, bytes, length); // one byte per char: right for ASCII
        length += n;
    }

    private void appendText(String text) {
        int n = text.length();
        ensure(n * 3); // at most 3 bytes per char, and an escape is 2 for 1
        byte[] out = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c > '\\' || (c > '\r' && c < '\\')) {
                    out[at++] = (byte) c;
                } else if (c == '\\') {
                    out[at++] = '\\';
                    out[at++] = '\\';
                } else if (c == '\t') {
                    out[at++] = '\\';
                    out[at++] = 't';
                } else if (c == '\n') {
                    out[at++] = '\\';
                    out[at++] = 'n';
                } else if (c == '\r') {
                    out[at++] = '\\';
                    out[at++] = 'r';
                } else {
                    out[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    i++;
                    out[at++] = (byte) (0xF0 | (cp >> 18));
                    out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
    }

    private void put(byte b) {
        ensure(1);
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
