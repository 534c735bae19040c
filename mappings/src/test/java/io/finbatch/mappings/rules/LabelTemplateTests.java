package io.finbatch.mappings.rules;

import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.StatementLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabelTemplateTests {

    private static final StatementLine LINE = StatementLine.builder()
            .bookingDate(LocalDate.of(2026, 10, 30)).valueDate(LocalDate.of(2026, 10, 31))
            .amount(new BigDecimal("-3200")).currency("EUR")
            .counterparty(new Counterparty("SCI Les Tilleuls", null, "FR-ACC-1", null))
            .remittance("Miete November 2026").endToEndId("PAY-2026-0311").build();

    @Test
    void fillsFieldsAndCollapsesTheGapsOfMissingOnes() {
        assertThat(LabelTemplate.parse("Rent {remittance} ({end_to_end_id})").render(LINE))
                .isEqualTo("Rent Miete November 2026 (PAY-2026-0311)");
        assertThat(LabelTemplate.parse("Payment {structured_reference}  {remittance}").render(LINE))
                .isEqualTo("Payment Miete November 2026");
        assertThat(LabelTemplate.parse("{counterparty} {counterparty_iban} {booking_date} {value_date}").render(LINE))
                .isEqualTo("SCI Les Tilleuls FR-ACC-1 2026-10-30 2026-10-31");
        assertThat(LabelTemplate.parse("{amount} {currency}").render(LINE)).isEqualTo("3200.00 EUR");
        assertThat(LabelTemplate.parse("{ bank_reference }").render(LINE)).isEmpty();
        assertThat(LabelTemplate.parse("plain text").render(LINE)).isEqualTo("plain text");
    }

    @Test
    void refusesUnknownFieldsAndStrayBraces() {
        assertThatThrownBy(() -> LabelTemplate.parse("Rent {remitance}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown field {remitance}; known: {counterparty}, {counterparty_iban}");
        assertThatThrownBy(() -> LabelTemplate.parse("Rent {remittance"))
                .hasMessage("'{' at position 6 is not closed");
        assertThatThrownBy(() -> LabelTemplate.parse("Rent remittance}"))
                .hasMessage("'}' at position 16 closes no '{'");
    }
}
