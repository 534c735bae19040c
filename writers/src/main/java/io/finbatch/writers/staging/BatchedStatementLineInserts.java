package io.finbatch.writers.staging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Statement lines as one batched {@code INSERT} per chunk: the portable way, used on H2. */
final class BatchedStatementLineInserts implements StatementLineInserts {

    private static final String INSERT_LINE = "INSERT INTO statement_line (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    BatchedStatementLineInserts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_LINE, rows);
        }
    }
}
