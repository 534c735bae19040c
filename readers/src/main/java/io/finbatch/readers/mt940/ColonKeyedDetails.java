package io.finbatch.readers.mt940;

/**
 * The Dutch {@code KEY: value} text of ABN AMRO SEPA bookings ({@code SEPA OVERBOEKING  IBAN: NL..  BIC: ..
 * NAAM: ..  OMSCHRIJVING: ..  KENMERK: ..}) and Knab ({@code REK: NL../NAAM: ..}). Text before the first key
 * is the transaction type (ABN AMRO, {@code SEPA ...}) or the description (Knab).
 */
final class ColonKeyedDetails {

    private static final String[] KEYS = {"IBAN:", "BIC:", "NAAM:", "OMSCHRIJVING:", "KENMERK:", "MACHTIGING:",
        "INCASSANT:", "BETALINGSKENM.:", "REK:"};

    private ColonKeyedDetails() {
    }

    static boolean matches(String text) {
        return text.contains("IBAN: ") || text.contains("NAAM: ") || text.contains("REK: ");
    }

    static Details86 parse(String text) {
        String flat = text.replace('\n', ' ');
        Details86.Builder details = new Details86.Builder();
        String key = null;
        int valueStart = 0;
        String prefix = null;
        int i = 0;
        while (i < flat.length()) {
            String found = keyAt(flat, i);
            if (found == null) {
                i++;
                continue;
            }
            if (key == null) {
                prefix = flat.substring(0, i);
            } else {
                assign(details, key, flat.substring(valueStart, i));
            }
            key = found;
            valueStart = i + found.length();
            i = valueStart;
        }
        if (key == null) {
            details.remittance = Text.collapsed(flat);
            return details.build();
        }
        assign(details, key, flat.substring(valueStart));
        String lead = Text.collapsed(prefix);
        if (lead != null) {
            if (lead.startsWith("SEPA ")) {
                details.proprietary = lead;
            } else if (details.remittance == null) {
                details.remittance = lead;
            }
        }
        return details.build();
    }

    private static void assign(Details86.Builder details, String key, String rawValue) {
        String value = Text.collapsed(stripTrailingSlash(rawValue));
        if (value == null) {
            return;
        }
        switch (key) {
            case "IBAN:", "REK:" -> details.account(value);
            case "BIC:" -> details.bic(value);
            case "NAAM:" -> details.name = value;
            case "OMSCHRIJVING:" -> details.remittance = value;
            case "KENMERK:" -> details.endToEndId = value;
            case "BETALINGSKENM.:" -> details.structuredReference = value;
            default -> {
                // MACHTIGING (mandate), INCASSANT (creditor id) have no place in the canonical line
            }
        }
    }

    /** The key starting at {@code i} when it starts a word (text start, blank or slash before it). */
    private static String keyAt(String text, int i) {
        if (i > 0) {
            char before = text.charAt(i - 1);
            if (before != ' ' && before != '/') {
                return null;
            }
        }
        for (String key : KEYS) {
            if (text.startsWith(key, i)) {
                return key;
            }
        }
        return null;
    }

    private static String stripTrailingSlash(String value) {
        String trimmed = value.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
