package io.finbatch.readers.mt940;

import java.util.Set;

/**
 * The Dutch / SEPA slash form of {@code :86:} ({@code /TRTP/SEPA OVERBOEKING/IBAN/NL..../BIC/..../NAME/...
 * /REMI/.../EREF/...}) as written by ING, Rabobank, ABN AMRO, Knab, ASN and others, including ING's
 * {@code /CNTP/account/BIC/name/city/}, {@code /REMI/USTD//text/}, {@code /REMI/STRD/CUR/reference/} and
 * Rabobank's {@code /ORDP//NAME/...}, {@code /CDTRREF/...}. Lines wrap at a fixed width and are joined as is.
 */
final class SlashKeyedDetails {

    private static final Set<String> KEYS = Set.of("TRTP", "IBAN", "BIC", "NAME", "REMI", "EREF", "CSID", "MARF",
            "CNTP", "PREF", "RTRN", "ORDP", "BENM", "ADDR", "ISDT", "ACCW", "CDTRREFTP", "CDTRREF", "SUM", "ULTC",
            "ULTD", "ULTB", "PURP", "SVCL", "CTRP", "OCMT", "CHGS", "EXCH", "TRCD", "BUSP", "CREF", "IREF", "ORIG",
            "BENB", "MREF");

    private SlashKeyedDetails() {
    }

    /** True when the text starts with a known {@code /KEY/} or carries a {@code /TRTP/} anywhere (ASN, SNS). */
    static boolean matches(String text, int start) {
        if (start < text.length() && text.charAt(start) == '/') {
            int close = text.indexOf('/', start + 1);
            if (close > start && KEYS.contains(text.substring(start + 1, close))) {
                return true;
            }
        }
        return text.contains("/TRTP/");
    }

    static Details86 parse(String text) {
        String flat = Text.unwrapped(text);
        Details86.Builder details = new Details86.Builder();
        String key = null;
        int valueStart = 0;
        int slash = flat.indexOf('/');
        while (slash >= 0) {
            int close = flat.indexOf('/', slash + 1);
            if (close < 0) {
                break;
            }
            String candidate = isKeyShaped(flat, slash + 1, close) ? flat.substring(slash + 1, close) : null;
            if (candidate != null && KEYS.contains(candidate)) {
                if (key != null) {
                    assign(details, key, flat.substring(valueStart, slash));
                }
                key = candidate;
                valueStart = close + 1;
                slash = close;
            } else {
                slash = close;
            }
        }
        if (key != null) {
            assign(details, key, flat.substring(valueStart));
        }
        if (details.structuredReference == null) {
            details.structuredReference = Text.creditorReference(details.remittance);
        }
        return details.build();
    }

    /** 3 to 9 capital letters: cheap pre-check before the set lookup. */
    private static boolean isKeyShaped(String text, int from, int to) {
        int length = to - from;
        if (length < 3 || length > 9) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static void assign(Details86.Builder details, String key, String rawValue) {
        String value = trimSlashes(rawValue);
        switch (key) {
            case "TRTP" -> details.proprietary = value;
            case "IBAN" -> details.account(value);
            case "BIC" -> details.bic(value);
            case "NAME" -> details.name = value;
            case "EREF" -> details.endToEndId = value;
            case "PREF" -> details.batchReference = value;
            case "CDTRREF" -> details.structuredReference = value;
            case "REMI" -> remittance(details, value);
            case "CNTP" -> counterparty(details, rawValue);
            case "ORDP", "BENM" -> {
                String account = firstSegment(value);
                if (account != null && details.iban == null && details.other == null) {
                    details.account(account);
                }
            }
            case "ACCW" -> {
                int comma = value.indexOf(',');
                details.account(comma < 0 ? value : value.substring(0, comma));
                if (comma >= 0) {
                    details.bic(value.substring(comma + 1).strip());
                }
            }
            default -> {
                // CSID, MARF, RTRN, ADDR, ISDT... have no place in the canonical line
            }
        }
    }

    /** {@code USTD//free text}, {@code STRD/CUR/reference}, or plain text; a second REMI adds to the first. */
    private static void remittance(Details86.Builder details, String value) {
        String text = value;
        if (text.startsWith("USTD//")) {
            text = text.substring(6);
        } else if (text.startsWith("STRD/")) {
            int last = text.lastIndexOf('/');
            String reference = Text.nonBlank(text.substring(last + 1));
            if (reference != null && details.structuredReference == null) {
                details.structuredReference = reference;
            }
            return;
        }
        String collapsed = Text.collapsed(trimSlashes(text));
        if (collapsed == null) {
            return;
        }
        details.remittance = details.remittance == null ? collapsed : details.remittance + " " + collapsed;
    }

    /** ING {@code /CNTP/account/BIC/name/city/}. */
    private static void counterparty(Details86.Builder details, String value) {
        String[] parts = value.split("/", -1);
        if (parts.length > 0) {
            details.account(parts[0]);
        }
        if (parts.length > 1) {
            details.bic(parts[1].strip());
        }
        if (parts.length > 2 && Text.nonBlank(parts[2]) != null) {
            details.name = parts[2].strip();
        }
    }

    private static String firstSegment(String value) {
        int slash = value.indexOf('/');
        return Text.nonBlank(slash < 0 ? value : value.substring(0, slash));
    }

    private static String trimSlashes(String value) {
        int start = 0;
        int end = value.length();
        while (end > start && (value.charAt(end - 1) == '/' || value.charAt(end - 1) <= ' ')) {
            end--;
        }
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        return value.substring(start, end);
    }
}
