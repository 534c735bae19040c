package io.finbatch.bench.data;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;

/** Amounts as exact minor units (long) for the generators: formatting and plausible random amounts. */
final class Money {

    private static final Map<String, Integer> DECIMALS = Map.of("EUR", 2, "USD", 2, "GBP", 2, "CHF", 2, "JPY", 0,
            "SEK", 2, "PLN", 2);

    private Money() {
    }

    static int decimals(String currency) {
        return DECIMALS.getOrDefault(currency, 2);
    }

    /** Appends an unsigned amount ({@code 1234.50}, with {@code separator} '.' or ','). */
    static void append(StringBuilder out, long minorUnits, int decimals, char separator) {
        long units = Math.abs(minorUnits);
        if (decimals == 0) {
            out.append(units);
            if (separator == ',') {
                out.append(',');
            }
            return;
        }
        long factor = decimals == 2 ? 100 : (long) Math.pow(10, decimals);
        out.append(units / factor).append(separator);
        String fraction = Long.toString(units % factor);
        for (int i = fraction.length(); i < decimals; i++) {
            out.append('0');
        }
        out.append(fraction);
    }

    static String format(long minorUnits, int decimals, char separator) {
        StringBuilder out = new StringBuilder(16);
        append(out, minorUnits, decimals, separator);
        return out.toString();
    }

    static BigDecimal toDecimal(long minorUnits, int decimals) {
        return BigDecimal.valueOf(minorUnits, decimals);
    }

    /** A positive amount, log-normally spread around {@code typical} minor units (1 .. 10^9). */
    static long randomAmount(Random random, long typical) {
        double value = Math.exp(Math.log(typical) + random.nextGaussian() * 1.4);
        return Math.max(1, Math.min(1_000_000_000L, Math.round(value)));
    }
}
