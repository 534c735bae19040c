package io.finbatch.mappings.statement;

/** Whether an entry is booked on the account, or only pending / for information. */
public enum EntryStatus {
    BOOKED,
    PENDING,
    INFO;

    /** camt {@code Sts} (code or text), e.g. {@code BOOK}, {@code PDNG}, {@code INFO}; unknown values count as INFO. */
    public static EntryStatus fromCamt(String code) {
        if (code == null) {
            return BOOKED;
        }
        return switch (code.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "BOOK", "BOOKED" -> BOOKED;
            case "PDNG", "PENDING", "FUTR", "FUTURE" -> PENDING;
            default -> INFO;
        };
    }
}
