package io.finbatch.writers.extract;

import io.finbatch.writers.jdbc.PostgresCopy;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The query of an extract: the definition's SQL ordered by its sort columns, its named placeholders bound.
 * Read with {@code COPY} on PostgreSQL, elsewhere as a JDBC cursor {@code fetchSize} rows at a time (the
 * connection leaves auto-commit so that a driver really uses a cursor instead of loading the whole result).
 */
public final class ExtractQuery {

    private ExtractQuery() {
    }

    /** The SQL actually run: the definition's query, wrapped to apply its sort. */
    public static String orderedSql(ExtractDefinition definition) {
        return "SELECT * FROM (\n" + definition.sql() + "\n) extract_rows ORDER BY " + String.join(", ", definition.sort());
    }

    /**
     * The rows of the extract, read ahead on a thread of their own {@code fetchSize} at a time: on
     * PostgreSQL streamed with {@code COPY} (the server does not wait for a fetch after each batch),
     * elsewhere through a JDBC cursor.
     */
    public static ItemStreamReader<ExtractRow> reader(DataSource dataSource, ExtractDefinition definition,
            Map<String, Object> parameters, int fetchSize) {
        ItemStreamReader<ExtractRow> rows = streamsWithCopy(dataSource, definition)
                ? new PostgresCopyExtractReader(dataSource, definition, parameters)
                : cursorReader(dataSource, definition, parameters, fetchSize);
        return new ReadAheadItemReader<>(rows, fetchSize, "extract-" + definition.name());
    }

    /** Whether {@link #reader} streams this extract with COPY: on PostgreSQL, columns named plainly. */
    public static boolean streamsWithCopy(DataSource dataSource, ExtractDefinition definition) {
        if (!PostgresCopyExtractReader.supports(definition)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return PostgresCopy.available(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database of the extract: " + e.getMessage(), e);
        }
    }

    /** The rows through a JDBC cursor, whatever the database. */
    public static JdbcCursorItemReader<ExtractRow> cursorReader(DataSource dataSource, ExtractDefinition definition,
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

        /** {@code rowNum} is already 1-based: the cursor reader hands the mapper its item count. */
        private BigDecimal amount(BigDecimal value, ExtractColumn column, int rowNum) {
            return ExtractAmounts.fit(definition.name(), value, column, rowNum);
        }
    }
}
