package io.finbatch.readers.mt940;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Field61ParserTest {

    private static Field61 parse(String text) {
        return Field61Parser.parse(text, 2);
    }

    @Test
    void readsEveryPartOfAFullLine() {
        Field61 line = parse("0709070904CR50990,05NTRFNONREF//0724710333343453\nsupplementary text");

        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2007, 9, 7));
        assertThat(line.entryDate()).isEqualTo(LocalDate.of(2007, 9, 4));
        assertThat(line.amount()).isEqualTo(new BigDecimal("50990.05"));
        assertThat(line.reversal()).isFalse();
        assertThat(line.fundsCode()).isEqualTo("R");
        assertThat(line.transactionType()).isEqualTo("NTRF");
        assertThat(line.customerReference()).isNull();
        assertThat(line.bankReference()).isEqualTo("0724710333343453");
        assertThat(line.supplementaryDetails()).isEqualTo("supplementary text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "110101C10,00N000NONREF   | 10.00  | false",
        "110101D10,00N000NONREF   | -10.00 | false",
        "110101RC10,00N000NONREF  | 10.00  | true",
        "110101RD10,00N000NONREF  | -10.00 | true",
        "110101RCR10,00N000NONREF | 10.00  | true",
        "110101DR10,00N000NONREF  | -10.00 | false"
    })
    void signsAmountsByTheBookingTheyMakeAndFlagsReversals(String text, String amount, boolean reversal) {
        Field61 line = parse(text);

        assertThat(line.amount()).isEqualTo(new BigDecimal(amount));
        assertThat(line.reversal()).isEqualTo(reversal);
    }

    @ParameterizedTest(name = "value {0}, entry {1} -> {2}")
    @CsvSource({
        "141224, 0102, 2015-01-02",
        "150102, 1231, 2014-12-31",
        "140110, 1224, 2013-12-24",
        "140901, 0902, 2014-09-02"
    })
    void putsTheEntryDateInTheYearClosestToTheValueDate(String value, String entry, String expected) {
        Field61 line = parse(value + entry + "CR1,62NTRFNONREF");

        assertThat(line.entryDate()).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void movesADayPastTheMonthsEndToItsLastDay() {
        Field61 line = parse("1602300301DR6,00N024NONREF");

        assertThat(line.valueDate()).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(line.entryDate()).isEqualTo(LocalDate.of(2016, 3, 1));
    }

    @Test
    void acceptsAmountsWithoutDecimalsOrComma() {
        assertThat(parse("1407290729C500NTRF29-07-2014 10:05//B4G29PGDCK1QFV3E").amount())
                .isEqualTo(new BigDecimal("500.00"));
        assertThat(parse("131017D6800,NCHK16703074").amount()).isEqualTo(new BigDecimal("-6800.00"));
        assertThat(Field61Parser.parse("131017D6800,NCHK16703074", 0).amount()).isEqualTo(new BigDecimal("-6800"));
    }

    @Test
    void readsReferencesOfEveryShape() {
        Field61 knab = parse("1407290729C500NTRF29-07-2014 10:05//B4G29PGDCK1QFV3E");
        assertThat(knab.customerReference()).isEqualTo("29-07-2014 10:05");
        assertThat(knab.bankReference()).isEqualTo("B4G29PGDCK1QFV3E");

        Field61 danske = parse("0910010930DK2214,00NCHGGebyrer ifolge//nota");
        assertThat(danske.fundsCode()).isEqualTo("K");
        assertThat(danske.customerReference()).isEqualTo("Gebyrer ifolge");
        assertThat(danske.bankReference()).isEqualTo("nota");

        Field61 ing = parse("100722D25,03NOV NONREF");
        assertThat(ing.transactionType()).isEqualTo("NOV");
        assertThat(ing.customerReference()).isNull();

        Field61 spaced = parse("2103310331C50,00 NTRFNONREF//2109025460313532");
        assertThat(spaced.transactionType()).isEqualTo("NTRF");
        assertThat(spaced.bankReference()).isEqualTo("2109025460313532");

        Field61 noReference = parse("170914D233,15NMSC");
        assertThat(noReference.customerReference()).isNull();
        assertThat(noReference.bankReference()).isNull();

        Field61 postfinance = parse("1312091209C79,7FMSC01916//NONREF\n20131209007602198765432000000012");
        assertThat(postfinance.bankReference()).isEqualTo("NONREF");
        assertThat(postfinance.customerReference()).isEqualTo("01916");
    }

    @Test
    void splitsAPaddedReferenceFromDetailsOnTheSameLine() {
        Field61 rabobank = parse("110527D000000001213,28N0440121470966      W.P. Jansen                      ");

        assertThat(rabobank.transactionType()).isEqualTo("N044");
        assertThat(rabobank.customerReference()).isEqualTo("0121470966");
        assertThat(rabobank.supplementaryDetails()).isEqualTo("W.P. Jansen");
    }

    @Test
    void readsTheOriginalAmountFromTheSupplementaryDetails() {
        Field61 line = parse("1804090409DR000000000056,78NTRF0000549855700010//025498557/000001\n"
                + "/OCMT/CAD47,11/CHGS/EUR1,23");

        assertThat(line.originalAmount().currency()).isEqualTo("CAD");
        assertThat(line.originalAmount().amount()).isEqualTo(new BigDecimal("47.11"));
    }

    @Test
    void rejectsLinesWithoutMandatoryParts() {
        assertThatThrownBy(() -> parse("1813XXC1,00NTRFNONREF")).hasMessageContaining("value date");
        assertThatThrownBy(() -> parse("181126112X1,00NTRF")).hasMessageContaining("entry date");
        assertThatThrownBy(() -> parse("1811261126X1,00NTRF")).hasMessageContaining("debit/credit mark");
        assertThatThrownBy(() -> parse("1811261126CR")).hasMessageContaining("amount");
        assertThatThrownBy(() -> parse("1811261126C1,00")).hasMessageContaining("transaction type");
    }
}
