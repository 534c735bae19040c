package io.finbatch.readers.mt940;

import io.finbatch.readers.StatementFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a file line by line with constant memory, whatever the line ending (LF, CRLF, CR). Each line is
 * decoded as UTF-8 when it is valid UTF-8 and as ISO-8859-1 otherwise, so UTF-8 and Latin-1 files (and
 * files mixing both) read correctly. Control characters other than tab (SOH/ETX framing bytes, NUL) are
 * dropped: they carry no statement data.
 */
final class LineReader implements AutoCloseable {

    /** Longest line accepted; a longer one means the file is not a statement. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final InputStream in;
    private final String fileName;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;
    private byte[] line = new byte[256];
    private int lineNumber;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    LineReader(InputStream in, String fileName) {
        this.in = in;
        this.fileName = fileName;
    }

    /** Number of the line returned last (1-based). */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its line terminator, or null at the end of the file. */
    String readLine() {
        if (position == limit && !fill()) {
            return null;
        }
        // fast path: the whole line is in the buffer and holds no control character
        boolean nonAscii = false;
        for (int i = position; i < limit; i++) {
            byte b = buffer[i];
            if (b == '\n' || b == '\r') {
                String text = nonAscii ? decode(buffer, position, i - position)
                        : new String(buffer, position, i - position, StandardCharsets.ISO_8859_1);
                position = i + 1;
                if (b == '\r') {
                    skipLineFeed();
                }
                lineNumber++;
                return text;
            }
            if (b < 0) {
                nonAscii = true;
            } else if (b < 0x20 && b != '\t') {
                break;
            }
        }
        return readLineSlowly();
    }

    private void skipLineFeed() {
        if (position == limit) {
            fill();
        }
        if (position < limit && buffer[position] == '\n') {
            position++;
        }
    }

    /** A line crossing the buffer's end, or holding control characters to drop. */
    private String readLineSlowly() {
        int length = 0;
        boolean nonAscii = false;
        boolean sawAny = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (b == '\r') {
                skipLineFeed();
                break;
            }
            if (b >= 0 && b < 0x20 && b != '\t') {
                continue;
            }
            if (length == line.length) {
                if (length >= MAX_LINE_BYTES) {
                    throw new StatementFormatException(fileName, "line " + (lineNumber + 1),
                            "line longer than " + MAX_LINE_BYTES + " bytes: not an MT940/MT942 file");
                }
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, length * 2));
            }
            nonAscii |= b < 0;
            line[length++] = b;
        }
        lineNumber++;
        return nonAscii ? decode(line, 0, length) : new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    private String decode(byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }

    private boolean fill() {
        if (endOfInput) {
            return false;
        }
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                endOfInput = n < 0;
                if (n == 0) {
                    int single = in.read();
                    if (single < 0) {
                        endOfInput = true;
                        return false;
                    }
                    buffer[0] = (byte) single;
                    n = 1;
                } else {
                    return false;
                }
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new StatementFormatException(fileName, "line " + (lineNumber + 1),
                    "cannot read the file: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to read; closing failures do not change the result
        }
    }
}
