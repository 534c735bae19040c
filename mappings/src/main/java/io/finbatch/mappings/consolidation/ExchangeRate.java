package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * How many units of {@code groupCurrency} one unit of {@code currency} is worth, for one rate type and
 * period: USD to EUR 0.92 means 1 USD = 0.92 EUR, so a USD amount is multiplied by it.
 */
public record ExchangeRate(String currency, String groupCurrency, RateType type, YearMonth period, BigDecimal rate) {

    public ExchangeRate {
        GroupAccount.requireText(currency, "currency");
        GroupAccount.requireText(groupCurrency, "group currency");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate " + currency + "->" + groupCurrency + " " + type + " " + period
                    + " must be positive: " + rate.toPlainString());
        }
    }

    RateKey key() {
        return new RateKey(currency, groupCurrency, type, period);
    }
}
