package io.finbatch.writers.staging;

import io.finbatch.writers.jdbc.PostgresCopy;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Statement lines through {@code COPY statement_line (...) FROM STDIN} (PgJDBC's {@code CopyManager}) on the
 * connection of the chunk's transaction, so the copied rows commit and roll back with the chunk. One round trip
 * and one statement per chunk instead of a bound multi-row insert per 128 rows; the server checks the unique
 * and foreign keys as for an insert, and a failing row fails the whole COPY.
 */
final class PostgresCopyStatementLines implements StatementLineInserts {

    private static final String COPY_LINES = "COPY statement_line (" + COLUMNS + ") FROM STDIN";

    private final JdbcTemplate jdbc;

    PostgresCopyStatementLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Planned at every execution, for the table as it is then ({@code prepareThreshold} 0: never a server-prepared
     * statement with a cached generic plan). A generic plan is made once per connection after five executions
     * and kept: made while {@code statement_line} was still empty (a first import into a new database, several
     * lookups per chunk), it scanned the whole table for every later chunk, each chunk slower than the one before
     * (106,637 lines in chunks of 10,000: 90 s of PostgreSQL CPU instead of 2.7). Planning for the ids at hand
     * costs a little per id (a few tenths of a second of PostgreSQL CPU for those 106,637 lines), which buys a plan
     * that follows the table as it grows.
     */
    @Override
    public void prepareLookup(PreparedStatement lookup) throws SQLException {
        lookup.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    @Override
    public void insert(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CopyTextBuffer text = new CopyTextBuffer(rows.size());
        for (Object[] row : rows) {
            text.append(row);
        }
        byte[] data = text.bytes();
        int length = text.length();
        long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = PostgresCopy.api(connection).copyIn(COPY_LINES);
            try {
                copy.writeToCopy(data, 0, length);
                return copy.endCopy();
            } catch (SQLException | RuntimeException failed) {
                if (copy.isActive()) {
                    try {
                        copy.cancelCopy();
                    } catch (SQLException notCancelled) {
                        failed.addSuppressed(notCancelled);
                    }
                }
                throw failed;
            }
        });
        if (copied != rows.size()) {
            throw new IllegalStateException("COPY wrote " + copied + " statement lines of " + rows.size());
        }
    }
}
