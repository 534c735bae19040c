package io.finbatch.jobs.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for functional tests: a private in-memory H2, or a fresh database on the local PostgreSQL
 * (127.0.0.1:5432, trust auth; override with FINBATCH_TEST_PG_URL / FINBATCH_TEST_PG_USER). Under CI the
 * PostgreSQL tests never skip: an unreachable server fails them.
 */
public final class TestDatabases {

    private static final String ADMIN_URL = env("FINBATCH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("FINBATCH_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    public static String h2Url() {
        return "jdbc:h2:mem:finbatch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** Used by {@code @EnabledIf}: true when PostgreSQL answers, and always under CI (so that it fails loudly). */
    public static boolean postgresAvailable() {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return true;
        }
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL, PG_USER, "")) {
            return true;
        } catch (SQLException unreachable) {
            return false;
        }
    }

    /** Creates an empty database for one test class and returns its JDBC URL. */
    public static String createPostgresDatabase() {
        String name = "finbatch_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(ADMIN_URL, PG_USER, "");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + ADMIN_URL + " as " + PG_USER
                    + ": start it (see .ci/run) or set FINBATCH_TEST_PG_URL", e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true";
    }

    /** Points the application at a private in-memory H2. */
    public static void useH2(DynamicPropertyRegistry registry) {
        String url = h2Url();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "sa");
    }

    /** Points the application at a fresh PostgreSQL database of its own. */
    public static void usePostgres(DynamicPropertyRegistry registry) {
        String url = createPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> PG_USER);
        registry.add("spring.datasource.password", () -> "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
