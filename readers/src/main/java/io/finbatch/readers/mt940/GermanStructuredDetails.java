package io.finbatch.readers.mt940;

import io.finbatch.mappings.money.Iban;

/**
 * The German (DFÜ-Abkommen / DK) structured {@code :86:}: a 3-digit business transaction code (GVC) and
 * subfields {@code ?00} posting text, {@code ?10} primanota, {@code ?20}-{@code ?29} and {@code ?60}-{@code ?63}
 * purpose lines (with SEPA keys {@code EREF+}, {@code KREF+}, {@code MREF+}, {@code SVWZ+}, {@code ABWA+}...),
 * {@code ?30} bank code or BIC, {@code ?31} account or IBAN, {@code ?32}/{@code ?33} name, {@code ?38} IBAN
 * (Polish banks). Triodos writes the same with {@code >} instead of {@code ?}.
 */
final class GermanStructuredDetails {

    private static final String[] SEPA_KEYS = {"EREF", "KREF", "MREF", "CRED", "DEBT", "SVWZ", "ABWA", "ABWE",
        "COAM", "OAMT", "PURP", "IBAN", "BIC"};

    private GermanStructuredDetails() {
    }

    /** True when the text starts (after blanks) with three digits and a {@code ?} or {@code >}, or is only a GVC. */
    static boolean matches(String text, int start) {
        if (start + 3 > text.length()) {
            return false;
        }
        for (int i = start; i < start + 3; i++) {
            if (!Text.isDigit(text.charAt(i))) {
                return false;
            }
        }
        if (start + 3 == text.length()) {
            return true;
        }
        char separator = text.charAt(start + 3);
        return separator == '?' || separator == '>' || separator == '\n' && start + 4 < text.length()
                && (text.charAt(start + 4) == '?' || text.charAt(start + 4) == '>');
    }

    static Details86 parse(String text) {
        String flat = Text.unwrapped(text);
        int from = 0;
        while (from < flat.length() && flat.charAt(from) <= ' ') {
            from++;
        }
        Details86.Builder details = new Details86.Builder();
        details.proprietary = flat.substring(from, from + 3);
        if (from + 3 >= flat.length()) {
            return details.build();
        }
        char separator = flat.charAt(from + 3);
        String[] subfields = new String[100];
        int i = from + 3;
        while (i < flat.length()) {
            int code = subfieldCode(flat, i, separator);
            if (code < 0) {
                i++;
                continue;
            }
            int valueStart = i + 3;
            int next = nextSubfield(flat, valueStart, separator);
            String value = flat.substring(valueStart, next);
            subfields[code] = subfields[code] == null ? value : subfields[code] + value;
            i = next;
        }
        if (separator == '>') {
            return triodos(details, subfields);
        }
        details.bic(subfields[30]);
        details.account(subfields[31]);
        if (details.iban == null && subfields[38] != null) {
            String polish = Text.withoutSpaces(subfields[38].strip());
            if (Text.startsLikeIban(polish) && Iban.isValidCompact(polish)) {
                details.iban = polish;
            }
        }
        details.name = concat(subfields, 32, 33);
        purpose(details, subfields, 20, 29);
        return details.build();
    }

    /** Triodos: {@code >20} BIC and {@code >21} IBAN of the other party when they are that, else purpose. */
    private static Details86 triodos(Details86.Builder details, String[] subfields) {
        int firstPurpose = 20;
        String bic = subfields[20] == null ? null : subfields[20].strip();
        String iban = subfields[21] == null ? null : Text.withoutSpaces(subfields[21].strip());
        if (bic != null && Text.looksLikeBic(bic) && iban != null && Text.startsLikeIban(iban)
                && Iban.isValidCompact(iban)) {
            details.bic = bic;
            details.iban = iban;
            firstPurpose = 22;
        }
        purpose(details, subfields, firstPurpose, 29);
        return details.build();
    }

    private static void purpose(Details86.Builder details, String[] subfields, int first, int last) {
        StringBuilder joined = new StringBuilder(512);
        boolean keyed = false;
        for (int code = first; code <= 63; code++) {
            if (code > last && code < 60) {
                continue;
            }
            String line = subfields[code];
            if (line != null) {
                joined.append(line);
                keyed |= startsWithSepaKey(line);
            }
        }
        if (joined.length() == 0) {
            return;
        }
        if (!keyed) {
            details.remittance = Text.collapsed(spaced(subfields, first, last));
            details.structuredReference = Text.creditorReference(details.remittance);
            return;
        }
        sepaKeys(details, joined.toString());
    }

