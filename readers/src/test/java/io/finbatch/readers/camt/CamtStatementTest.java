package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementTrailer;
import io.finbatch.readers.StatementParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.finbatch.readers.camt.CamtXml.balance;
import static io.finbatch.readers.camt.CamtXml.entry;
import static org.assertj.core.api.Assertions.assertThat;

class CamtStatementTest {

    @Test
    void headerBalancesAndEventOrder() {
        String xml = CamtXml.document("053", "08", """
                <Stmt><Id>STMT-7</Id><ElctrncSeqNb>42</ElctrncSeqNb><LglSeqNb>7</LglSeqNb>
                <CreDtTm>2024-02-01T18:30:00+01:00</CreDtTm>
                <Acct><Id><IBAN>de89 3704 0044 0532 0130 00</IBAN></Id><Ccy>EUR</Ccy>
                  <Svcr><FinInstnId><BICFI>COBADEFFXXX</BICFI></FinInstnId></Svcr></Acct>
                """ + balance("OPBD", "1000.00", "CRDT", "2024-01-31")
                + balance("CLBD", "987.50", "CRDT", "2024-02-01")
                + "<Bal><Tp><CdOrPrtry><Cd>CLAV</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">12.00</Amt>"
                + "<CdtDbtInd>DBIT</CdtDbtInd><Dt><DtTm>2024-02-01T23:59:00+01:00</DtTm></Dt></Bal>"
                + entry("12.50", "DBIT", "") + "</Stmt>");

        List<StatementEvent> events = CamtXml.events(xml);

        assertThat(events).hasSize(3);
        assertThat(events.get(0)).isInstanceOf(StatementEvent.Started.class);
        assertThat(events.get(1)).isInstanceOf(StatementEvent.Line.class);
        assertThat(events.get(2)).isInstanceOf(StatementEvent.Ended.class);
        StatementHeader header = ((StatementEvent.Started) events.get(0)).header();
        assertThat(header.index()).isEqualTo(1);
        assertThat(header.id()).isEqualTo("STMT-7");
        assertThat(header.electronicSequence()).isEqualTo("42");
        assertThat(header.legalSequence()).isEqualTo("7");
        assertThat(header.createdAt()).isEqualTo("2024-02-01T18:30:00+01:00");
        assertThat(header.account().iban()).isEqualTo("DE89370400440532013000");
        assertThat(header.account().other()).isNull();
        assertThat(header.account().currency()).isEqualTo("EUR");
        assertThat(header.account().bic()).isEqualTo("COBADEFFXXX");
        assertThat(header.location()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]");
        assertThat(header.openingBalance())
                .isEqualTo(new Balance(new BigDecimal("1000.00"), "EUR", LocalDate.of(2024, 1, 31), "OPBD"));

        StatementTrailer trailer = ((StatementEvent.Ended) events.get(2)).trailer();
        assertThat(trailer.openingBalance()).isEqualTo(header.openingBalance());
        assertThat(trailer.closingBalance())
                .isEqualTo(new Balance(new BigDecimal("987.50"), "EUR", LocalDate.of(2024, 2, 1), "CLBD"));
        assertThat(trailer.availableBalance())
                .isEqualTo(new Balance(new BigDecimal("-12.00"), "EUR", LocalDate.of(2024, 2, 1), "CLAV"));
    }

    @Test
    void formatIsKnownRightAfterOpen() {
        try (StatementParser parser = CamtXml.open(CamtXml.statementWithEntries(""))) {
            assertThat(parser.format()).isEqualTo("camt.053.001.08");
        }
    }

    @Test
    void previousClosingIsTheOpeningWhenThereIsNoOpeningBooked() {
        String xml = CamtXml.statement("02", CamtXml.account() + balance("PRCD", "5.00", "DBIT", "2024-01-31")
                + balance("CLBD", "10.00", "CRDT", "2024-02-01"));

        StatementTrailer trailer = trailer(xml);

        assertThat(trailer.openingBalance().type()).isEqualTo("PRCD");
        assertThat(trailer.openingBalance().amount()).isEqualByComparingTo("-5.00");
        assertThat(trailer.closingBalance().type()).isEqualTo("CLBD");
    }

