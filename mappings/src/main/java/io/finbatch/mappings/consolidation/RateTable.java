package io.finbatch.mappings.consolidation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exchange rates by (currency, group currency, rate type, period). A currency translates to itself at 1
 * without an entry; an entry for it is accepted only when it says 1.
 */
public final class RateTable {

    private final Map<RateKey, BigDecimal> rates = new HashMap<>();

    public RateTable(Collection<ExchangeRate> rates) {
        for (ExchangeRate rate : rates) {
            if (rate.currency().equals(rate.groupCurrency())) {
                if (rate.rate().compareTo(BigDecimal.ONE) != 0) {
                    throw new IllegalArgumentException("rate " + rate.currency() + "->" + rate.groupCurrency()
                            + " must be 1, not " + rate.rate().toPlainString());
                }
                continue;
            }
            BigDecimal previous = this.rates.putIfAbsent(rate.key(), rate.rate());
            if (previous != null) {
                throw new IllegalArgumentException("two rates for " + rate.key());
            }
        }
    }

    public static RateTable of(ExchangeRate... rates) {
        return new RateTable(List.of(rates));
    }

    public Optional<BigDecimal> rate(String currency, String groupCurrency, RateType type, YearMonth period) {
        if (currency.equals(groupCurrency)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Optional.ofNullable(rates.get(new RateKey(currency, groupCurrency, type, period)));
    }
}
