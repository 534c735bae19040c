package io.finbatch.mappings.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class CurrencyUnitsTests {

    @Test
    void formatsWithTheCurrencysMinorUnits() {
        assertThat(CurrencyUnits.format(new BigDecimal("1234.5"), "EUR")).isEqualTo("1234.50");
        assertThat(CurrencyUnits.format(new BigDecimal("-12"), "EUR")).isEqualTo("-12.00");
        assertThat(CurrencyUnits.format(new BigDecimal("1500"), "JPY")).isEqualTo("1500");
        assertThat(CurrencyUnits.format(new BigDecimal("1.5"), "KWD")).isEqualTo("1.500");
        assertThat(CurrencyUnits.format(new BigDecimal("7"), "XYZ")).isEqualTo("7.00");
    }

    @Test
    void neverRoundsAwayADigit() {
        assertThat(CurrencyUnits.format(new BigDecimal("0.125"), "EUR")).isEqualTo("0.125");
        assertThat(CurrencyUnits.format(new BigDecimal("1500.50"), "JPY")).isEqualTo("1500.5");
    }

    @Test
    void knowsIsoCodes() {
        assertThat(CurrencyUnits.isIsoCode("EUR")).isTrue();
        assertThat(CurrencyUnits.isIsoCode("eur")).isFalse();
        assertThat(CurrencyUnits.isIsoCode("EURO")).isFalse();
        assertThat(CurrencyUnits.isIsoCode("XYZ")).isFalse();
    }
}
