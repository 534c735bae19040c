package io.finbatch.writers.extract;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The query of an extract as a JDBC cursor: the definition's SQL ordered by its sort columns, its named
 * placeholders bound, read {@code fetchSize} rows at a time (on PostgreSQL the connection leaves
 * auto-commit so that the driver really uses a cursor instead of loading the whole result).
 */
public final class ExtractQuery {

    private ExtractQuery() {
    }

    /** The SQL actually run: the definition's query, wrapped to apply its sort. */
    public static String orderedSql(ExtractDefinition definition) {
        return "SELECT * FROM (\n" + definition.sql() + "\n) extract_rows ORDER BY " + String.join(", ", definition.sort());
    }

    public static JdbcCursorItemReader<ExtractRow> reader(DataSource dataSource, ExtractDefinition definition,
            Map<String, Object> parameters, int fetchSize) {
        String sql = orderedSql(definition);
        MapSqlParameterSource source = new MapSqlParameterSource(parameters);
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, source, null);
        JdbcCursorItemReader<ExtractRow> reader = new JdbcCursorItemReader<>(dataSource,
                NamedParameterUtils.substituteNamedParameters(parsed, source), new ExtractRowMapper(definition));
        reader.setPreparedStatementSetter(statement -> {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        });
        reader.setFetchSize(fetchSize);
        reader.setConnectionAutoCommit(false);
        reader.setName("extract-" + definition.name());
        reader.setSaveState(false);
        return reader;
    }

    /** Reads a row by column label into the types of the definition; an amount must fit its decimals. */
    static final class ExtractRowMapper implements RowMapper<ExtractRow> {

        private final ExtractDefinition definition;
        private final List<ExtractColumn> columns;
        private int[] positions;

        ExtractRowMapper(ExtractDefinition definition) {
            this.definition = definition;
            this.columns = definition.columns();
        }

        @Override
        public ExtractRow mapRow(ResultSet rs, int rowNum) throws SQLException {
            if (positions == null) {
                positions = new int[columns.size()];
                for (int i = 0; i < positions.length; i++) {
                    try {
                        positions[i] = rs.findColumn(columns.get(i).name());
                    } catch (SQLException missing) {
                        throw new IllegalStateException(definition.name() + ": the query has no column '"
                                + columns.get(i).name() + "' named in its descriptor", missing);
                    }
                }
            }
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                ExtractColumn column = columns.get(i);
                int at = positions[i];
                values[i] = switch (column.type()) {
                    case TEXT -> rs.getString(at);
                    case DATE -> rs.getObject(at, LocalDate.class);
                    case INTEGER -> {
                        long value = rs.getLong(at);
                        yield rs.wasNull() ? null : value;
                    }
                    case AMOUNT -> amount(rs.getBigDecimal(at), column, rowNum);
                };
            }
            return new ExtractRow(values);
        }

        private BigDecimal amount(BigDecimal value, ExtractColumn column, int rowNum) {
            if (value == null) {
                return null;
            }
            try {
                return value.setScale(column.decimals(), RoundingMode.UNNECESSARY);
            } catch (ArithmeticException tooPrecise) {
                throw new IllegalStateException(definition.name() + ": row " + (rowNum + 1) + ", column "
                        + column.name() + ": " + value.toPlainString() + " has more than " + column.decimals()
                        + " decimals (the descriptor's); an extract never rounds silently");
            }
        }
    }
}
