package io.finbatch.writers.extract;

import java.util.Locale;

/** The type of an extract column: how it is read from the database and written to CSV and XLSX. */
public enum ColumnType {
    /** a string; CSV as is, XLSX a string cell */
    TEXT,
    /** a date; CSV {@code yyyy-mm-dd}, XLSX a real date (a number with a date format) */
    DATE,
    /** a decimal with a fixed number of decimals; CSV plain ({@code -1234.50}), XLSX a number */
    AMOUNT,
    /** a whole number; CSV plain, XLSX a number */
    INTEGER;

    static ColumnType of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column type '" + text + "' (text, date, amount, integer)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
