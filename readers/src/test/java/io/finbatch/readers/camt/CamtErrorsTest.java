package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.readers.MalformedEntryException;
import io.finbatch.readers.StatementFormatException;
import io.finbatch.readers.StatementParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.finbatch.readers.camt.CamtXml.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CamtErrorsTest {

    @Test
    void entryWithoutAmountIsSkippedAndTheNextEntryIsStillRead() {
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "")
                + "<Ntry><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><AcctSvcrRef>NO-AMOUNT</AcctSvcrRef></Ntry>"
                + entry("3.00", "CRDT", ""));
        List<StatementLine> lines = new ArrayList<>();
        List<MalformedEntryException> problems = new ArrayList<>();

        try (StatementParser parser = CamtXml.open(xml)) {
            for (;;) {
                try {
                    StatementEvent event = parser.next();
                    if (event == null) {
                        break;
                    }
                    if (event instanceof StatementEvent.Line line) {
                        lines.add(line.line());
                    }
                } catch (MalformedEntryException e) {
                    problems.add(e);
                }
            }
        }

        assertThat(lines).extracting(line -> line.amount().toPlainString()).containsExactly("1.00", "3.00");
        assertThat(problems).hasSize(1);
        MalformedEntryException problem = problems.get(0);
        assertThat(problem.file()).isEqualTo(CamtXml.FILE);
        assertThat(problem.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[2], line ");
        assertThat(problem.location()).contains("column");
        assertThat(problem.reason()).isEqualTo("Ntry has no Amt");
        assertThat(problem.snippet()).contains("NO-AMOUNT");
    }

    @Test
    void firstEntryWithoutIndicatorIsReportedAfterTheStatementStarted() {
        String xml = CamtXml.statementWithEntries("<Ntry><Amt Ccy=\"EUR\">1.00</Amt><Sts>BOOK</Sts></Ntry>"
                + entry("2.00", "DBIT", ""));

        try (StatementParser parser = CamtXml.open(xml)) {
            assertThat(parser.next()).isInstanceOf(StatementEvent.Started.class);
            MalformedEntryException problem = catchThrowableOfType(MalformedEntryException.class, parser::next);
            assertThat(problem.reason()).isEqualTo("Ntry has no CdtDbtInd");
            assertThat(problem.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]");
            StatementEvent next = parser.next();
            assertThat(((StatementEvent.Line) next).line().amount()).isEqualByComparingTo("-2.00");
            assertThat(parser.next()).isInstanceOf(StatementEvent.Ended.class);
            assertThat(parser.next()).isNull();
        }
    }

    @Test
    void unreadableAmountIsAMalformedEntry() {
        String xml = CamtXml.statementWithEntries(entry("12,50", "DBIT", ""));

        assertThatThrownBy(() -> CamtXml.events(xml))
                .isInstanceOf(MalformedEntryException.class)
                .hasMessageContaining("Ntry/Amt is not a decimal amount: '12,50'");
    }

    @Test
    void truncatedFileIsRejectedWithItsLocation() {
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "") + entry("2.00", "CRDT", ""));
        String truncated = xml.substring(0, xml.lastIndexOf("<Ntry>") + 30);

        StatementFormatException e = catchThrowableOfType(StatementFormatException.class,
                () -> CamtXml.events(truncated));

        assertThat(e).isNotInstanceOf(MalformedEntryException.class);
        assertThat(e.file()).isEqualTo(CamtXml.FILE);
        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1]/Ntry[2], line ");
        assertThat(e.reason()).startsWith("not well-formed XML");
    }

    @Test
    void notWellFormedXmlIsRejected() {
        String xml = CamtXml.statementWithEntries(entry("1.00", "CRDT", "")).replace("</Stmt>", "</Stmnt>");

        assertThatThrownBy(() -> CamtXml.events(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("not well-formed XML")
                .hasMessageContaining("line ");
    }

    @Test
    void garbageAfterTheMessageIsRejected() {
        String xml = CamtXml.statementWithEntries("") + "<trailing>";

        assertThatThrownBy(() -> CamtXml.events(xml)).isInstanceOf(StatementFormatException.class);
    }

    @Test
    void statementWithoutIdIsRejected() {
        String xml = CamtXml.document("053", "02", "<Stmt>" + CamtXml.account() + entry("1.00", "CRDT", "") + "</Stmt>");

        StatementFormatException e = catchThrowableOfType(StatementFormatException.class, () -> CamtXml.events(xml));

        assertThat(e.reason()).isEqualTo("Stmt has no Id");
        assertThat(e.location()).startsWith("/Document/BkToCstmrStmt/Stmt[1], line 4");
    }

    @Test
    void messageWithoutStatementIsRejected() {
        String xml = CamtXml.document("053", "02", "");

        assertThatThrownBy(() -> CamtXml.events(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("BkToCstmrStmt has no Stmt");
    }

    @Test
    void balanceWithoutAmountIsRejected() {
        String xml = CamtXml.statement("08", CamtXml.account()
                + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><CdtDbtInd>CRDT</CdtDbtInd></Bal>");

        assertThatThrownBy(() -> CamtXml.events(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("/Document/BkToCstmrStmt/Stmt[1], line ")
                .hasMessageContaining("Bal has no Amt");
    }

    @Test
    void unknownNamespaceIsRejected() {
        String xml = CamtXml.statementWithEntries("").replace("urn:iso:std:iso:20022:tech:xsd:camt.053.001.08",
                "urn:weird-namespace");

        assertThatThrownBy(() -> CamtXml.open(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("/Document/BkToCstmrStmt, line 3")
                .hasMessageContaining("unknown namespace 'urn:weird-namespace'");
    }

    @Test
    void namespaceOfAnotherMessageIsRejected() {
        String xml = CamtXml.statementWithEntries("").replace("camt.053.001.08", "camt.054.001.08");

        assertThatThrownBy(() -> CamtXml.open(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("BkToCstmrStmt is a camt.053 message");
    }

    @Test
    void otherIsoMessagesAreRejected() {
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn>"
                + "<GrpHdr/></CstmrCdtTrfInitn></Document>";

        assertThatThrownBy(() -> CamtXml.open(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("/Document/CstmrCdtTrfInitn, line 1")
                .hasMessageContaining("Document holds CstmrCdtTrfInitn");
    }

    @Test
    void emptyDocumentIsRejected() {
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.052.001.02\">\n</Document>";

        assertThatThrownBy(() -> CamtXml.open(xml))
                .isInstanceOf(StatementFormatException.class)
                .hasMessageContaining("/Document, line 2")
                .hasMessageContaining("no camt message");
    }

    @Test
    void errorMessagesDoNotShowTheAccount() {
        String xml = CamtXml.document("053", "02", "<Stmt>" + CamtXml.account() + "</Stmt>");

        assertThatThrownBy(() -> CamtXml.events(xml))
                .isInstanceOf(StatementFormatException.class)
                .message().doesNotContain("0532013000");
    }
}
