package io.finbatch.jobs.audit;

import io.finbatch.jobs.support.OnPostgres;
import io.finbatch.jobs.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

@OnPostgres
class AuditLogAppendOnlyPostgresTests extends AuditLogAppendOnlyDatabaseTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.usePostgres(registry);
    }

    @Test
    void theLogCannotBeTruncated() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.execute("TRUNCATE audit_log")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("append-only");
        }
    }
}
