package io.finbatch.readers.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Byte-level editing helpers for the mutations. */
final class Splice {

    private Splice() {
    }

    static byte[] replace(byte[] bytes, int from, int to, byte[] with) {
        byte[] out = new byte[bytes.length - (to - from) + with.length];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(bytes, to, out, from + with.length, bytes.length - to);
        return out;
    }

    static byte[] insert(byte[] bytes, int at, byte[] what) {
        return replace(bytes, at, at, what);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] range(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }

    /** Start offsets of the lines (after LF, CR or CRLF), the first one always 0. */
    static List<Integer> lineStarts(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
                if (i + 1 < bytes.length) {
                    starts.add(i + 1);
                }
            }
        }
        return starts;
    }

    /** End (exclusive, terminator included) of the line starting at {@code start}. */
    static int lineEnd(byte[] bytes, int start) {
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
            if (bytes[i] == '\r') {
                return i + 1 < bytes.length && bytes[i + 1] == '\n' ? i + 2 : i + 1;
            }
        }
        return bytes.length;
    }

    static boolean looksLikeXml(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** {@code length} bytes of {@code unit} repeated. */
    static byte[] repeat(String unit, int length) {
        byte[] pattern = unit.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = pattern[i % pattern.length];
        }
        return out;
    }
}
