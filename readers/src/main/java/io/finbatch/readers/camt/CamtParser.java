package io.finbatch.readers.camt;

import com.ctc.wstx.exc.WstxLazyException;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementParser;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parser of camt.052 / camt.053 / camt.054 files of every version, with StAX (Woodstox, see
 * {@link SecureXmlInputFactory}).
 * Holds one entry at a time: a statement's header is emitted at its first {@code Ntry} (balances come
 * before the entries in every valid file), its lines entry by entry, its trailer at its end tag.
 *
 * <p>{@link #open} reads up to the message element ({@code BkToCstmrAcctRpt}, {@code BkToCstmrStmt} or
 * {@code BkToCstmrDbtCdtNtfctn}, wherever it is: a business application header envelope may wrap the
 * {@code Document}), so that {@link #format()} is known from its namespace before the first event.
 */
public final class CamtParser implements StatementParser {

    private enum State { BEFORE_STATEMENT, IN_HEADER, AT_ENTRY, IN_ENTRIES, AT_STATEMENT_END, DONE }

    private static final String ENTRY = "Ntry";
    /** Envelopes around the message are a few levels deep; deeper nesting before it is not a camt file. */
    private static final int MAX_ENVELOPE_DEPTH = 32;
    /** Where a problem found before the first event is: the XML declaration, which starts the file. */
    private static final String XML_DECLARATION = "XML declaration, " + XmlCursor.position(1, 1);

    private final InputStream in;
    private final String file;
    private final XMLStreamReader xml;
    private final XmlCursor cursor;
    private final CamtMessageKind kind;
    private final CamtVersion version;
    private final String messagePath;
    private final CamtStatementReader statementReader;
    private final CamtEntryReader entryReader;
    private final CamtLineMapper lineMapper = new CamtLineMapper();

    private State state = State.BEFORE_STATEMENT;
    private String messageCreatedAt;
    private int statementCount;
    private CamtStatement statement;
    private StatementHeader header;
    private int entryCount;
    private String currentEntryPath;
    private List<StatementLine> pendingLines = List.of();
    private int nextPendingLine;
    private MalformedEntryException deferredProblem;

    private CamtParser(InputStream in, String file, XMLStreamReader xml, CamtMessageKind kind, CamtVersion version,
            String messagePath) {
        this.in = in;
        this.file = file;
        this.xml = xml;
        this.cursor = new XmlCursor(xml);
        this.kind = kind;
        this.version = version;
        this.messagePath = messagePath;
        this.statementReader = new CamtStatementReader(cursor);
        this.entryReader = new CamtEntryReader(cursor);
    }

    /**
     * Opens a parser over a camt file, positioned on its message element.
     *
     * @throws StatementFormatException the file has a DTD, is not well-formed before the message, or holds no
     *                                  camt.052/053/054 message of a known version
     */
    public static CamtParser open(InputStream in, String file) {
        XMLStreamReader xml;
        try {
            xml = SecureXmlInputFactory.create().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            // the parser reads the XML declaration here (e.g. an unsupported encoding), which starts the file
            throw notWellFormed(file, XmlCursor.position(e.getLocation()) == null ? XML_DECLARATION : null, e, null);
        }
        List<String> path = new ArrayList<>();
        try {
            boolean expectDocumentChild = false;
            for (;;) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new StatementFormatException(file, XmlCursor.position(xml.getLocation()),
                            "DTD not allowed (a DOCTYPE declaration, internal or external, is never part of a camt file)");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    CamtMessageKind kind = CamtMessageKind.ofMessageElement(name);
                    String where = pathOf(path, name) + ", " + XmlCursor.position(xml.getLocation());
                    if (kind != null) {
                        return new CamtParser(in, file, xml, kind, versionOf(file, xml, kind, where), pathOf(path, name));
                    }
                    if (expectDocumentChild) {
                        throw new StatementFormatException(file, where, "Document holds " + name
                                + ", not a camt.052/053/054 message (BkToCstmrAcctRpt, BkToCstmrStmt, BkToCstmrDbtCdtNtfctn)");
                    }
                    expectDocumentChild = name.equals("Document");
                    path.add(name);
                    if (path.size() > MAX_ENVELOPE_DEPTH) {
                        throw new StatementFormatException(file, where,
                                "no camt message within " + MAX_ENVELOPE_DEPTH + " nested elements");
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = xml.getLocalName();
                    if (name.equals("Document") || path.size() == 1) {
                        throw new StatementFormatException(file, pathOf(path, null) + ", "
                                + XmlCursor.position(xml.getLocation()), "no camt message: " + name
                                + " ends without a BkToCstmrAcctRpt, BkToCstmrStmt or BkToCstmrDbtCdtNtfctn element");
                    }
                    expectDocumentChild = false;
                    path.remove(path.size() - 1);
                }
            }
        } catch (XMLStreamException e) {
            throw notWellFormed(file, pathOf(path, null), e, xml);
        } catch (WstxLazyException e) {
            throw notWellFormed(file, pathOf(path, null), lazyProblem(e), xml);
        }
    }

    private static CamtVersion versionOf(String file, XMLStreamReader xml, CamtMessageKind kind, String where) {
        String namespace = xml.getNamespaceURI();
        CamtVersion version = CamtVersion.fromNamespace(namespace);
        if (version == null) {
            throw new StatementFormatException(file, where, kind.messageElement() + " has "
                    + (namespace == null || namespace.isEmpty() ? "no namespace" : "the unknown namespace '" + namespace + "'")
                    + "; expected " + CamtVersion.NAMESPACE_PREFIX + "camt." + kind.number() + ".001.NN (versions 01 to 13)");
        }
        if (!version.messageNumber().equals(kind.number())) {
            throw new StatementFormatException(file, where, kind.messageElement() + " is a camt." + kind.number()
                    + " message but its namespace is " + namespace);
        }
        return version;
    }

    private static String pathOf(List<String> path, String last) {
        StringBuilder text = new StringBuilder();
        for (String name : path) {
            text.append('/').append(name);
        }
        if (last != null) {
            text.append('/').append(last);
        }
        return text.length() == 0 ? "/" : text.toString();
    }

    @Override
    public String format() {
        return version.format();
    }

    @Override
    public StatementEvent next() {
        try {
            for (;;) {
                if (deferredProblem != null) {
                    MalformedEntryException problem = deferredProblem;
                    deferredProblem = null;
                    throw problem;
                }
                if (nextPendingLine < pendingLines.size()) {
                    return new StatementEvent.Line(header, pendingLines.get(nextPendingLine++));
                }
                switch (state) {
                    case BEFORE_STATEMENT -> {
                        if (!moveToNextStatement()) {
                            state = State.DONE;
                            return null;
                        }
                        state = State.IN_HEADER;
                    }
                    case IN_HEADER -> {
                        return readHeader();
                    }
                    case AT_ENTRY -> readEntry();
                    case IN_ENTRIES -> moveToNextEntry();
                    case AT_STATEMENT_END -> {
                        state = State.BEFORE_STATEMENT;
                        return new StatementEvent.Ended(header, statement.trailer());
                    }
                    case DONE -> {
                        return null;
                    }
                    default -> throw new IllegalStateException(state.name());
                }
            }
        } catch (XMLStreamException e) {
            state = State.DONE;
            throw notWellFormed(file, currentPath(), e, xml);
        } catch (WstxLazyException e) {
            state = State.DONE;
            throw notWellFormed(file, currentPath(), lazyProblem(e), xml);
        } catch (CamtStatementReader.BalanceException e) {
            state = State.DONE;
            throw new StatementFormatException(file, currentPath() + ", " + XmlCursor.position(e.line, e.column),
                    e.getMessage());
        } catch (MalformedEntryException e) {
            throw e;
        } catch (StatementFormatException e) {
            state = State.DONE;
            throw e;
        }
    }

    /** Moves to the next statement element of the message; false at the message's end. */
    private boolean moveToNextStatement() throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals(kind.statementElement())) {
                statementCount++;
                statement = new CamtStatement(statementCount,
                        messagePath + "/" + name + "[" + statementCount + "]", cursor.line(), cursor.column());
                entryCount = 0;
                return true;
            }
            if (name.equals("GrpHdr")) {
                readGroupHeader();
            } else {
                cursor.skip();
            }
        }
        if (statementCount == 0) {
            throw new StatementFormatException(file, messagePath + ", " + XmlCursor.position(xml.getLocation()),
                    kind.messageElement() + " has no " + kind.statementElement());
        }
        statement = null;
        // the rest of the document must still be well-formed
        while (xml.hasNext()) {
            xml.next();
        }
        return false;
    }

    private void readGroupHeader() throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals("CreDtTm")) {
                messageCreatedAt = cursor.text();
            } else {
                cursor.skip();
            }
        }
    }

    /**
     * Reads the statement up to its first entry (or its end) and emits its header. The first entry is read
     * too before the header is built: a notification without {@code Acct/Ccy} and balances only tells its
     * currency there. Its lines (or its problem) follow the {@code Started} event.
     */
    private StatementEvent readHeader() throws XMLStreamException {
        String name;
        CamtEntry firstEntry = null;
        state = State.AT_STATEMENT_END;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals(ENTRY)) {
                firstEntry = readEntryElement();
                state = State.IN_ENTRIES;
                break;
            }
            statementReader.read(name, statement);
        }
        if (statement.id == null) {
            throw new StatementFormatException(file, statement.path + ", "
                    + XmlCursor.position(statement.line, statement.column), kind.statementElement() + " has no Id");
        }
        String entryCurrency = firstEntry == null || firstEntry.amount == null ? null : firstEntry.amount.currency();
        header = statement.header(messageCreatedAt, entryCurrency);
        if (firstEntry != null) {
            try {
                queueLines(firstEntry);
            } catch (MalformedEntryException e) {
                deferredProblem = e;
            }
        }
        return new StatementEvent.Started(header);
    }

    private void moveToNextEntry() throws XMLStreamException {
        String name;
        while ((name = cursor.nextChild()) != null) {
            if (name.equals(ENTRY)) {
                state = State.AT_ENTRY;
                return;
            }
            statementReader.readLate(name, statement);
        }
        state = State.AT_STATEMENT_END;
    }

    private void readEntry() throws XMLStreamException {
        CamtEntry entry = readEntryElement();
        state = State.IN_ENTRIES;
        queueLines(entry);
    }

    private CamtEntry readEntryElement() throws XMLStreamException {
        entryCount++;
        currentEntryPath = statement.path + "/Ntry[" + entryCount + "]";
        CamtEntry entry = entryReader.read(currentEntryPath);
        currentEntryPath = null;
        return entry;
    }

    /** Makes the entry's lines the next events, or throws its problem. */
    private void queueLines(CamtEntry entry) {
        if (entry.problem != null) {
            throw new MalformedEntryException(file, entry.path + ", " + entry.problemPosition, entry.problem,
                    entry.snippet());
        }
        pendingLines = lineMapper.toLines(entry, header.account() == null ? null : header.account().currency());
        nextPendingLine = 0;
    }

    private String currentPath() {
        if (currentEntryPath != null) {
            return currentEntryPath;
        }
        return statement != null ? statement.path : messagePath;
    }

    /**
     * The parser's error with the element path and its position: the exception's own location, or where the
     * reader is when the exception has none (Woodstox's limits and decoding errors carry none).
     */
    private static StatementFormatException notWellFormed(String file, String path, XMLStreamException e,
            XMLStreamReader xml) {
        String position = XmlCursor.position(e.getLocation());
        if (position == null && xml != null) {
            try {
                position = XmlCursor.position(xml.getLocation());
            } catch (RuntimeException unknown) {
                // no position then; the path still says where
            }
        }
        String where = path == null ? position : position == null ? path : path + ", " + position;
        return new StatementFormatException(file, where, "not well-formed XML: " + reason(e), e);
    }

    /**
     * A well-formedness error Woodstox found while completing a text it had left for later (lazy parsing):
     * it throws it unchecked from the accessor that asked for the text.
     */
    private static XMLStreamException lazyProblem(WstxLazyException e) {
        return e.getCause() instanceof XMLStreamException cause ? cause : new XMLStreamException(e.getMessage(), e);
    }

    /**
     * The parser's own message, without the location that is reported separately: Woodstox appends
     * {@code "\n at [row,col {unknown-source}]: [r,c]"}, {@link XMLStreamException}'s constructor with a
     * location puts {@code "ParseError at [row,col]:[r,c]\nMessage: "} before it.
     */
    static String reason(XMLStreamException e) {
        String message = e.getMessage();
        if (message == null) {
            return "unreadable XML";
        }
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        int location = message.indexOf(" at [row,col");
        if (location >= 0) {
            message = message.substring(0, location);
        }
        message = message.strip();
        return message.isEmpty() ? "unreadable XML" : message;
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // closing is best effort; the input stream is closed below
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing left to read
        }
    }
}
