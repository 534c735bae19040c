package io.finbatch.jobs.audit;

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

/** The audit log is append-only in the database itself: plain JDBC, no application code in the way. */
@SpringBootTest(classes = FinanceBatchApplication.class)
abstract class AuditLogAppendOnlyDatabaseTests {

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void oneEntry() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO audit_log (occurred_at, actor, action, target, outcome, remote_address)"
                    + " VALUES (CURRENT_TIMESTAMP, 'alice', 'PERIOD_LOCK', 'period ACME-DE 2026-10', 'SUCCEEDED',"
                    + " '10.0.0.1')");
        }
    }

    @Test
    void anEntryCannotBeUpdated() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_log SET actor = 'mallory' WHERE actor = 'alice'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThat(count(sql, "SELECT COUNT(*) FROM audit_log WHERE actor = 'mallory'")).isZero();
        }
    }

    @Test
    void anEntryCannotBeDeleted() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            long before = count(sql, "SELECT COUNT(*) FROM audit_log");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThat(count(sql, "SELECT COUNT(*) FROM audit_log")).isEqualTo(before);
        }
    }

    @Test
    void theRefusalHasItsOwnSqlState() {
        assertThatThrownBy(() -> {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.executeUpdate("DELETE FROM audit_log WHERE actor = 'alice'");
            }
        }).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(H2AuditLogAppendOnlyTrigger.APPEND_ONLY));
    }

    static long count(Statement sql, String query) throws SQLException {
        try (var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
