package io.finbatch.readers.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Wrong balances: one digit of an amount changed, so the statement no longer adds up. */
final class AmountMutations {

    /** {@code 15234,56} (MT940) or {@code 12500.00} (camt): digits, a decimal separator, digits. */
    private static final Pattern AMOUNT = Pattern.compile("[0-9]+[,.][0-9]*");

    private AmountMutations() {
    }

    static List<Mutation> all() {
        return List.of(Mutation.of("amount-digit", AmountMutations::changeDigit));
    }

    static Mutant changeDigit(byte[] seed, Random random) {
        String text = new String(seed, StandardCharsets.ISO_8859_1);
        List<Integer> digits = new ArrayList<>();
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    digits.add(i);
                }
            }
        }
        if (digits.isEmpty()) {
            return ByteMutations.flipBits(seed, random);
        }
        int at = digits.get(random.nextInt(digits.size()));
        char old = text.charAt(at);
        char digit = (char) ('0' + (old - '0' + 1 + random.nextInt(9)) % 10);
        byte[] out = seed.clone();
        out[at] = (byte) digit;
        return new Mutant(out, "amount digit at byte " + at + " changed " + old + " -> " + digit);
    }
}
