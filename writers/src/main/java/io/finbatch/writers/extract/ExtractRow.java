package io.finbatch.writers.extract;

import java.util.Arrays;

/**
 * One row of an extract, its values in column order: {@code String}, {@code LocalDate}, {@code BigDecimal}
 * (at the column's decimals) or {@code Long}; null where the database has none.
 */
public record ExtractRow(Object[] values) {

    public Object get(int column) {
        return values[column];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtractRow row && Arrays.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
