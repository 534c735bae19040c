package io.finbatch.readers.mt940;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.statement.Balance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Balance fields {@code :60F:}, {@code :60M:}, {@code :62F:}, {@code :62M:}, {@code :64:}, {@code :65:}:
 * {@code D/C}, {@code YYMMDD}, currency, amount ({@code C110522EUR3236,28}); signed, debit negative.
 */
final class BalanceField {

    private BalanceField() {
    }

    /**
     * @param type the balance type to record: {@code 60F}, {@code 62M}, {@code 64}...
     * @return the balance, or null when the text is not a balance (the caller reports it)
     */
    static Balance parse(String value, String type) {
        String text = value.strip();
        if (text.length() < 8) {
            return null;
        }
        char mark = text.charAt(0);
        if (mark != 'C' && mark != 'D') {
            return null;
        }
        LocalDate date = SwiftDates.yymmdd(text, 1);
        if (date == null) {
            return null;
        }
        int i = 7;
        String currency = null;
        if (i + 3 <= text.length() && isLetter(text.charAt(i)) && isLetter(text.charAt(i + 1))
                && isLetter(text.charAt(i + 2))) {
            currency = text.substring(i, i + 3);
            i += 3;
        }
        int end = SwiftAmount.end(text, i);
        if (end == i || end != text.length()) {
            return null;
        }
        BigDecimal amount = SwiftAmount.parse(text, i, end, CurrencyUnits.minorUnits(currency));
        if (amount == null) {
            return null;
        }
        return new Balance(mark == 'D' ? amount.negate() : amount, currency, date, type);
    }

    /** Currency of an MT942 floor limit {@code :34F:} ({@code EURD0,00}, {@code PLN0,}), or null. */
    static String floorLimitCurrency(String value) {
        String text = value.strip();
        if (text.length() >= 3 && isLetter(text.charAt(0)) && isLetter(text.charAt(1)) && isLetter(text.charAt(2))) {
            return text.substring(0, 3);
        }
        return null;
    }

    /**
     * MT942 {@code :13D:} date-time indication {@code YYMMDDhhmm+hhmm} as ISO-8601 with offset
     * ({@code 2016-10-30T17:30+00:00}); null when it is not one.
     */
    static String dateTime(String value) {
        String text = value.strip();
        LocalDate date = SwiftDates.yymmdd(text, 0);
        if (date == null || text.length() < 10) {
            return null;
        }
        int hour = SwiftDates.twoDigits(text, 6);
        int minute = SwiftDates.twoDigits(text, 8);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        StringBuilder iso = new StringBuilder(25).append(date).append('T')
                .append(text, 6, 8).append(':').append(text, 8, 10);
        if (text.length() >= 15 && (text.charAt(10) == '+' || text.charAt(10) == '-')
                && SwiftDates.twoDigits(text, 11) >= 0 && SwiftDates.twoDigits(text, 13) >= 0) {
            iso.append(text.charAt(10)).append(text, 11, 13).append(':').append(text, 13, 15);
        }
        return iso.toString();
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
