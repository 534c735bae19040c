package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CamtVersionTest {

    static Stream<Arguments> everyVersion() {
        return Stream.of("052", "053", "054").flatMap(message -> IntStream.rangeClosed(1, 13)
                .mapToObj(v -> Arguments.of(message, String.format("%02d", v))));
    }

    @ParameterizedTest(name = "camt.{0}.001.{1}")
    @MethodSource("everyVersion")
    void everyVersionNamespaceIsDetected(String message, String version) {
        String statement = switch (message) {
            case "052" -> "Rpt";
            case "053" -> "Stmt";
            default -> "Ntfctn";
        };
        String xml = CamtXml.document(message, version, "<" + statement + "><Id>S1</Id>" + CamtXml.account()
                + CamtXml.entry("1.00", "CRDT", "") + "</" + statement + ">");
        if (version.equals("01")) {
            // version 01 names the message element with a version suffix
            xml = xml.replace("BkToCstmrAcctRpt>", "BkToCstmrAcctRptV01>").replace("BkToCstmrStmt>", "BkToCstmrStmtV01>")
                    .replace("BkToCstmrDbtCdtNtfctn>", "BkToCstmrDbtCdtNtfctnV01>");
        }

        try (StatementParser parser = CamtXml.open(xml)) {
            assertThat(parser.format()).isEqualTo("camt." + message + ".001." + version);
            assertThat(parser.next()).isInstanceOf(StatementEvent.Started.class);
            assertThat(parser.next()).isInstanceOf(StatementEvent.Line.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"camt.053.001.14", "camt.053.001.00", "camt.053.002.08", "camt.053.001.8", "camt.053"})
    void unknownVersionsAreRejected(String name) {
        String xml = CamtXml.statementWithEntries("").replace("camt.053.001.08", name);

        assertThatThrownBy(() -> CamtXml.open(xml)).isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("BkToCstmrStmt has the unknown namespace");
    }

    @Test
    void messageInsideABusinessApplicationHeaderEnvelopeIsFound() {
        String document = CamtXml.statementWithEntries(CamtXml.entry("1.00", "CRDT", ""))
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", "");
        String xml = "<?xml version=\"1.0\"?>\n<message>\n"
                + "<AppHdr xmlns=\"urn:iso:std:iso:20022:tech:xsd:head.001.001.01\"><Fr><FIId><FinInstnId>"
                + "<BICFI>MLCOUS33XXX</BICFI></FinInstnId></FIId></Fr><BizMsgIdr>X</BizMsgIdr>"
                + "<MsgDefIdr>camt.053.001.08</MsgDefIdr></AppHdr>\n" + document + "</message>\n";

        List<StatementEvent> events;
        try (StatementParser parser = CamtXml.open(xml)) {
            assertThat(parser.format()).isEqualTo("camt.053.001.08");
        }
        events = CamtXml.events(xml);

        assertThat(events).hasSize(3);
        assertThat(((StatementEvent.Line) events.get(1)).line().location())
                .isEqualTo("/message/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]");
    }

    @Test
    void prefixedElementsAreReadByLocalName() {
        String xml = """
                <c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
                <c:BkToCstmrDbtCdtNtfctn><c:Ntfctn><c:Id>N1</c:Id>
                <c:Ntry><c:Amt Ccy="EUR">4.00</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd><c:Sts>BOOK</c:Sts></c:Ntry>
                </c:Ntfctn></c:BkToCstmrDbtCdtNtfctn></c:Document>""";

        assertThat(CamtXml.onlyLine(xml).amount()).isEqualByComparingTo("-4.00");
    }
}
