package io.finbatch.readers.mt940;

/** Small allocation-conscious string helpers shared by the field parsers. */
final class Text {

    private Text() {
    }

    /** Trimmed value, or null when null or blank. */
    static String nonBlank(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Whitespace runs (line breaks included) collapsed to one space, trimmed; null when blank. */
    static String collapsed(String value) {
        if (value == null) {
            return null;
        }
        if (isCollapsed(value)) {
            return value.isEmpty() ? null : value;
        }
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** True when {@link #collapsed} would return the value itself: single blanks only, none at either end. */
    private static boolean isCollapsed(String value) {
        int n = value.length();
        if (n == 0) {
            return true;
        }
        if (value.charAt(0) <= ' ' || value.charAt(n - 1) <= ' ') {
            return false;
        }
        boolean afterBlank = false;
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (c <= ' ') {
                if (c != ' ' || afterBlank) {
                    return false;
                }
                afterBlank = true;
            } else {
                afterBlank = false;
            }
        }
        return true;
    }

    /** The text with line breaks removed (fixed-width lines that wrap mid-word). */
    static String unwrapped(String value) {
        int lineBreak = value.indexOf('\n');
        if (lineBreak < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        int start = 0;
        while (lineBreak >= 0) {
            out.append(value, start, lineBreak);
            start = lineBreak + 1;
            lineBreak = value.indexOf('\n', start);
        }
        return out.append(value, start, value.length()).toString();
    }

    static String withoutSpaces(String value) {
        if (value.indexOf(' ') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Two letters and two digits: worth a mod-97 check. */
    static boolean startsLikeIban(String value) {
        return value.length() >= 15 && isLetter(value.charAt(0)) && isLetter(value.charAt(1))
                && isDigit(value.charAt(2)) && isDigit(value.charAt(3));
    }

    /** ISO 9362 shape: 4 letters bank, 2 letters country, 2 alphanumerics location, optional 3 branch. */
    static boolean looksLikeBic(String value) {
        int n = value.length();
        if (n != 8 && n != 11) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = value.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        for (int i = 6; i < n; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && !isDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** A creditor reference (ISO 11649): {@code RF} and two check digits, then up to 21 alphanumerics. */
    static String creditorReference(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.length() < 5 || value.charAt(0) != 'R' || value.charAt(1) != 'F' || !isDigit(value.charAt(2))
                || !isDigit(value.charAt(3))) {
            return null;
        }
        int end = 4;
        while (end < value.length() && end < 25 && isAlphanumeric(value.charAt(end))) {
            end++;
        }
        return end < value.length() && value.charAt(end) > ' ' ? null : value.substring(0, end);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAlphanumeric(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z');
    }
}
