package io.finbatch.writers.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * UTF-8 as {@code OutputStreamWriter} encodes it (a lone surrogate becomes '?'), buffered and without the
 * lock that {@code BufferedWriter} takes on every call: the extract writers write one character at a time.
 */
final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final byte[] bytes;
    private int count;
    private char pendingHighSurrogate;
    private boolean closed;

    Utf8Writer(OutputStream out, int bufferSize) {
        this.out = out;
        this.bytes = new byte[Math.max(16, bufferSize)];
    }

    @Override
    public void write(int c) throws IOException {
        put((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset, end = offset + length; i < end; i++) {
            put(chars[i]);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        writeRange(text, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence text) throws IOException {
        writeRange(text, 0, text.length());
        return this;
    }

    private void writeRange(CharSequence text, int offset, int end) throws IOException {
        int i = offset;
        while (i < end) {
            if (pendingHighSurrogate != 0 || count >= bytes.length - 4) {
                put(text.charAt(i++));
                continue;
            }
            // ASCII runs straight into the buffer; anything else through put
            int stop = Math.min(end, i + bytes.length - 4 - count);
            char c;
            while (i < stop && (c = text.charAt(i)) < 0x80) {
                bytes[count++] = (byte) c;
                i++;
            }
            if (i < stop) {
                put(text.charAt(i++));
            }
        }
    }

    private void put(char c) throws IOException {
        if (count > bytes.length - 4) {
            drain();
        }
        if (pendingHighSurrogate != 0) {
            char high = pendingHighSurrogate;
            pendingHighSurrogate = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                bytes[count++] = (byte) (0xF0 | (cp >> 18));
                bytes[count++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                bytes[count++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                bytes[count++] = (byte) (0x80 | (cp & 0x3F));
                return;
            }
            bytes[count++] = '?';
            put(c);
            return;
        }
        if (c < 0x80) {
            bytes[count++] = (byte) c;
        } else if (c < 0x800) {
            bytes[count++] = (byte) (0xC0 | (c >> 6));
            bytes[count++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHighSurrogate = c;
        } else if (Character.isLowSurrogate(c)) {
            bytes[count++] = '?';
        } else {
            bytes[count++] = (byte) (0xE0 | (c >> 12));
            bytes[count++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            bytes[count++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void drain() throws IOException {
        out.write(bytes, 0, count);
        count = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (pendingHighSurrogate != 0) {
            pendingHighSurrogate = 0;
            put('?');
        }
        drain();
        out.close();
    }
}
