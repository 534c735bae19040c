package io.finbatch.mappings.consolidation;

import java.time.YearMonth;

/** What identifies a rate: from currency, to group currency, rate type, period. */
public record RateKey(String currency, String groupCurrency, RateType type, YearMonth period) {

    @Override
    public String toString() {
        return currency + "->" + groupCurrency + " " + type + " " + period;
    }
}
