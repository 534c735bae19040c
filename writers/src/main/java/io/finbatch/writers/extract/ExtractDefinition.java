package io.finbatch.writers.extract;

import java.util.List;

/**
 * An extract as its reviewed files define it ({@code sql/extracts/<name>.sql} and {@code <name>.yml}).
 *
 * @param failWhenEmpty no row stops the extract (descriptor {@code empty: fail}), with {@code emptyHint} as advice
 * @param sha256 SHA-256 of the .sql file's bytes followed by the .yml file's bytes: the definition a file
 *               was produced with, recorded in its manifest
 */
public record ExtractDefinition(String name, String kind, String description, List<ExtractParameter> parameters,
        List<ExtractColumn> columns, List<String> sort, List<ExtractFormat> formats, List<String> controlTotals,
        char csvDelimiter, boolean failWhenEmpty, String emptyHint, String sql, String sha256) {

    public ExtractDefinition {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
        sort = List.copyOf(sort);
        formats = List.copyOf(formats);
        controlTotals = List.copyOf(controlTotals);
    }

    /** Position of a column in the files; -1 when there is none of that name. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public ExtractColumn column(String columnName) {
        int index = columnIndex(columnName);
        if (index < 0) {
            throw new IllegalArgumentException(name + ": no column " + columnName);
        }
        return columns.get(index);
    }

    /** The file name of this extract for a period and format: {@code <name>_<period>.<ext>}. */
    public String fileName(String period, ExtractFormat format) {
        return name + "_" + period + "." + format.extension();
    }
}
