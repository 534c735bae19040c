package io.finbatch.readers.mt940;

import io.finbatch.mappings.money.CurrencyUnits;
import io.finbatch.mappings.money.Iban;

import java.util.Locale;

/**
 * The account identification {@code :25:}: an IBAN ({@code NL77INGB0574908765}, also with spaces), a bank
 * code or BIC and an account ({@code 50880050/0194787400888}, {@code BPHKPLPK/320000546101}), or a plain
 * account number; banks may append the currency ({@code NL34RABO0142623393 EUR}, {@code 1291.99.348EUR},
 * {@code .../HUF}). The IBAN goes to {@code iban} only when it passes mod-97; anything else to {@code other}.
 */
record AccountIdentification(String iban, String other, String bic, String currency) {

    static AccountIdentification parse(String value) {
        String text = value.strip();
        String compact = Text.withoutSpaces(text);
        if (Text.startsLikeIban(compact) && Iban.isValid(compact)) {
            return new AccountIdentification(compact.toUpperCase(Locale.ROOT), null, null, null);
        }
        String currency = null;
        int n = text.length();
        if (n > 3) {
            String suffix = text.substring(n - 3);
            char before = text.charAt(n - 4);
            if (CurrencyUnits.isIsoCode(suffix) && (Text.isDigit(before) || before == ' ' || before == '/')) {
                currency = suffix;
                text = text.substring(0, n - 3).strip();
                if (text.endsWith("/")) {
                    text = text.substring(0, text.length() - 1).strip();
                }
            }
        }
        compact = Text.withoutSpaces(text);
        if (Text.startsLikeIban(compact) && Iban.isValid(compact)) {
            return new AccountIdentification(compact.toUpperCase(Locale.ROOT), null, null, currency);
        }
        int slash = text.indexOf('/');
        if (slash > 0) {
            String left = text.substring(0, slash).strip();
            String right = text.substring(slash + 1).strip();
            if (Text.looksLikeBic(left) && !right.isEmpty()) {
                String account = Text.withoutSpaces(right);
                if (Text.startsLikeIban(account) && Iban.isValid(account)) {
                    return new AccountIdentification(account.toUpperCase(Locale.ROOT), null, left, currency);
                }
                return new AccountIdentification(null, right, left, currency);
            }
        }
        return new AccountIdentification(null, text.isEmpty() ? null : text, null, currency);
    }
}
