package io.finbatch.readers.camt;

import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.EntryStatus;
import io.finbatch.mappings.statement.OriginalAmount;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static io.finbatch.readers.camt.CamtXml.entry;
import static org.assertj.core.api.Assertions.assertThat;

class CamtEntryLinesTest {

    @Test
    void entryWithoutDetailsGivesOneLineWithTheEntryData() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("12.50", "DBIT",
                "<AcctSvcrRef>BANK-REF-1</AcctSvcrRef><BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd>"
                        + "<SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn><Prtry><Cd>NCHG</Cd></Prtry></BkTxCd>"
                        + "<AddtlNtryInf>Account fee February</AddtlNtryInf>")));

        assertThat(line.amount()).isEqualByComparingTo("-12.50");
        assertThat(line.currency()).isEqualTo("EUR");
        assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2024, 2, 2));
        assertThat(line.reversal()).isFalse();
        assertThat(line.status()).isEqualTo(EntryStatus.BOOKED);
        assertThat(line.bankReference()).isEqualTo("BANK-REF-1");
        assertThat(line.batchReference()).isNull();
        assertThat(line.transactionCode()).isEqualTo(new TransactionCode("ACMT", "MDOP", "CHRG", "NCHG", null));
        assertThat(line.remittance()).isEqualTo("Account fee February");
        assertThat(line.rawInformation()).isEqualTo("Account fee February");
        assertThat(line.counterparty()).isNull();
        assertThat(line.location()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]");
    }

    @Test
    void singleDetailGivesReferencesCounterpartyAndRemittance() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("250.00", "CRDT", """
                <AcctSvcrRef>ENTRY-REF</AcctSvcrRef>
                <NtryDtls><TxDtls>
                  <Refs><MsgId>M1</MsgId><InstrId>INSTR-1</InstrId><EndToEndId>E2E-1</EndToEndId><TxId>T1</TxId></Refs>
                  <Amt Ccy="EUR">250.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                  <RltdPties>
                    <Dbtr><Pty><Nm>Max Mustermann</Nm></Pty></Dbtr>
                    <DbtrAcct><Id><IBAN>DE12500105170648489890</IBAN></Id></DbtrAcct>
                    <Cdtr><Pty><Nm>Our Company</Nm></Pty></Cdtr>
                  </RltdPties>
                  <RltdAgts><DbtrAgt><FinInstnId><BICFI>INGDDEFFXXX</BICFI></FinInstnId></DbtrAgt></RltdAgts>
                  <RmtInf><Ustrd>Invoice 4711</Ustrd><Ustrd> and 4712 </Ustrd>
                    <Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>RF18539007547034</Ref></CdtrRefInf></Strd>
                  </RmtInf>
                  <AddtlTxInf>SEPA credit transfer</AddtlTxInf>
                </TxDtls></NtryDtls>
                <AddtlNtryInf>Gutschrift</AddtlNtryInf>""")));

        assertThat(line.amount()).isEqualByComparingTo("250.00");
        assertThat(line.bankReference()).isEqualTo("ENTRY-REF");
        assertThat(line.customerReference()).isEqualTo("INSTR-1");
        assertThat(line.endToEndId()).isEqualTo("E2E-1");
        assertThat(line.batchReference()).isNull();
        assertThat(line.counterparty())
                .isEqualTo(new Counterparty("Max Mustermann", "DE12500105170648489890", null, "INGDDEFFXXX"));
        assertThat(line.remittance()).isEqualTo("Invoice 4711 and 4712");
        assertThat(line.structuredReference()).isEqualTo("RF18539007547034");
        assertThat(line.rawInformation()).isEqualTo("SEPA credit transfer\nGutschrift");
        assertThat(line.location()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]");
    }

    @Test
    void debitTakesTheCreditorAsCounterpartyAndNotProvidedIsNoReference() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("10.00", "DBIT", """
                <NtryDtls><TxDtls>
                  <Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                  <RltdPties><Dbtr><Nm>Our Company</Nm></Dbtr>
                    <Cdtr><Nm>Stadtwerke</Nm></Cdtr><CdtrAcct><Id><Othr><Id>0123456789</Id></Othr></Id></CdtrAcct>
                  </RltdPties>
                  <RltdAgts><CdtrAgt><FinInstnId><BIC>MARKDEF1100</BIC></FinInstnId></CdtrAgt></RltdAgts>
                </TxDtls></NtryDtls>""")));

        assertThat(line.counterparty()).isEqualTo(new Counterparty("Stadtwerke", null, "0123456789", "MARKDEF1100"));
        assertThat(line.endToEndId()).isNull();
        assertThat(line.remittance()).isNull();
    }

    @Test
    void batchGivesEachDetailItsOwnAmountAndTheEntryReferenceAsBatchReference() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(entry("300.00", "DBIT", """
                <AcctSvcrRef>BATCH-1</AcctSvcrRef>
                <NtryDtls><Btch><PmtInfId>PMT-1</PmtInfId><NbOfTxs>3</NbOfTxs></Btch>
                  <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls></TxDtls>
                  <TxDtls><Refs><EndToEndId>B</EndToEndId></Refs><Amt Ccy="EUR">150.00</Amt><CdtDbtInd>DBIT</CdtDbtInd></TxDtls>
                  <TxDtls><Refs><EndToEndId>C</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="EUR">50.00</Amt></TxAmt></AmtDtls></TxDtls>
                </NtryDtls>""")));

        assertThat(lines).extracting(StatementLine::amount)
                .containsExactly(new BigDecimal("-100.00"), new BigDecimal("-150.00"), new BigDecimal("-50.00"));
        assertThat(lines).extracting(StatementLine::endToEndId).containsExactly("A", "B", "C");
        assertThat(lines).extracting(StatementLine::batchReference).containsOnly("BATCH-1");
        assertThat(lines).extracting(StatementLine::bankReference).containsOnly("BATCH-1");
        assertThat(lines.get(2).location()).isEqualTo("/Document/BkToCstmrStmt/Stmt[1]/Ntry[1]/NtryDtls/TxDtls[3]");
    }

    @Test
    void batchDetailWithoutAmountGetsTheRemainderWhenItIsTheOnlyOne() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(entry("300.00", "CRDT", """
                <NtryRef>NTRY-9</NtryRef>
                <NtryDtls>
                  <TxDtls><AmtDtls><TxAmt><Amt Ccy="EUR">100.00</Amt></TxAmt></AmtDtls></TxDtls>
                  <TxDtls><Refs><EndToEndId>REST</EndToEndId></Refs></TxDtls>
                </NtryDtls>""")));

        assertThat(lines).extracting(StatementLine::amount)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("200.00"));
        assertThat(lines).extracting(StatementLine::batchReference).containsOnly("NTRY-9");
    }

    @Test
    void batchWithoutDetailAmountsNeverCopiesTheEntryTotalOntoEveryDetail() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(entry("300.00", "DBIT", """
                <NtryDtls>
                  <TxDtls><Refs><EndToEndId>A</EndToEndId></Refs></TxDtls>
                  <TxDtls><Refs><EndToEndId>B</EndToEndId></Refs></TxDtls>
                </NtryDtls>""")));

        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(StatementLine::amount).containsOnlyNulls();
    }

    @Test
    void batchDetailsMaySpreadOverSeveralEntryDetailBlocks() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(entry("30.00", "CRDT", """
                <NtryDtls><TxDtls><Amt Ccy="EUR">10.00</Amt></TxDtls></NtryDtls>
                <NtryDtls><TxDtls><Amt Ccy="EUR">20.00</Amt></TxDtls></NtryDtls>""")));

        assertThat(lines).extracting(StatementLine::amount)
                .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"));
        assertThat(lines.get(1).location()).endsWith("/Ntry[1]/NtryDtls[2]/TxDtls[1]");
    }

    @Test
    void foreignCurrencyPaymentStaysInTheAccountCurrencyWithTheInstructedAmountAsOriginal() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("85.00", "DBIT", """
                <NtryDtls><TxDtls>
                  <Amt Ccy="USD">100.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                  <AmtDtls>
                    <InstdAmt><Amt Ccy="USD">100.00</Amt>
                      <CcyXchg><SrcCcy>USD</SrcCcy><TrgtCcy>EUR</TrgtCcy><XchgRate>0.85</XchgRate></CcyXchg></InstdAmt>
                    <TxAmt><Amt Ccy="EUR">85.00</Amt></TxAmt>
                  </AmtDtls>
                </TxDtls></NtryDtls>""")));

        assertThat(line.amount()).isEqualByComparingTo("-85.00");
        assertThat(line.currency()).isEqualTo("EUR");
        assertThat(line.originalAmount())
                .isEqualTo(new OriginalAmount(new BigDecimal("100.00"), "USD", new BigDecimal("0.85")));
    }

    @Test
    void foreignCurrencyBatchDetailsTakeTheAmountInTheAccountCurrency() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(entry("170.00", "DBIT", """
                <NtryDtls>
                  <TxDtls><Amt Ccy="USD">100.00</Amt>
                    <AmtDtls><InstdAmt><Amt Ccy="USD">100.00</Amt></InstdAmt>
                      <CntrValAmt><Amt Ccy="EUR">85.00</Amt><CcyXchg><XchgRate>0.85</XchgRate></CcyXchg></CntrValAmt>
                    </AmtDtls></TxDtls>
                  <TxDtls><Amt Ccy="USD">100.00</Amt>
                    <AmtDtls><TxAmt><Amt Ccy="EUR">85.00</Amt></TxAmt></AmtDtls></TxDtls>
                </NtryDtls>""")));

        assertThat(lines).extracting(StatementLine::amount)
                .containsExactly(new BigDecimal("-85.00"), new BigDecimal("-85.00"));
        assertThat(lines.get(0).originalAmount())
                .isEqualTo(new OriginalAmount(new BigDecimal("100.00"), "USD", new BigDecimal("0.85")));
        assertThat(lines.get(1).originalAmount()).isEqualTo(new OriginalAmount(new BigDecimal("100.00"), "USD", null));
    }

    @Test
    void chargesDoNotChangeTheBookedAmount() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("99.50", "DBIT", """
                <Chrgs><Rcrd><Amt Ccy="EUR">0.50</Amt><CdtDbtInd>DBIT</CdtDbtInd></Rcrd></Chrgs>
                <NtryDtls><TxDtls>
                  <AmtDtls><TxAmt><Amt Ccy="EUR">99.00</Amt></TxAmt></AmtDtls>
                  <Chrgs><Rcrd><Amt Ccy="EUR">0.50</Amt></Rcrd></Chrgs>
                </TxDtls></NtryDtls>""")));

        assertThat(line.amount()).isEqualByComparingTo("-99.50");
    }

    @Test
    void reversalKeepsTheSignOfTheBookingItMakes() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(
                "<Ntry><Amt Ccy=\"EUR\">564.05</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts>"
                        + "<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Test Customer</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>"
                        + "<Ntry><Amt Ccy=\"EUR\">20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><RvslInd>true</RvslInd><Sts>BOOK</Sts>"
                        + "<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Shop</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>"));

        assertThat(lines.get(0).amount()).isEqualByComparingTo("-564.05");
        assertThat(lines.get(0).reversal()).isTrue();
        assertThat(lines.get(0).counterparty().name()).isEqualTo("Test Customer");
        assertThat(lines.get(1).amount()).isEqualByComparingTo("20.00");
        assertThat(lines.get(1).reversal()).isTrue();
        // a reversed card payment names only the original creditor
        assertThat(lines.get(1).counterparty().name()).isEqualTo("Shop");
    }

    @Test
    void pendingAndInformationEntriesAreNotBooked() {
        List<StatementLine> lines = CamtXml.lines(CamtXml.statementWithEntries(
                "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts></Ntry>"
                        + "<Ntry><Amt Ccy=\"EUR\">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>INFO</Cd></Sts></Ntry>"
                        + "<Ntry><Amt Ccy=\"EUR\">3.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>"));

        assertThat(lines).extracting(StatementLine::status)
                .containsExactly(EntryStatus.PENDING, EntryStatus.INFO, EntryStatus.BOOKED);
    }

    @Test
    void dateTimesGiveTheDateAsWrittenInTheFile() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(
                "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
                        + "<BookgDt><DtTm>2024-02-01T00:30:00+01:00</DtTm></BookgDt><ValDt><Dt>2024-02-03</Dt></ValDt></Ntry>"));

        assertThat(line.bookingDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2024, 2, 3));
    }

    @Test
    void detailWithoutUnstructuredRemittanceKeepsTheEntryTextAsRawInformationOnly() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("1.00", "CRDT",
                "<NtryDtls><TxDtls><Refs><EndToEndId>E</EndToEndId></Refs></TxDtls></NtryDtls>"
                        + "<AddtlNtryInf>Credit</AddtlNtryInf>")));

        assertThat(line.remittance()).isNull();
        assertThat(line.rawInformation()).isEqualTo("Credit");
    }

    @Test
    void entryTransactionCodeWinsOverTheDetailCode() {
        String code = "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>%s</SubFmlyCd></Fmly></Domn></BkTxCd>";
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("1.00", "CRDT",
                code.formatted("VCOM") + "<NtryDtls><TxDtls>" + code.formatted("ATXN") + "</TxDtls></NtryDtls>")));

        assertThat(line.transactionCode().subFamily()).isEqualTo("VCOM");
    }

    @Test
    void escapedCharactersAreDecoded() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("1.00", "CRDT",
                "<NtryDtls><TxDtls><RmtInf><Ustrd>M&amp;M &lt;GmbH&gt; &#228;</Ustrd></RmtInf></TxDtls></NtryDtls>")));

        assertThat(line.remittance()).isEqualTo("M&M <GmbH> ä");
    }

    @Test
    void financialInstitutionPartyGivesItsName() {
        StatementLine line = CamtXml.onlyLine(CamtXml.statementWithEntries(entry("1.00", "DBIT",
                "<NtryDtls><TxDtls><RltdPties><Cdtr><Agt><FinInstnId><BICFI>UBSWCHZH80A</BICFI><Nm>Bank AG</Nm>"
                        + "</FinInstnId></Agt></Cdtr></RltdPties></TxDtls></NtryDtls>")));

        assertThat(line.counterparty()).isEqualTo(new Counterparty("Bank AG", null, null, "UBSWCHZH80A"));
    }
}
