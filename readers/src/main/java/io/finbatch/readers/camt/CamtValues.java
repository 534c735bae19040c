package io.finbatch.readers.camt;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Parsing of camt leaf values (amounts, dates, indicators, references). */
final class CamtValues {

    static final String CREDIT = "CRDT";
    static final String DEBIT = "DBIT";

    private CamtValues() {
    }

    /** A value that does not have the shape its element requires. */
    static final class InvalidValueException extends IllegalArgumentException {
        InvalidValueException(String message) {
            super(message);
        }
    }

    /** An {@code Amt} value: a plain non-negative decimal. */
    static BigDecimal amount(String element, String text) {
        if (text == null) {
            throw new InvalidValueException(element + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                throw new InvalidValueException(element + " is not a decimal amount: '" + text + "'");
            }
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(element + " is not a decimal amount: '" + text + "'");
        }
    }

    /** An exchange rate: a positive decimal (any precision). */
    static BigDecimal rate(String text) {
        return amount("XchgRate", text);
    }

    /** {@code CRDT} or {@code DBIT}. */
    static String direction(String element, String text) {
        if (CREDIT.equals(text) || DEBIT.equals(text)) {
            return text;
        }
        throw new InvalidValueException(element + " must be CRDT or DBIT, not '" + text + "'");
    }

    /** The amount with the account holder's sign: debits negative. */
    static BigDecimal signed(BigDecimal amount, String direction) {
        return DEBIT.equals(direction) ? amount.negate() : amount;
    }

    /** The date part of an ISO date or date-time as written in the file ({@code 2024-02-01T10:15:00+01:00} is 2024-02-01). */
    static LocalDate date(String element, String text) {
        return date(element, null, text);
    }

    /** As {@link #date(String, String)} for {@code element/child}; the path is only built for the error. */
    static LocalDate date(String element, String child, String text) {
        if (text == null || text.length() < 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            throw notADate(element, child, text);
        }
        try {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        } catch (DateTimeException | NumberFormatException e) {
            throw notADate(element, child, text);
        }
    }

    private static InvalidValueException notADate(String element, String child, String text) {
        String path = child == null ? element : element + "/" + child;
        return new InvalidValueException(path + " is not an ISO date: '" + text + "'");
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** xs:boolean: {@code true}/{@code 1}. */
    static boolean indicator(String text) {
        return "true".equals(text) || "1".equals(text);
    }

    /** A reference, with the placeholder {@code NOTPROVIDED} meaning none. */
    static String reference(String text) {
        return text == null || text.equalsIgnoreCase("NOTPROVIDED") ? null : text;
    }
}
