package io.finbatch.readers.mt940;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.statement.OriginalAmount;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Parses a statement line {@code :61:} (see {@link Field61}); lenient where banks commonly deviate. */
final class Field61Parser {

    private static final int REFERENCE_LENGTH = 16;

    private Field61Parser() {
    }

    /** What is wrong with a :61: field, for the caller to report with file and line. */
    static final class InvalidField61 extends RuntimeException {
        InvalidField61(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param text        the field text: the line after {@code :61:} and continuation lines joined with "\n"
     * @param minorUnits  decimals of the statement currency
     * @throws InvalidField61 when a mandatory part (value date, mark, amount, type) is missing or invalid
     */
    static Field61 parse(String text, int minorUnits) {
        int newline = text.indexOf('\n');
        String line = stripTrailing(newline < 0 ? text : text.substring(0, newline));
        String nextLines = newline < 0 ? null : text.substring(newline + 1);

        LocalDate valueDate = SwiftDates.yymmdd(line, 0);
        if (valueDate == null) {
            throw new InvalidField61("value date '" + excerpt(line, 0, 6) + "' is not a date (YYMMDD)");
        }
        int i = 6;
        LocalDate entryDate = null;
        if (isDigit(line, i)) {
            if (!isDigit(line, i + 1) || !isDigit(line, i + 2) || !isDigit(line, i + 3)) {
                throw new InvalidField61("entry date '" + excerpt(line, i, 4) + "' is not MMDD");
            }
            entryDate = SwiftDates.entryDate(line, i, valueDate);
            if (entryDate == null) {
                throw new InvalidField61("entry date '" + excerpt(line, i, 4) + "' is not MMDD");
            }
            i += 4;
        }
        boolean reversal = false;
        if (charAt(line, i) == 'R' && (charAt(line, i + 1) == 'C' || charAt(line, i + 1) == 'D')) {
            reversal = true;
            i++;
        }
        char mark = charAt(line, i);
        if (mark != 'C' && mark != 'D') {
            throw new InvalidField61("debit/credit mark missing after the dates (expected C, D, RC or RD), found '"
                    + excerpt(line, i, 2) + "'");
        }
        i++;
        String fundsCode = null;
        char funds = charAt(line, i);
        if (funds >= 'A' && funds <= 'Z') {
            fundsCode = String.valueOf(funds);
            i++;
        }
        int amountEnd = SwiftAmount.end(line, i);
        BigDecimal amount = amountEnd == i ? null : SwiftAmount.parse(line, i, amountEnd, minorUnits);
        if (amount == null) {
            throw new InvalidField61("amount missing or invalid at '" + excerpt(line, i, 8) + "'");
        }
        i = amountEnd;
        while (charAt(line, i) == ' ') {
            i++;
        }
        if (i + 4 > line.length() || !isLetter(line.charAt(i))) {
            throw new InvalidField61("transaction type (N, F or S and 3 characters) missing after the amount");
        }
        String type = stripTrailing(line.substring(i, i + 4));
        i += 4;

        String rest = line.substring(i);
        String customer;
        String bank = null;
        String extra = null;
        int slashes = rest.indexOf("//");
        if (slashes >= 0) {
            customer = rest.substring(0, slashes);
            bank = rest.substring(slashes + 2);
        } else if (rest.length() > REFERENCE_LENGTH
                && (rest.charAt(REFERENCE_LENGTH - 1) == ' ' || rest.charAt(REFERENCE_LENGTH) == ' ')) {
            // a padded 16-character reference followed by details on the same line (Rabobank)
            customer = rest.substring(0, REFERENCE_LENGTH);
            extra = rest.substring(REFERENCE_LENGTH).strip();
        } else {
            customer = rest;
        }
        String supplementary = join(extra, nextLines);
        return new Field61(valueDate, entryDate, mark == 'D' ? amount.negate() : amount,
                reversal, fundsCode, type, customerReference(customer), Text.nonBlank(bank), supplementary,
                originalAmount(supplementary));
    }

    /** The customer reference trimmed; {@code NONREF} and blanks mean there is none. */
    private static String customerReference(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("NONREF")) {
            return null;
        }
        return trimmed;
    }

    private static String join(String extra, String nextLines) {
        String details = nextLines == null ? null : nextLines.strip();
        if (details != null && details.isEmpty()) {
            details = null;
        }
        if (extra == null || extra.isEmpty()) {
            return details;
        }
        return details == null ? extra : extra + "\n" + details;
    }

    /** {@code /OCMT/CAD47,11} in the supplementary details: the original ordered amount. */
    private static OriginalAmount originalAmount(String supplementary) {
        if (supplementary == null) {
            return null;
        }
        int at = supplementary.indexOf("/OCMT/");
        if (at < 0) {
            return null;
        }
        int from = at + 6;
        if (from + 3 >= supplementary.length()) {
            return null;
        }
        String currency = supplementary.substring(from, from + 3);
        if (!CurrencyUnits.isIsoCode(currency)) {
            return null;
        }
        int end = SwiftAmount.end(supplementary, from + 3);
        BigDecimal amount = end == from + 3 ? null
                : SwiftAmount.parse(supplementary, from + 3, end, CurrencyUnits.minorUnits(currency));
        return amount == null ? null : new OriginalAmount(amount, currency, null);
    }

    private static char charAt(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private static boolean isDigit(String s, int i) {
        char c = charAt(s, i);
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) <= ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static String excerpt(String s, int from, int length) {
        if (from >= s.length()) {
            return "";
        }
        return s.substring(from, Math.min(s.length(), from + length));
    }
}
