package io.finbatch.readers.mt940;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** SWIFT amounts: digits with a decimal comma ({@code 1234,5}, {@code 1234,}, {@code ,50}). */
final class SwiftAmount {

    private SwiftAmount() {
    }

    /** Index just past the amount starting at {@code from}: digits and at most one comma or dot. */
    static int end(String text, int from) {
        int i = from;
        boolean separator = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                i++;
            } else if ((c == ',' || c == '.') && !separator) {
                separator = true;
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * The amount in {@code text[from, to)} with the currency's {@code minorUnits} decimals (no rounding:
     * more decimals than the currency has are kept when they are not zeros).
     *
     * @return the amount, or null when there is no digit
     */
    static BigDecimal parse(String text, int from, int to, int minorUnits) {
        long units = 0;
        int scale = 0;
        boolean inFraction = false;
        boolean digits = false;
        int significant = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '.') {
                inFraction = true;
                continue;
            }
            digits = true;
            if (units != 0 || c != '0') {
                significant++;
            }
            if (significant > 17) {
                return slowParse(text, from, to, minorUnits);
            }
            units = units * 10 + (c - '0');
            if (inFraction) {
                scale++;
            }
        }
        if (!digits) {
            return null;
        }
        return scaled(BigDecimal.valueOf(units, scale), minorUnits);
    }

    private static BigDecimal scaled(BigDecimal amount, int minorUnits) {
        if (amount.scale() <= minorUnits) {
            return amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() > minorUnits ? stripped : amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    }

    private static BigDecimal slowParse(String text, int from, int to, int minorUnits) {
        String plain = text.substring(from, to).replace(',', '.');
        if (plain.endsWith(".")) {
            plain = plain.substring(0, plain.length() - 1);
        }
        if (plain.startsWith(".")) {
            plain = "0" + plain;
        }
        return scaled(new BigDecimal(plain), minorUnits);
    }
}
