package io.finbatch.mappings.money;

import java.util.Locale;
import java.util.regex.Pattern;

/** IBAN normalisation and the ISO 13616 mod-97 check. */
public final class Iban {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private Iban() {
    }

    /** Upper case, spaces removed; null stays null. {@code "de89 3704 ..."} and {@code "DE893704..."} compare equal. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        return value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** True when the value, once normalised, has the IBAN shape (country, check digits, BBAN). */
    public static boolean looksLikeIban(String value) {
        String iban = normalize(value);
        return iban != null && SHAPE.matcher(iban).matches();
    }

    /** True when the value, once normalised, has the IBAN shape and its check digits pass mod-97. */
    public static boolean isValid(String value) {
        return value != null && isValidCompact(normalize(value));
    }

    /**
     * The check without allocation, for hot paths: {@code iban} must already be upper case without spaces.
     * Shape {@code [A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}} and ISO 13616 mod-97 over the rearranged digits.
     */
    public static boolean isValidCompact(String iban) {
        int n = iban.length();
        if (n < 15 || n > 34 || !isUpper(iban.charAt(0)) || !isUpper(iban.charAt(1))
                || !isDigit(iban.charAt(2)) || !isDigit(iban.charAt(3))) {
            return false;
        }
        int remainder = 0;
        for (int k = 0; k < n; k++) {
            char c = iban.charAt((k + 4) % n);
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (isUpper(c)) {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** For logs and error messages: country, check digits and the last four characters only. */
    public static String mask(String value) {
        return Masking.maskAccount(value);
    }
}
