package io.finbatch.mappings.consolidation;

import io.finbatch.mappings.money.CurrencyUnits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Translates amounts of one period into the group currency: amount times the rate of the account's class
 * ({@link AccountClass#rateType()}), rounded to the group currency's minor units with {@link #ROUNDING}.
 * A line is translated as one signed amount (debit minus credit), rounded once.
 */
public final class Translation {

    /**
     * Half-even (banker's) rounding: ties go to the even cent, so over many lines the rounding does not drift
     * one way, and what drift there is ends up in the translation reserve anyway.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private final RateTable rates;
    private final String groupCurrency;
    private final YearMonth period;
    private final int scale;

    public Translation(RateTable rates, String groupCurrency, YearMonth period) {
        this.rates = rates;
        this.groupCurrency = groupCurrency;
        this.period = period;
        this.scale = CurrencyUnits.minorUnits(groupCurrency);
    }

    public RateKey rateKey(String currency, AccountClass accountClass) {
        return new RateKey(currency, groupCurrency, accountClass.rateType(), period);
    }

    /** The rate for an amount in {@code currency} on an account of {@code accountClass}; 1 for the group currency. */
    public Optional<BigDecimal> rate(String currency, AccountClass accountClass) {
        return rates.rate(currency, groupCurrency, accountClass.rateType(), period);
    }

    public BigDecimal translate(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(scale, ROUNDING);
    }

    /** Zero with the group currency's minor units. */
    public BigDecimal zero() {
        return BigDecimal.ZERO.setScale(scale);
    }
}
