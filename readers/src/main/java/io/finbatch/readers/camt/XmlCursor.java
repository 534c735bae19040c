package io.finbatch.readers.camt;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Recursive-descent helper over a StAX reader. Each reading method starts with the reader on an
 * element's start tag (or on the end tag of its previous child) and leaves it on the end tag of what
 * it consumed, so callers never track depth themselves.
 */
final class XmlCursor {

    /** Longest element text kept; camt's longest text type is 500 characters, so more is not a bank file. */
    static final int MAX_TEXT_CHARS = 64 * 1024;

    private final XMLStreamReader reader;

    XmlCursor(XMLStreamReader reader) {
        this.reader = reader;
    }

    XMLStreamReader reader() {
        return reader;
    }

    /**
     * Moves to the next child element of the current element and returns its local name, or returns
     * null when the current element's end tag is reached.
     */
    String nextChild() throws XMLStreamException {
        for (;;) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return reader.getLocalName();
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return null;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", reader.getLocation());
            }
        }
    }

    /** The trimmed text of the current element (text of unexpected child elements is ignored); null when empty. */
    String text() throws XMLStreamException {
        String first = null;
        StringBuilder joined = null;
        int depth = 0;
        for (;;) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 0) {
                        if (first == null) {
                            first = reader.getText();
                        } else {
                            if (joined == null) {
                                joined = new StringBuilder(first);
                            }
                            joined.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                            checkLength(joined);
                        }
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> {
                    if (depth-- == 0) {
                        return trimToNull(joined != null ? joined.toString() : first);
                    }
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("unexpected end of document", reader.getLocation());
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    /**
     * Text of an element that is either a plain code ({@code <Sts>BOOK</Sts>}, up to version 06) or wraps
     * it in {@code Cd}/{@code Prtry} ({@code <Sts><Cd>BOOK</Cd></Sts>}, version 08 on).
     */
    String codeText() throws XMLStreamException {
        StringBuilder own = null;
        String child = null;
        for (;;) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (own == null) {
                        own = new StringBuilder();
                    }
                    own.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    checkLength(own);
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = reader.getLocalName();
                    if (child == null && (name.equals("Cd") || name.equals("Prtry"))) {
                        child = text();
                    } else {
                        skip();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return child != null ? child : trimToNull(own == null ? null : own.toString());
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("unexpected end of document", reader.getLocation());
                default -> {
                    // comments, processing instructions
                }
            }
        }
    }

    private void checkLength(StringBuilder text) throws XMLStreamException {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new XMLStreamException("element text longer than " + MAX_TEXT_CHARS + " characters",
                    reader.getLocation());
        }
    }

    /** Skips the current element with everything inside it. */
    void skip() throws XMLStreamException {
        int depth = 0;
        for (;;) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth-- == 0) {
                    return;
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", reader.getLocation());
            }
        }
    }

    /** An attribute of the current start tag, trimmed; null when absent or blank. */
    String attribute(String localName) {
        return trimToNull(reader.getAttributeValue(null, localName));
    }

    /** Where the reader is now, as {@code line N, column M}. */
    String position() {
        String position = position(reader.getLocation());
        return position == null ? "end of input" : position;
    }

    int line() {
        return reader.getLocation().getLineNumber();
    }

    int column() {
        return reader.getLocation().getColumnNumber();
    }

    /** {@code line N, column M}; null when the parser does not know (e.g. at the end of the input). */
    static String position(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return null;
        }
        return position(location.getLineNumber(), location.getColumnNumber());
    }

    static String position(int line, int column) {
        return "line " + line + ", column " + column;
    }

    static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