    @Test
    void intradayReportWithTwoInterimBalancesOpensWithTheFirstAndClosesWithTheLast() {
        String xml = CamtXml.document("052", "02", "<Rpt><Id>R1</Id>" + CamtXml.account()
                + balance("ITBD", "1000.00", "CRDT", "2009-10-30") + balance("ITBD", "1100.00", "CRDT", "2009-10-30")
                + entry("100.00", "CRDT", "") + "</Rpt>");

        StatementTrailer trailer = trailer(xml);

        assertThat(trailer.openingBalance().amount()).isEqualByComparingTo("1000.00");
        assertThat(trailer.openingBalance().type()).isEqualTo("ITBD");
        assertThat(trailer.closingBalance().amount()).isEqualByComparingTo("1100.00");
        assertThat(trailer.closingBalance().type()).isEqualTo("ITBD");
    }

    @Test
    void singleInterimBalanceIsTheClosingOnly() {
        String xml = CamtXml.document("052", "04", "<Rpt><Id>R1</Id>" + CamtXml.account()
                + balance("ITBD", "77.00", "CRDT", "2016-06-14") + "</Rpt>");

        StatementTrailer trailer = trailer(xml);

        assertThat(trailer.openingBalance()).isNull();
        assertThat(trailer.closingBalance().amount()).isEqualByComparingTo("77.00");
    }

    @Test
    void statementWithoutEntriesStillStartsAndEnds() {
        List<StatementEvent> events = CamtXml.events(CamtXml.statementWithEntries(
                balance("OPBD", "1.00", "CRDT", "2024-01-31") + balance("CLBD", "1.00", "CRDT", "2024-02-01")));

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isInstanceOf(StatementEvent.Started.class);
        assertThat(events.get(1)).isInstanceOf(StatementEvent.Ended.class);
    }

    @Test
    void severalStatementsAreNumberedInFileOrder() {
        String xml = CamtXml.document("053", "02", "<Stmt><Id>A</Id>" + CamtXml.account() + entry("1.00", "CRDT", "")
                + "</Stmt><Stmt><Id>B</Id>" + CamtXml.account() + entry("2.00", "CRDT", "") + "</Stmt>");

        List<StatementEvent> events = CamtXml.events(xml);

        assertThat(events).hasSize(6);
        StatementHeader second = ((StatementEvent.Started) events.get(3)).header();
        assertThat(second.id()).isEqualTo("B");
        assertThat(second.index()).isEqualTo(2);
        assertThat(((StatementEvent.Line) events.get(4)).line().location())
                .isEqualTo("/Document/BkToCstmrStmt/Stmt[2]/Ntry[1]");
    }

    @Test
    void accountWithoutCurrencyTakesTheBalanceOrElseTheFirstEntryCurrency() {
        String withBalance = CamtXml.statement("08", "<Acct><Id><Othr><Id>12345678</Id></Othr></Id></Acct>"
                + balance("CLBD", "1.00", "CRDT", "2024-02-01"));
        String withEntryOnly = CamtXml.document("054", "04", "<Ntfctn><Id>N1</Id>"
                + "<Acct><Id><Othr><Id>12345678</Id></Othr></Id></Acct>"
                + "<Ntry><Amt Ccy=\"CHF\">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry></Ntfctn>");

        assertThat(header(withBalance).account().currency()).isEqualTo("EUR");
        assertThat(header(withBalance).account().other()).isEqualTo("12345678");
        assertThat(header(withEntryOnly).account().currency()).isEqualTo("CHF");
    }

    @Test
    void createdAtFallsBackToTheGroupHeader() {
        assertThat(header(CamtXml.statementWithEntries("")).createdAt()).isEqualTo("2024-02-01T18:00:00+01:00");
    }

    @Test
    void balanceWithoutIndicatorIsACreditAndWithoutDateHasNoDate() {
        String xml = CamtXml.statement("08", CamtXml.account()
                + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">3.00</Amt></Bal>");

        Balance opening = trailer(xml).openingBalance();

        assertThat(opening.amount()).isEqualByComparingTo("3.00");
        assertThat(opening.date()).isNull();
    }

    private static StatementHeader header(String xml) {
        return ((StatementEvent.Started) CamtXml.events(xml).get(0)).header();
    }

    private static StatementTrailer trailer(String xml) {
        List<StatementEvent> events = CamtXml.events(xml);
        return ((StatementEvent.Ended) events.get(events.size() - 1)).trailer();
    }
}
