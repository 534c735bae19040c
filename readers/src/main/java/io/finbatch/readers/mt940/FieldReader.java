package io.finbatch.readers.mt940;

import io.finbatch.readers.StatementFormatException;

import java.util.ArrayDeque;

/**
 * Groups the lines of an MT940/MT942 file into fields. Understands the SWIFT envelope ({@code {1:..}{2:..}
 * {3:..}{4:} ... {@code -}{5:..}}), bank preambles before the first field (ABN AMRO, ING, Danske Bank free
 * text), message separators ({@code -}, {@code -XXX}, {@code @@}, blank lines) and continuation lines.
 */
final class FieldReader {

    /** Longest field text accepted (a :86: is at most 6 x 65 characters in the standard). */
    static final int MAX_FIELD_CHARS = 64 * 1024;

    private final LineReader lines;
    private final String fileName;
    private final ArrayDeque<Field> ready = new ArrayDeque<>(4);
    private String pendingLine;
    private int pendingLineNumber;
    private String tag;
    /** The open field's text, reused from field to field. */
    private final StringBuilder text = new StringBuilder(1024);
    private int tagLine;
    private boolean seenField;
    private boolean ended;

    FieldReader(LineReader lines, String fileName) {
        this.lines = lines;
        this.fileName = fileName;
    }

    /** The next field or structure marker, or null at the end of the file. */
    Field next() {
        while (ready.isEmpty()) {
            if (ended) {
                return null;
            }
            readLine();
        }
        return ready.poll();
    }

    private void readLine() {
        String line;
        int number;
        if (pendingLine != null) {
            line = pendingLine;
            number = pendingLineNumber;
            pendingLine = null;
        } else {
            line = lines.readLine();
            number = lines.lineNumber();
        }
        if (line == null) {
            flushField();
            ended = true;
            return;
        }
        int tagEnd = tagEnd(line);
        if (tagEnd > 0) {
            flushField();
            String newTag = line.substring(1, tagEnd);
            if (newTag.equals("940") || newTag.equals("942")) {
                ready.add(new Field(Field.MESSAGE_TYPE, newTag, number));
                return;
            }
            seenField = true;
            tag = newTag;
            tagLine = number;
            text.setLength(0);
            text.append(line, tagEnd + 1, line.length());
            return;
        }
        if (line.isEmpty()) {
            return;
        }
        char first = line.charAt(0);
        if (first == '@' && line.startsWith("@@")) {
            flushField();
            ready.add(new Field(Field.MESSAGE_END, "", number));
            return;
        }
        if (first == '{') {
            flushField();
            readBlocks(line, 0, number);
            return;
        }
        if (first == '-' && isTerminator(line)) {
            if (tag != null && line.length() == 1 && isFreeText(tag) && continuesText()) {
                appendContinuation(line);
                return;
            }
            flushField();
            ready.add(new Field(Field.MESSAGE_END, "", number));
            int close = line.indexOf('}');
            if (close >= 0 && close + 1 < line.length()) {
                readBlocks(line, close + 1, number);
            }
            return;
        }
        if (tag != null) {
            appendContinuation(line);
            return;
        }
        if (first == ':' && !seenField) {
            throw new StatementFormatException(fileName, "line " + number,
                    "unexpected '" + abbreviate(line) + "' before the first field: not an MT940/MT942 message");
        }
        // bank preamble, separator (@@, dashes) or free text between messages: not statement data
    }

    /** Index of the colon closing a field tag ({@code :20:}, {@code :60F:}, {@code :NS:}), or -1. */
    static int tagEnd(String line) {
        int n = line.length();
        if (n < 4 || line.charAt(0) != ':') {
            return -1;
        }
        char a = line.charAt(1);
        char b = line.charAt(2);
        if (isDigit(a) && isDigit(b)) {
            char c = line.charAt(3);
            if (c == ':') {
                return 3;
            }
            if (n > 4 && line.charAt(4) == ':' && (isUpper(c) || isDigit(c))) {
                return 4;
            }
            return -1;
        }
        if (line.startsWith(":NS:")) {
            return 3;
        }
        if (line.startsWith(":NSF:")) {
            return 4;
        }
        return -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isFreeText(String tag) {
        return tag.equals("86") || tag.equals("61");
    }

    /** {@code -} alone, {@code -}}, {@code -}{5:..}, {@code -XXX}, {@code -} followed by framing only. */
    private static boolean isTerminator(String line) {
        String rest = line.substring(1).strip();
        return rest.isEmpty() || rest.charAt(0) == '}' || rest.startsWith("XXX");
    }

    /**
     * A lone {@code -} inside :86: text is sometimes part of the text (ING wraps {@code MND-EV01} as three
     * lines): it is when the next line is neither a field, a block, a separator nor the end of the file.
     */
    private boolean continuesText() {
        String next = lines.readLine();
        if (next == null) {
            return false;
        }
        pendingLine = next;
        pendingLineNumber = lines.lineNumber();
        return !next.isBlank() && tagEnd(next) < 0 && next.charAt(0) != '{' && next.charAt(0) != '-';
    }

    private void appendContinuation(String line) {
        if (text.length() + line.length() + 1 > MAX_FIELD_CHARS) {
            throw new StatementFormatException(fileName, "line " + tagLine,
                    "field :" + tag + ": is longer than " + MAX_FIELD_CHARS + " characters");
        }
        text.append('\n').append(line);
    }

    private void flushField() {
        if (tag != null) {
            ready.add(new Field(tag, text.toString(), tagLine));
            tag = null;
        }
    }

    /** Reads SWIFT blocks {@code {1:..}{2:..}{3:{108:..}}{4:}; text after {@code {4:} is read as a line. */
    private void readBlocks(String line, int from, int number) {
        int i = from;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c != '{') {
                if (c == '}' || c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                break;
            }
            int colon = line.indexOf(':', i);
            if (colon < 0) {
                return;
            }
            String block = line.substring(i + 1, colon);
            if (block.equals("4")) {
                if (colon + 1 < n) {
                    pendingLine = line.substring(colon + 1);
                    pendingLineNumber = number;
                }
                return;
            }
            int end = blockEnd(line, colon + 1);
            if (block.equals("2")) {
                String header = line.substring(colon + 1, end < 0 ? n : end);
                if (header.length() >= 4 && (header.charAt(0) == 'I' || header.charAt(0) == 'O')) {
                    String type = header.substring(1, 4);
                    if (type.equals("940") || type.equals("942")) {
                        ready.add(new Field(Field.MESSAGE_TYPE, type, number));
                    }
                }
            }
            if (end < 0) {
                return;
            }
            i = end + 1;
        }
    }

    /** Index of the brace closing a block whose content starts at {@code from}; nested blocks allowed. */
    private static int blockEnd(String line, int from) {
        int depth = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static String abbreviate(String line) {
        return line.length() <= 20 ? line : line.substring(0, 20) + "...";
    }
}
