package io.finbatch.writers.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount read for an extract column: at the column's decimals, never rounded. */
final class ExtractAmounts {

    private ExtractAmounts() {
    }

    static BigDecimal fit(String extract, BigDecimal value, ExtractColumn column, long rowNumber) {
        if (value == null) {
            return null;
        }
        try {
            return value.setScale(column.decimals(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException tooPrecise) {
            throw new IllegalStateException(extract + ": row " + rowNumber + ", column "
                    + column.name() + ": " + value.toPlainString() + " has more than " + column.decimals()
                    + " decimals (the descriptor's); an extract never rounds silently");
        }
    }
}
