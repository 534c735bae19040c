package io.finbatch.readers.mt940;

import io.finbatch.readers.StatementFormat;
import io.finbatch.readers.StatementParser;

import java.io.InputStream;

/** SWIFT MT940 (customer statement) and MT942 (interim transaction report). */
public final class Mt940Format implements StatementFormat {

    @Override
    public String name() {
        return "MT940/MT942";
    }

    /** True when a line of the head starts with a field tag ({@code :20:}, {@code :60F:}) or a SWIFT block. */
    @Override
    public boolean accepts(byte[] head, int length) {
        boolean lineStart = true;
        for (int i = 0; i < length; i++) {
            byte b = head[i];
            if (b == '\n' || b == '\r') {
                lineStart = true;
                continue;
            }
            if (lineStart && (b == ':' && isTag(head, i + 1, length) || b == '{' && isBlock(head, i + 1, length))) {
                return true;
            }
            if (b != ' ' && b != '\t' && (b < 0 || b >= 0x20)) {
                lineStart = false;
            }
        }
        return false;
    }

    private static boolean isTag(byte[] head, int from, int length) {
        if (from + 3 > length || !isDigit(head[from]) || !isDigit(head[from + 1])) {
            return false;
        }
        byte third = head[from + 2];
        return third == ':' || from + 3 < length && third >= 'A' && third <= 'Z' && head[from + 3] == ':';
    }

    private static boolean isBlock(byte[] head, int from, int length) {
        return from + 1 < length && head[from] >= '1' && head[from] <= '5' && head[from + 1] == ':';
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    @Override
    public StatementParser open(InputStream in, String fileName) {
        return new Mt940Parser(in, fileName);
    }
}
