package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.readers.StatementParser;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small camt documents for tests, and helpers to parse them. */
final class CamtXml {

    static final String FILE = "test.xml";

    private CamtXml() {
    }

    /** A camt.053 document of the given version ({@code "08"}) with one statement holding {@code body}. */
    static String statement(String version, String body) {
        return document("053", version, "<Stmt><Id>STMT-1</Id>" + body + "</Stmt>");
    }

    /** A camt.053.001.08 statement with an EUR account and {@code entries} after the header. */
    static String statementWithEntries(String entries) {
        return statement("08", account() + entries);
    }

    static String document(String message, String version, String statements) {
        String element = switch (message) {
            case "052" -> "BkToCstmrAcctRpt";
            case "053" -> "BkToCstmrStmt";
            case "054" -> "BkToCstmrDbtCdtNtfctn";
            default -> throw new IllegalArgumentException(message);
        };
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt." + message + ".001." + version + "\">\n"
                + "<" + element + "><GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2024-02-01T18:00:00+01:00</CreDtTm></GrpHdr>\n"
                + statements + "\n</" + element + ">\n</Document>\n";
    }

    static String account() {
        return "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>";
    }

    static String balance(String code, String amount, String direction, String date) {
        return "<Bal><Tp><CdOrPrtry><Cd>" + code + "</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">" + amount + "</Amt>"
                + "<CdtDbtInd>" + direction + "</CdtDbtInd><Dt><Dt>" + date + "</Dt></Dt></Bal>";
    }

    /** An entry: amount, CRDT/DBIT, and whatever else {@code rest} adds after the status and dates. */
    static String entry(String amount, String direction, String rest) {
        return "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>" + direction + "</CdtDbtInd>"
                + "<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2024-02-01</Dt></BookgDt><ValDt><Dt>2024-02-02</Dt></ValDt>"
                + rest + "</Ntry>";
    }

    static StatementParser open(String xml) {
        return new CamtFormat().open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), FILE);
    }

    static List<StatementEvent> events(String xml) {
        List<StatementEvent> events = new ArrayList<>();
        try (StatementParser parser = open(xml)) {
            StatementEvent event;
            while ((event = parser.next()) != null) {
                events.add(event);
            }
        }
        return events;
    }

    static List<StatementLine> lines(String xml) {
        List<StatementLine> lines = new ArrayList<>();
        for (StatementEvent event : events(xml)) {
            if (event instanceof StatementEvent.Line line) {
                lines.add(line.line());
            }
        }
        return lines;
    }

    static StatementLine onlyLine(String xml) {
        List<StatementLine> lines = lines(xml);
        if (lines.size() != 1) {
            throw new AssertionError("expected one line, got " + lines.size() + ": " + lines);
        }
        return lines.get(0);
    }
}
