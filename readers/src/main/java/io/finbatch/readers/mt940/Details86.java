package io.finbatch.readers.mt940;

import io.finbatch.mappings.money.Iban;

import java.util.Locale;

/**
 * What an {@code :86:} information field says about its statement line, whatever the bank's dialect.
 * Fields the text does not carry are null.
 */
record Details86(
        String counterpartyName,
        String counterpartyIban,
        String counterpartyOther,
        String counterpartyBic,
        String remittance,
        String endToEndId,
        String structuredReference,
        String proprietaryCode,
        String batchReference) {

    static final Details86 EMPTY = new Details86(null, null, null, null, null, null, null, null, null);

    /** Mutable collector for the dialect parsers. */
    static final class Builder {
        String name;
        String iban;
        String other;
        String bic;
        String remittance;
        String endToEndId;
        String structuredReference;
        String proprietary;
        String batchReference;

        /** An account: into {@code iban} when it is a valid IBAN, else into {@code other}. */
        Builder account(String value) {
            String account = Text.nonBlank(value);
            if (account == null) {
                return this;
            }
            String compact = Text.withoutSpaces(account);
            if (Text.startsLikeIban(compact) && hasLowerCase(compact)) {
                compact = compact.toUpperCase(Locale.ROOT);
            }
            if (Iban.isValidCompact(compact)) {
                iban = compact;
            } else {
                other = account;
            }
            return this;
        }

        private static boolean hasLowerCase(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 'a' && c <= 'z' || c > 0x7F) {
                    return true;
                }
            }
            return false;
        }

        Builder bic(String value) {
            String candidate = Text.nonBlank(value);
            if (candidate != null && Text.looksLikeBic(candidate)) {
                bic = candidate;
            }
            return this;
        }

        Details86 build() {
            return new Details86(Text.nonBlank(name), iban, other, bic, Text.nonBlank(remittance),
                    Text.nonBlank(endToEndId), Text.nonBlank(structuredReference), Text.nonBlank(proprietary),
                    Text.nonBlank(batchReference));
        }
    }
}
