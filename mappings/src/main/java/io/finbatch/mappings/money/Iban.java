package io.finbatch.mappings.money;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** IBAN normalisation and the ISO 13616 mod-97 check. */
public final class Iban {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

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

    /** True when the value has the IBAN shape and its check digits pass mod-97. */
    public static boolean isValid(String value) {
        if (!looksLikeIban(value)) {
            return false;
        }
        String iban = normalize(value);
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** For logs and error messages: country, check digits and the last four characters only. */
    public static String mask(String value) {
        return Masking.maskAccount(value);
    }
}
