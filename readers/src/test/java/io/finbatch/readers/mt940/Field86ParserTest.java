package io.finbatch.readers.mt940;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Field86ParserTest {

    @Test
    void readsGermanStructuredDetailsWithSepaKeys() {
        Details86 details = Field86Parser.parse("166?00GUTSCHRIFT?100399?20EREF+EndToEndId TFNR 22 004?21 00001?22\n"
                + "SVWZ+Verw CTSc-01 BC-PPP TF?23Nr 22 004?30DRESDEFF508?31DE1450880\n"
                + "0500194785000?32KARL?33        KAUFMANN?70Empfaenger Marta Metzge\nr");

        assertThat(details.proprietaryCode()).isEqualTo("166");
        assertThat(details.endToEndId()).isEqualTo("EndToEndId TFNR 22 004 00001");
        assertThat(details.remittance()).isEqualTo("Verw CTSc-01 BC-PPP TFNr 22 004");
        assertThat(details.counterpartyBic()).isEqualTo("DRESDEFF508");
        assertThat(details.counterpartyIban()).isEqualTo("DE14508800500194785000");
        assertThat(details.counterpartyName()).isEqualTo("KARL        KAUFMANN");
    }

    @Test
    void readsGermanDetailsWithoutKeysAsLines() {
        Details86 details = Field86Parser.parse(
                "008?00DAUERAUFTRAG?100599?20Miete November?21Wohnung 3?3010020030?31234567?32MUELLER?34339");

        assertThat(details.remittance()).isEqualTo("Miete November Wohnung 3");
        assertThat(details.counterpartyOther()).isEqualTo("234567");
        assertThat(details.counterpartyIban()).isNull();
        assertThat(details.counterpartyBic()).isNull();
        assertThat(details.counterpartyName()).isEqualTo("MUELLER");
    }

    @Test
    void readsRemittanceLinesSixtyToSixtyThreeAndACreditorReference() {
        Details86 details = Field86Parser.parse("105?00Basislastschrift?20SVWZ+RF18539007547034 Steuer 2017"
                + "?30BYLADEMM?31DE99700500000000012345?32Finanzamt?60 Q3");

        assertThat(details.remittance()).isEqualTo("RF18539007547034 Steuer 2017 Q3");
        assertThat(details.structuredReference()).isEqualTo("RF18539007547034");
        assertThat(details.counterpartyBic()).isEqualTo("BYLADEMM");
    }

    @Test
    void readsIngSlashKeys() {
        Details86 details = Field86Parser.parse("/EREF/EV12341REP1231456T1234//CNTP/NL91ABNA0417164300/INGBNL2\n"
                + "A/ING BANK NV INZAKE WEB///REMI/USTD//EV10001REP1000000T1000/");

        assertThat(details.endToEndId()).isEqualTo("EV12341REP1231456T1234");
        assertThat(details.counterpartyIban()).isEqualTo("NL91ABNA0417164300");
        assertThat(details.counterpartyBic()).isEqualTo("INGBNL2A");
        assertThat(details.counterpartyName()).isEqualTo("ING BANK NV INZAKE WEB");
        assertThat(details.remittance()).isEqualTo("EV10001REP1000000T1000");
    }

    @Test
    void readsStructuredReferencesAndBatchReferences() {
        assertThat(Field86Parser.parse("/EREF/158//CNTP/NL91ABNA0417164300/INGBNL2A/J.J\nanssen///REMI/STRD/CUR/"
                + "9001123412341234/").structuredReference()).isEqualTo("9001123412341234");
        assertThat(Field86Parser.parse("/EREF/123456789/BENM//NAME/Belastingdienst/REMI//CDTRREFTP//CD/SC\n"
                + "OR/ISSR/CUR/CDTRREF/1234567899874563/ISDT/2013-12-27").structuredReference())
                .isEqualTo("1234567899874563");
        assertThat(Field86Parser.parse("/PREF/M000000003333333//REMI/USTD//TOTAAL 1 VZ/").batchReference())
                .isEqualTo("M000000003333333");
    }

    @Test
    void readsKnabAndRabobankSlashKeys() {
        Details86 knab = Field86Parser.parse("/TRTP/SEPA ACCEPTGIRO/IBAN/NL91ABNA0417164300/BIC/ABNANL2AXXX /NAME/"
                + "ACHMEA N.V./EREF/5002100023310160 /REMI/EERSTE MAAND");
        assertThat(knab.proprietaryCode()).isEqualTo("SEPA ACCEPTGIRO");
        assertThat(knab.counterpartyIban()).isEqualTo("NL91ABNA0417164300");
        assertThat(knab.counterpartyBic()).isEqualTo("ABNANL2AXXX");
        assertThat(knab.counterpartyName()).isEqualTo("ACHMEA N.V.");
        assertThat(knab.endToEndId()).isEqualTo("5002100023310160");
        assertThat(knab.remittance()).isEqualTo("EERSTE MAAND");

        Details86 rabobank = Field86Parser.parse("/ORDP//NAME/Hr A B Huibers en/of\n Mw S L Huibers/REMI/1000122-P55");
        assertThat(rabobank.counterpartyName()).isEqualTo("Hr A B Huibers en/of Mw S L Huibers");
        assertThat(rabobank.remittance()).isEqualTo("1000122-P55");
    }

    @Test
    void readsAbnAmroColonKeys() {
        Details86 details = Field86Parser.parse("SEPA OVERBOEKING                 IBAN: NL91ABNA0417164300\n"
                + "BIC: ABNANL2A                    NAAM: AA GHGHGH NETHERLANDS B.V.\n"
                + "OMSCHRIJVING: 1412DEC 2015 CONSULTING\nKENMERK: 7541410");

        assertThat(details.proprietaryCode()).isEqualTo("SEPA OVERBOEKING");
        assertThat(details.counterpartyIban()).isEqualTo("NL91ABNA0417164300");
        assertThat(details.counterpartyBic()).isEqualTo("ABNANL2A");
        assertThat(details.counterpartyName()).isEqualTo("AA GHGHGH NETHERLANDS B.V.");
        assertThat(details.remittance()).isEqualTo("1412DEC 2015 CONSULTING");
        assertThat(details.endToEndId()).isEqualTo("7541410");
    }

    @Test
    void readsTriodosAngleBracketSubfields() {
        Details86 details = Field86Parser.parse("000>100000000000\n>20ABNANL2A\n>21NL91ABNA0417164300\n"
                + ">22METSELAARBAASIK >23STORTING>310454545454");

        assertThat(details.counterpartyBic()).isEqualTo("ABNANL2A");
        assertThat(details.counterpartyIban()).isEqualTo("NL91ABNA0417164300");
        assertThat(details.remittance()).isEqualTo("METSELAARBAASIK STORTING");
    }

    @Test
    void takesFreeTextAsRemittance() {
        Details86 details = Field86Parser.parse("BEA   NR:XXX1234   21.05.11/12.54 DIRCKIII FIL2500 KATWIJK,PAS999\n"
                + "second line");

        assertThat(details.remittance()).isEqualTo("BEA NR:XXX1234 21.05.11/12.54 DIRCKIII FIL2500 KATWIJK,PAS999 "
                + "second line");
        assertThat(details.counterpartyName()).isNull();
        assertThat(Field86Parser.parse("   ")).isEqualTo(Details86.EMPTY);
        assertThat(Field86Parser.parse(null)).isEqualTo(Details86.EMPTY);
    }
}
