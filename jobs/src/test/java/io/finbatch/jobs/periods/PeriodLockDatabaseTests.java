package io.finbatch.jobs.periods;

import io.finbatch.jobs.FinanceBatchApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The period lock holds in the database itself: plain JDBC, no application code in the way (H2 and
 * PostgreSQL subclasses).
 */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class PeriodLockDatabaseTests {

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void lockedOctober() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DELETE FROM consolidation_lineage");
            sql.execute("DELETE FROM consolidated_balance");
            sql.execute("DELETE FROM consolidation_run");
            sql.execute("DELETE FROM journal_line");
            // a LOCKED period cannot be deleted: recreate the table content under new keys each time
            sql.execute("DELETE FROM fiscal_period WHERE status <> 'LOCKED'");
            if (count(sql, "SELECT COUNT(*) FROM fiscal_period WHERE entity = 'ACME-DE' AND period = '2026-10'") == 0) {
                sql.execute("INSERT INTO fiscal_period (entity, period, start_date, end_date, status)"
                        + " VALUES ('ACME-DE', '2026-10', DATE '2026-10-01', DATE '2026-10-31', 'LOCKED')");
                sql.execute("INSERT INTO fiscal_period (entity, period, start_date, end_date, status)"
                        + " VALUES ('GROUP', '2026-10', DATE '2026-10-01', DATE '2026-10-31', 'LOCKED')");
            }
            sql.execute("INSERT INTO fiscal_period (entity, period, start_date, end_date, status)"
                    + " VALUES ('ACME-DE', '2026-11', DATE '2026-11-01', DATE '2026-11-30', 'OPEN')");
        }
    }

    @Test
    void aJournalLineCannotBeInsertedIntoALockedPeriod() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute(journalLine("L1", "2026-10-15")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("period locked")
                    .hasMessageContaining("ACME-DE");
            sql.execute(journalLine("L2", "2026-11-02"));
            assertThat(count(sql, "SELECT COUNT(*) FROM journal_line")).isEqualTo(1);
        }
    }

    @Test
    void aJournalLineCannotBeMovedIntoALockedPeriod() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(journalLine("L3", "2026-11-02"));
            assertThatThrownBy(() -> sql.execute("UPDATE journal_line SET entry_date = DATE '2026-10-31'"
                    + " WHERE source_line_id = 'L3'")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("period locked");
        }
    }

    @Test
    void aLockedPeriodCannotBeReopenedOrDeleted() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("UPDATE fiscal_period SET status = 'OPEN' WHERE entity = 'ACME-DE'"
                    + " AND period = '2026-10'")).isInstanceOf(SQLException.class).hasMessageContaining("LOCKED");
            assertThatThrownBy(() -> sql.execute("DELETE FROM fiscal_period WHERE entity = 'ACME-DE'"
                    + " AND period = '2026-10'")).isInstanceOf(SQLException.class).hasMessageContaining("LOCKED");
        }
    }

    @Test
    void consolidatedFiguresOfALockedGroupPeriodCannotBeWritten() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO consolidation_run (period, as_of, group_currency, source_lines, total_debit,"
                    + " total_credit, created_at) VALUES ('2026-10', CURRENT_TIMESTAMP, 'EUR', 0, 0, 0,"
                    + " CURRENT_TIMESTAMP)");
            assertThatThrownBy(() -> sql.execute("INSERT INTO consolidated_balance (run_id, period, group_account,"
                    + " debit, credit) VALUES ((SELECT MAX(id) FROM consolidation_run), '2026-10', '1000', 1, 0)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("period locked");
        }
    }

    private static String journalLine(String id, String date) {
        return "INSERT INTO journal_line (entity, source, source_line_id, entry_date, account, debit, credit,"
                + " currency, recorded_at) VALUES ('ACME-DE', 'TEST', '" + id + "', DATE '" + date
                + "', '4400', 10, 0, 'EUR', CURRENT_TIMESTAMP)";
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
