package io.finbatch.mappings.statement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueImportIdsTests {

    private static final AccountId ACCOUNT = new AccountId("DE89370400440532013000", null, "EUR", null);

    private static StatementLine.Builder line(String amount, String bankReference) {
        return StatementLine.builder().valueDate(LocalDate.of(2026, 10, 30)).bookingDate(LocalDate.of(2026, 10, 30))
                .amount(new BigDecimal(amount)).currency("EUR").bankReference(bankReference)
                .remittance("Invoice 42").location("line 7");
    }

    @Test
    void theSameLineGetsTheSameIdWhereverItStandsInWhateverFile() {
        UniqueImportIds intraday = new UniqueImportIds();
        intraday.startStatement();
        intraday.idFor(ACCOUNT, "EUR", line("-5.00", "R1").build());
        String inIntraday = intraday.idFor(ACCOUNT, "EUR", line("-12.50", "R2").location("line 9").build());

        UniqueImportIds endOfDay = new UniqueImportIds();
        endOfDay.startStatement();
        String inEndOfDay = endOfDay.idFor(ACCOUNT, "EUR", line("-12.50", "R2").location("line 30").build());

        assertThat(inEndOfDay).isEqualTo(inIntraday);
    }

    @Test
    void identicalLinesOfOneStatementAreToldApartByOccurrence() {
        UniqueImportIds ids = new UniqueImportIds();
        ids.startStatement();
        String first = ids.idFor(ACCOUNT, "EUR", line("-4.20", null).build());
        String second = ids.idFor(ACCOUNT, "EUR", line("-4.20", null).build());

        assertThat(second).isNotEqualTo(first);
        UniqueImportIds again = new UniqueImportIds();
        again.startStatement();
        assertThat(again.idFor(ACCOUNT, "EUR", line("-4.20", null).build())).isEqualTo(first);
        assertThat(again.idFor(ACCOUNT, "EUR", line("-4.20", null).build())).isEqualTo(second);
    }

    @Test
    void batchDetailsSharingTheEntryReferenceGetDistinctIds() {
        UniqueImportIds ids = new UniqueImportIds();
        ids.startStatement();
        String a = ids.idFor(ACCOUNT, "EUR", line("-100.00", "ENTRY-1").batchReference("ENTRY-1").endToEndId("E2E-1").build());
        String b = ids.idFor(ACCOUNT, "EUR", line("-100.00", "ENTRY-1").batchReference("ENTRY-1").endToEndId("E2E-2").build());

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void anotherAccountOrDateOrAmountIsAnotherLine() {
        UniqueImportIds ids = new UniqueImportIds();
        String base = ids.idFor(ACCOUNT, "EUR", line("-1.00", "R").build());
        ids.startStatement();
        assertThat(ids.idFor(new AccountId("NL91ABNA0417164300", null, "EUR", null), "EUR", line("-1.00", "R").build()))
                .isNotEqualTo(base);
        assertThat(ids.idFor(ACCOUNT, "EUR", line("-1.01", "R").build())).isNotEqualTo(base);
        assertThat(ids.idFor(ACCOUNT, "EUR", line("-1.00", "R").valueDate(LocalDate.of(2027, 10, 30)).build()))
                .isNotEqualTo(base);
    }

    @Test
    void ibanSpellingDoesNotMatter() {
        UniqueImportIds ids = new UniqueImportIds();
        String compact = ids.idFor(ACCOUNT, "EUR", line("-1.00", "R").build());
        ids.startStatement();
        String spaced = ids.idFor(new AccountId(null, "de89 3704 0044 0532 0130 00", "EUR", null), "EUR",
                line("-1.00", "R").build());
        assertThat(spaced).isEqualTo(compact);
    }
}
