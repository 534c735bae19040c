package io.finbatch.writers.extract;

/**
 * One column of an extract, in file order.
 *
 * @param name     the SQL column label it is read from
 * @param header   the header written in the files
 * @param type     text, date, amount or integer
 * @param decimals decimals of an amount (exact: a value with more stops the extract); 0 otherwise
 * @param format   the XLSX number or date format
 * @param width    the XLSX column width, in characters
 */
public record ExtractColumn(String name, String header, ColumnType type, int decimals, String format, int width) {

    public ExtractColumn {
        if (header == null || header.isBlank()) {
            header = name;
        }
        if (format == null || format.isBlank()) {
            format = switch (type) {
                case AMOUNT -> decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
                case DATE -> "yyyy-mm-dd";
                case INTEGER -> "0";
                case TEXT -> "@";
            };
        }
        if (width <= 0) {
            width = switch (type) {
                case AMOUNT -> 16;
                case DATE -> 12;
                case INTEGER -> 12;
                case TEXT -> Math.max(12, Math.min(40, header.length() + 2));
            };
        }
    }

    public boolean numeric() {
        return type == ColumnType.AMOUNT || type == ColumnType.INTEGER;
    }
}
