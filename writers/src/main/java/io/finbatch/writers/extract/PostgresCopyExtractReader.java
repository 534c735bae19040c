package io.finbatch.writers.extract;

import io.finbatch.writers.jdbc.PostgresCopy;
import org.postgresql.copy.CopyOut;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An extract's rows streamed out of PostgreSQL with {@code COPY (query) TO STDOUT}: the server sends the
 * ordered rows without waiting for a fetch after each batch, so it produces rows while the writer formats
 * the previous ones. Same rows, same types and the same errors as the JDBC cursor. COPY takes no bind
 * parameters, so the placeholders become typed literals; their values are the period and the as-of
 * instant ({@link ExtractParameters}), never user text.
 */
final class PostgresCopyExtractReader implements ItemStreamReader<ExtractRow> {

    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-zA-Z_][a-zA-Z0-9_]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final DataSource dataSource;
    private final ExtractDefinition definition;
    private final String sql;
    private final CopyTextRows rows;
    private Connection connection;
    private CopyOut copy;
    private long read;

    PostgresCopyExtractReader(DataSource dataSource, ExtractDefinition definition, Map<String, Object> parameters) {
        this.dataSource = dataSource;
        this.definition = definition;
        this.sql = copySql(definition, parameters);
        this.rows = new CopyTextRows(definition.name(), definition.columns());
    }

    /** Whether the definition's columns can be selected by name in a COPY (plain identifiers). */
    static boolean supports(ExtractDefinition definition) {
        return definition.columns().stream().allMatch(c -> IDENTIFIER.matcher(c.name()).matches());
    }

    static String copySql(ExtractDefinition definition, Map<String, Object> parameters) {
        List<String> names = definition.columns().stream().map(ExtractColumn::name).toList();
        String ordered = "SELECT " + String.join(", ", names) + " FROM (\n" + ExtractQuery.orderedSql(definition)
                + "\n) copied_rows";
        StringBuilder sql = new StringBuilder("COPY (");
        int i = 0;
        while (i < ordered.length()) {
            char c = ordered.charAt(i);
            int skipTo = switch (c) {
                case '\'', '"' -> closing(ordered, i + 1, String.valueOf(c));
                case '-' -> ordered.startsWith("--", i) ? closing(ordered, i + 2, "\n") : i;
                case '/' -> ordered.startsWith("/*", i) ? closing(ordered, i + 2, "*/") : i;
                default -> i;
            };
            if (skipTo > i) { // quoted text and comments are copied as they are
                sql.append(ordered, i, skipTo);
                i = skipTo;
                continue;
            }
            Matcher placeholder = c == ':' ? PLACEHOLDER.matcher(ordered).region(i, ordered.length()) : null;
            if (placeholder != null && placeholder.lookingAt() && (i == 0 || ordered.charAt(i - 1) != ':')) {
                String name = placeholder.group(1);
                if (!parameters.containsKey(name)) {
                    throw new IllegalArgumentException(definition.name() + ": no value for :" + name);
                }
                sql.append(literal(parameters.get(name)));
                i = placeholder.end();
            } else {
                sql.append(c);
                i++;
            }
        }
        return sql.append(") TO STDOUT").toString();
    }

    /** Where the quoted text or comment starting before {@code from} ends (after its closing mark). */
    private static int closing(String sql, int from, String mark) {
        int at = sql.indexOf(mark, from);
        return at < 0 ? sql.length() : at + mark.length();
    }

    private static String literal(Object value) {
        if (value instanceof LocalDate date) {
            return "DATE '" + date + "'";
        }
        if (value instanceof OffsetDateTime time) {
            return "TIMESTAMPTZ '" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) + "'";
        }
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'::text";
        }
        throw new IllegalArgumentException("no SQL literal for a parameter of type " + value.getClass().getName());
    }

    @Override
    public void open(ExecutionContext executionContext) {
        try {
            connection = dataSource.getConnection();
            copy = PostgresCopy.api(connection).copyOut(sql);
        } catch (SQLException e) {
            close();
            throw new ItemStreamException(definition.name() + ": the extract query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ExtractRow read() {
        try {
            byte[] row = copy.readFromCopy();
            if (row == null) {
                return null;
            }
            return rows.parse(row, ++read);
        } catch (SQLException e) {
            throw new ItemStreamException(definition.name() + ": reading row " + (read + 1) + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy(); // a reader closed early (a failed step): stop the server's rows
            }
        } catch (SQLException ignored) {
            // the connection goes back (or is closed) below either way
        } finally {
            copy = null;
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // nothing left to release
                }
                connection = null;
            }
        }
    }
}
