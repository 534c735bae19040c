package io.finbatch.bench.data;

import java.math.BigInteger;
import java.util.Random;

/**
 * Made-up IBANs with correct ISO 13616 mod-97 check digits, and ISO 11649 creditor references
 * ({@code RF..}). Bank codes and account numbers are drawn from the generator's random source, so they
 * belong to nobody in particular.
 */
public final class Ibans {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Ibans() {
    }

    /** A German IBAN: {@code DEkk} + 8-digit bank code + 10-digit account number. */
    public static String german(Random random) {
        return withCheckDigits("DE", digits(random, 8) + digits(random, 10));
    }

    /** One of a few SEPA countries, to vary lengths and letters in the BBAN. */
    public static String sepa(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> withCheckDigits("NL", letters(random, 4) + digits(random, 10));
            case 1 -> withCheckDigits("AT", digits(random, 16));
            case 2 -> withCheckDigits("FR", digits(random, 10) + alnum(random, 11) + digits(random, 2));
            case 3 -> withCheckDigits("BE", digits(random, 12));
            default -> german(random);
        };
    }

    /** The IBAN for a country and BBAN, with the check digits that make {@code mod 97 == 1}. */
    public static String withCheckDigits(String country, String bban) {
        int remainder = mod97(bban + country + "00");
        int check = 98 - remainder;
        return country + (check < 10 ? "0" : "") + check + bban;
    }

    /** ISO 11649 structured creditor reference: {@code RF} + check digits + reference (alphanumeric). */
    public static String creditorReference(String reference) {
        int check = 98 - mod97(reference + "RF00");
        return "RF" + (check < 10 ? "0" : "") + check + reference;
    }

    /** True when an IBAN or RF reference passes mod-97 (used by the tests). */
    public static boolean passesMod97(String value) {
        return mod97(value.substring(4) + value.substring(0, 4)) == 1;
    }

    private static int mod97(String alphanumeric) {
        StringBuilder digits = new StringBuilder(alphanumeric.length() * 2);
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    /** A BIC-shaped code: 4 letters bank, country, 2 location characters, optional XXX branch. */
    public static String bic(Random random, String country) {
        return letters(random, 4) + country + alnum(random, 2) + (random.nextBoolean() ? "XXX" : "");
    }

    static String digits(Random random, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    static String letters(Random random, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }

    static String alnum(Random random, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            int n = random.nextInt(36);
            text.append((char) (n < 10 ? '0' + n : 'A' + n - 10));
        }
        return text.toString();
    }
}
