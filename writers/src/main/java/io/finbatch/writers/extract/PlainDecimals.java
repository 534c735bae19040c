package io.finbatch.writers.extract;

import java.math.BigDecimal;
import java.time.LocalDate;

/** {@code BigDecimal.toPlainString()} and {@code LocalDate.toString()} appended without building a String. */
final class PlainDecimals {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private PlainDecimals() {
    }

    static void append(StringBuilder to, BigDecimal amount) {
        int scale = amount.scale();
        if (scale < 0 || scale > 18 || amount.precision() > 18) {
            to.append(amount.toPlainString());
            return;
        }
        long unscaled = amount.unscaledValue().longValue();
        if (unscaled < 0) {
            to.append('-');
            unscaled = -unscaled;
        }
        if (scale == 0) {
            to.append(unscaled);
            return;
        }
        long pow = POWERS_OF_TEN[scale];
        to.append(unscaled / pow).append('.');
        long fraction = unscaled % pow;
        for (long limit = pow / 10; limit > fraction && limit > 1; limit /= 10) {
            to.append('0');
        }
        to.append(fraction);
    }

    static void appendIsoDate(StringBuilder to, LocalDate date) {
        int year = date.getYear();
        if (year < 1000 || year > 9999) {
            to.append(date);
            return;
        }
        int month = date.getMonthValue();
        int day = date.getDayOfMonth();
        to.append(year).append(month < 10 ? "-0" : "-").append(month).append(day < 10 ? "-0" : "-").append(day);
    }
}