    /** Purpose lines joined with a space (unkeyed text keeps its line structure as words). */
    private static String spaced(String[] subfields, int first, int last) {
        StringBuilder out = new StringBuilder(128);
        for (int code = first; code <= 63; code++) {
            if ((code > last && code < 60) || subfields[code] == null) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(subfields[code]);
        }
        return out.toString();
    }

    /** Splits purpose text at SEPA keys ({@code EREF+...SVWZ+...}): keys may follow text without a blank. */
    private static void sepaKeys(Details86.Builder details, String purpose) {
        String prefix = null;
        String currentKey = null;
        int valueStart = 0;
        int i = purpose.indexOf('+');
        while (i >= 0) {
            String key = keyEndingAt(purpose, i);
            if (key != null) {
                int keyStart = i - key.length();
                if (currentKey == null) {
                    prefix = purpose.substring(0, keyStart);
                } else {
                    assign(details, currentKey, purpose.substring(valueStart, keyStart));
                }
                currentKey = key;
                valueStart = i + 1;
            }
            i = purpose.indexOf('+', i + 1);
        }
        if (currentKey == null) {
            details.remittance = Text.collapsed(purpose);
            return;
        }
        assign(details, currentKey, purpose.substring(valueStart));
        if (details.remittance == null) {
            details.remittance = Text.collapsed(prefix);
        }
        if (details.structuredReference == null) {
            details.structuredReference = Text.creditorReference(details.remittance);
        }
    }

    private static void assign(Details86.Builder details, String key, String value) {
        switch (key) {
            case "EREF" -> details.endToEndId = Text.nonBlank(value);
            case "SVWZ" -> details.remittance = Text.collapsed(value);
            case "IBAN" -> {
                if (details.iban == null && details.other == null) {
                    details.account(value);
                }
            }
            case "BIC" -> {
                if (details.bic == null) {
                    details.bic(value);
                }
            }
            default -> {
                // KREF, MREF, CRED, ABWA... have no place in the canonical line
            }
        }
    }

    private static boolean startsWithSepaKey(String line) {
        int start = 0;
        while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        int plus = line.indexOf('+', start);
        return (plus == start + 4 || plus == start + 3) && sepaKey(line, start, plus) != null;
    }

    /** The SEPA key that is exactly {@code text[start, end)}, or null. */
    private static String sepaKey(String text, int start, int end) {
        int length = end - start;
        if (length < 3 || length > 4 || !isUpper(text.charAt(start))) {
            return null;
        }
        for (String key : SEPA_KEYS) {
            if (key.length() == length && text.startsWith(key, start)) {
                return key;
            }
        }
        return null;
    }

    private static String keyEndingAt(String text, int plus) {
        if (plus < 3 || !isUpper(text.charAt(plus - 1))) {
            return null;
        }
        String key = plus >= 4 ? sepaKey(text, plus - 4, plus) : null;
        if (key != null) {
            return key;
        }
        int start = plus - 3;
        key = sepaKey(text, start, plus);
        return key != null && (start == 0 || !Character.isLetter(text.charAt(start - 1))) ? key : null;
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static String concat(String[] subfields, int first, int last) {
        String only = null;
        int present = 0;
        for (int code = first; code <= last; code++) {
            if (subfields[code] != null) {
                only = subfields[code];
                present++;
            }
        }
        if (present <= 1) {
            return only == null ? null : Text.nonBlank(only);
        }
        StringBuilder out = new StringBuilder(64);
        for (int code = first; code <= last; code++) {
            if (subfields[code] != null) {
                out.append(subfields[code]);
            }
        }
        return Text.nonBlank(out.toString());
    }

    private static int subfieldCode(String text, int i, char separator) {
        if (text.charAt(i) != separator || i + 2 >= text.length()) {
            return -1;
        }
        char a = text.charAt(i + 1);
        char b = text.charAt(i + 2);
        if (!Text.isDigit(a) || !Text.isDigit(b)) {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    private static int nextSubfield(String text, int from, char separator) {
        int i = text.indexOf(separator, from);
        while (i >= 0) {
            if (subfieldCode(text, i, separator) >= 0) {
                return i;
            }
            i = text.indexOf(separator, i + 1);
        }
        return text.length();
    }
}
