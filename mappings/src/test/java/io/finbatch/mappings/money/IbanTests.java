package io.finbatch.mappings.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IbanTests {

    @Test
    void acceptsValidIbansWrittenWithSpacesOrInLowerCase() {
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.isValid("de89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Iban.normalize("de89 3704 0044 0532 0130 00")).isEqualTo("DE89370400440532013000");
        assertThat(Iban.isValid("FR1420041010050500013M02606")).isTrue();
    }

    @Test
    void refusesWrongCheckDigitsAndShapes() {
        assertThat(Iban.isValid("DE88370400440532013000")).isFalse();
        assertThat(Iban.isValid("NL02RABO0123456789")).isFalse();
        assertThat(Iban.isValid("123456789")).isFalse();
        assertThat(Iban.isValid(null)).isFalse();
        assertThat(Iban.looksLikeIban("NL02RABO0123456789")).isTrue();
        assertThat(Iban.looksLikeIban("50010517/5407324931")).isFalse();
    }

    @Test
    void masksAllButCountryCheckDigitsAndLastFour() {
        assertThat(Iban.mask("DE89370400440532013000")).isEqualTo("DE89**************3000");
        assertThat(Masking.maskAccount("0532013000")).isEqualTo("******3000");
        assertThat(Masking.maskAccount("1234")).isEqualTo("****");
    }
}
