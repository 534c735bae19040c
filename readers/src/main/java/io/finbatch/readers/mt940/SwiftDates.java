package io.finbatch.readers.mt940;

import java.time.LocalDate;
import java.time.YearMonth;

/** SWIFT dates: {@code YYMMDD} and the {@code MMDD} entry date of :61:. */
final class SwiftDates {

    private SwiftDates() {
    }

    /**
     * {@code YYMMDD} at {@code from}; years 00-79 are 20xx, 80-99 19xx. A day past the end of the month is
     * moved to the month's last day: German banks date interest closings 30 February.
     *
     * @return the date, or null when the six characters are not a date
     */
    static LocalDate yymmdd(String text, int from) {
        if (from + 6 > text.length()) {
            return null;
        }
        int yy = twoDigits(text, from);
        int mm = twoDigits(text, from + 2);
        int dd = twoDigits(text, from + 4);
        if (yy < 0 || mm < 1 || mm > 12 || dd < 1 || dd > 31) {
            return null;
        }
        return clamped(yy < 80 ? 2000 + yy : 1900 + yy, mm, dd);
    }

    /**
     * The {@code MMDD} entry date of a :61: line, in the year that puts it closest to the value date
     * (a booking on 31 December for value 2 January is in the previous year).
     *
     * @return the date, or null when the four characters are not a month and day
     */
    static LocalDate entryDate(String text, int from, LocalDate valueDate) {
        int mm = twoDigits(text, from);
        int dd = twoDigits(text, from + 2);
        if (mm < 1 || mm > 12 || dd < 1 || dd > 31) {
            return null;
        }
        LocalDate best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int year = valueDate.getYear() - 1; year <= valueDate.getYear() + 1; year++) {
            LocalDate candidate = clamped(year, mm, dd);
            long distance = Math.abs(candidate.toEpochDay() - valueDate.toEpochDay());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static LocalDate clamped(int year, int month, int day) {
        int last = YearMonth.of(year, month).lengthOfMonth();
        return LocalDate.of(year, month, Math.min(day, last));
    }

    /** The two-digit number at {@code from}, or -1. */
    static int twoDigits(String text, int from) {
        if (from + 2 > text.length()) {
            return -1;
        }
        char a = text.charAt(from);
        char b = text.charAt(from + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }
}
