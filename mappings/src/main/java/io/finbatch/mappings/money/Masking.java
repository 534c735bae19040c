package io.finbatch.mappings.money;

/** Masks account numbers, IBANs and keys before they reach a log line or an error message. */
public final class Masking {

    private Masking() {
    }

    /**
     * {@code DE89370400440532013000} becomes {@code DE89**************3000}; short values keep
     * their last two characters only. Null stays null.
     */
    public static String maskAccount(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("\\s+", "");
        int n = compact.length();
        if (n <= 4) {
            return "*".repeat(n);
        }
        if (n <= 8) {
            return "*".repeat(n - 2) + compact.substring(n - 2);
        }
        boolean ibanLike = Character.isLetter(compact.charAt(0)) && Character.isLetter(compact.charAt(1));
        int head = ibanLike ? 4 : 0;
        return compact.substring(0, head) + "*".repeat(n - head - 4) + compact.substring(n - 4);
    }
}
