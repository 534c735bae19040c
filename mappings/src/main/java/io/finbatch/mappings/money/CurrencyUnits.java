package io.finbatch.mappings.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** ISO 4217 currency codes and their minor units, from the JDK's currency table. */
public final class CurrencyUnits {

    /** Minor units used when a currency code is not known (the contract's rule). */
    public static final int DEFAULT_MINOR_UNITS = 2;

    private CurrencyUnits() {
    }

    /** True when {@code code} is an active ISO 4217 alphabetic code such as {@code EUR}. */
    public static boolean isIsoCode(String code) {
        if (code == null || code.length() != 3 || !code.equals(code.toUpperCase(Locale.ROOT))) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException notIso) {
            return false;
        }
    }

    /** Minor units of {@code code} (EUR 2, JPY 0, KWD 3); {@link #DEFAULT_MINOR_UNITS} when unknown or null. */
    public static int minorUnits(String code) {
        if (!isIsoCode(code)) {
            return DEFAULT_MINOR_UNITS;
        }
        int digits = Currency.getInstance(code).getDefaultFractionDigits();
        return digits < 0 ? DEFAULT_MINOR_UNITS : digits;
    }

    /**
     * The amount with exactly the currency's minor units. Never rounds away a non-zero digit:
     * an amount with more precision than its currency allows keeps its own scale.
     */
    public static BigDecimal scaled(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int units = minorUnits(currency);
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > units) {
            return stripped;
        }
        return amount.setScale(units, RoundingMode.UNNECESSARY);
    }

    /** Plain decimal text with the currency's minor units: {@code "1234.50"}, JPY {@code "1500"}. */
    public static String format(BigDecimal amount, String currency) {
        return amount == null ? null : scaled(amount, currency).toPlainString();
    }
}
