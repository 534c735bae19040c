package io.finbatch.writers.staging;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database on the local PostgreSQL (127.0.0.1:5432, trust auth; FINBATCH_TEST_PG_URL /
 * FINBATCH_TEST_PG_USER override) holding the staging tables of the project's migration
 * {@code sql/migration/common/V2__statement_staging.sql}. Under CI an unreachable server fails the tests.
 */
final class ScratchPostgres implements AutoCloseable {

    private static final String ADMIN_URL = env("FINBATCH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("FINBATCH_TEST_PG_USER", "postgres");

    private final String name = "finbatch_wt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final DriverManagerDataSource dataSource;

    ScratchPostgres() {
        admin("CREATE DATABASE " + name);
        dataSource = new DriverManagerDataSource(
                ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true",
                USER, "");
        Path root = Path.of(System.getProperty("finbatch.projectRoot", ".."));
        try (Connection connection = dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(connection,
                    new FileSystemResource(root.resolve("sql/migration/common/V2__statement_staging.sql")));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Used by {@code @EnabledIf}: true when PostgreSQL answers, and always under CI (so that it fails loudly). */
    static boolean available() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return true;
        }
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, "")) {
            return true;
        } catch (SQLException unreachable) {
            return false;
        }
    }

    DriverManagerDataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " as " + USER + ": " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
