package io.finbatch.mappings.consolidation;

import java.util.List;
import java.util.stream.Collectors;

/** Rates the source lines need are not in the rate table; lists every one. */
public final class MissingRatesException extends ConsolidationException {

    private final List<RateKey> missing;

    public MissingRatesException(List<RateKey> missing) {
        super("missing exchange rate(s): " + missing.stream().map(RateKey::toString).collect(Collectors.joining("; ")));
        this.missing = List.copyOf(missing);
    }

    public List<RateKey> missing() {
        return missing;
    }
}
