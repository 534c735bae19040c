package io.finbatch.jobs.security;

import io.finbatch.mappings.money.Iban;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The account numbers a statement file carries, taken from the file itself: every valid IBAN anywhere in
 * it, the MT940 {@code :25:} account, and camt {@code IBAN} (valid or not) and {@code Othr/Id} identifiers.
 */
final class SampleAccountNumbers {

    private static final Pattern IBAN_CANDIDATE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern MT940_ACCOUNT = Pattern.compile("(?m)^:25:([^\\r\\n]+)");
    private static final Pattern CAMT_IBAN = Pattern.compile("<IBAN>([^<]+)</IBAN>");
    private static final Pattern CAMT_OTHER_ID = Pattern.compile("<Othr>\\s*<Id>([^<]+)</Id>");

    private SampleAccountNumbers() {
    }

    static Set<String> in(Path file) {
        String text = read(file);
        Set<String> accounts = new TreeSet<>();
        Matcher iban = IBAN_CANDIDATE.matcher(text);
        while (iban.find()) {
            if (Iban.isValid(iban.group())) {
                accounts.add(iban.group());
            }
        }
        collect(MT940_ACCOUNT, text, accounts);
        collect(CAMT_IBAN, text, accounts);
        collect(CAMT_OTHER_ID, text, accounts);
        return accounts;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1).strip());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
