package io.finbatch.mappings.statement;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StatementValidatorTests {

    private final StatementValidator validator = new StatementValidator();

    private static StatementHeader header(AccountId account) {
        return new StatementHeader(1, "S1", account, null, null, null, null, "line 1");
    }

    @Test
    void refusesAnAccountIbanWithWrongCheckDigitsWithoutPrintingIt() {
        var problems = validator.checkHeader(header(new AccountId("DE88370400440532013000", null, "EUR", null)));

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("IBAN check").doesNotContain("0532013000");
            assertThat(p.location()).isEqualTo("line 1");
        });
    }

    @Test
    void refusesUnknownCurrencies() {
        assertThat(validator.checkHeader(header(new AccountId("DE89370400440532013000", null, "EUX", null))))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("EUX"));
    }

    @Test
    void acceptsAGoodHeader() {
        assertThat(validator.checkHeader(header(new AccountId("DE89370400440532013000", null, "EUR", null)))).isEmpty();
    }

    @Test
    void reportsTheDifferenceOfAStatementThatDoesNotBalance() {
        Balance opening = new Balance(new BigDecimal("100.00"), "EUR", LocalDate.of(2026, 1, 1), "OPBD");
        Balance closing = new Balance(new BigDecimal("150.00"), "EUR", LocalDate.of(2026, 1, 2), "CLBD");
        BalanceCheck check = BalanceCheck.of(opening, closing, new BigDecimal("38.00"));

        var problems = validator.checkEnd(header(null), new StatementTrailer(opening, closing, null), check);

        assertThat(check.ok()).isFalse();
        assertThat(check.difference()).isEqualByComparingTo("12.00");
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.reason())
                .contains("does not balance").contains("difference 12.00"));
    }

    @Test
    void aStatementWithoutBalancesHasNoBalanceCheck() {
        assertThat(BalanceCheck.of(null, null, BigDecimal.ONE)).isNull();
    }

    @Test
    void refusesALineWithoutAmountOrDates() {
        StatementLine line = StatementLine.builder().currency("EUR").location("line 9").build();

        assertThat(validator.checkLine(header(new AccountId("DE89370400440532013000", null, "EUR", null)), line))
                .extracting(ValidationProblem::reason)
                .containsExactly("line has no amount", "line has neither a value date nor a booking date");
    }
}
