package io.finbatch.readers.camt;

import io.finbatch.mappings.money.Iban;

import javax.xml.stream.XMLStreamException;

/**
 * An account's {@code Id}: {@code IBAN} or {@code Othr/Id} (version 01: {@code PrtryAcct/Id}, {@code BBAN},
 * {@code UPIC}). A value in {@code IBAN} that does not have
 * the IBAN shape is kept as the other id, never dropped.
 */
record CamtAccountIds(String iban, String other) {

    /** Reads the {@code Id} element whose start tag the cursor is on. */
    static CamtAccountIds read(XmlCursor cursor) throws XMLStreamException {
        String iban = null;
        String other = null;
        String name;
        while ((name = cursor.nextChild()) != null) {
            switch (name) {
                case "IBAN" -> {
                    String value = cursor.text();
                    String normalized = normalize(value);
                    if (normalized != null && hasIbanShape(normalized)) {
                        iban = normalized;
                    } else if (value != null) {
                        other = value;
                    }
                }
                case "BBAN", "UPIC" -> {
                    String value = cursor.text();
                    if (other == null) {
                        other = value;
                    }
                }
                case "Othr", "PrtryAcct" -> {
                    String child;
                    while ((child = cursor.nextChild()) != null) {
                        if (child.equals("Id") && other == null) {
                            other = cursor.text();
                        } else {
                            cursor.skip();
                        }
                    }
                }
                default -> cursor.skip();
            }
        }
        return new CamtAccountIds(iban, other);
    }

    private static String normalize(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isLowerCase(c)) {
                return Iban.normalize(value);
            }
        }
        return value;
    }

    /** Same shape as {@link Iban#looksLikeIban} (country, check digits, 11-30 alphanumerics), without a regex per entry. */
    static boolean hasIbanShape(String iban) {
        int n = iban.length();
        if (n < 15 || n > 34) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = iban.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (i < 2 ? !letter : i < 4 ? !digit : !(letter || digit)) {
                return false;
            }
        }
        return true;
    }
}
