package io.finbatch.bench.jobs;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scratch databases on the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres; override with
 * FINBATCH_BENCH_PG_URL / FINBATCH_BENCH_PG_USER), and the backend processes that serve one of them.
 */
final class ScratchPostgres {

    private ScratchPostgres() {
    }

    static String adminUrl() {
        return System.getenv().getOrDefault("FINBATCH_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    static String user() {
        return System.getenv().getOrDefault("FINBATCH_BENCH_PG_USER", "postgres");
    }

    /** The URL of {@code name}, as the application's postgres profile connects (batched inserts rewritten). */
    static String url(String name) {
        String admin = adminUrl();
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name + "?reWriteBatchedInserts=true";
    }

    /** Drops {@code name} if it exists and creates it empty. */
    static void recreate(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl(), user(), "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
    }

    static void drop(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection(adminUrl(), user(), "");
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** The schema of the project's own Flyway migrations ({@code sql/migration}: common + postgresql). */
    static void migrate(String name) {
        Path migrations = Path.of(System.getProperty("migrations.dir", "sql/migration")).toAbsolutePath();
        Flyway.configure()
                .dataSource(url(name), user(), "")
                .locations("filesystem:" + migrations.resolve("common"), "filesystem:" + migrations.resolve("postgresql"))
                .load()
                .migrate();
    }

    /** Process ids of the backends connected to {@code database} right now. */
    static List<Integer> backends(String database) throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(adminUrl(), user(), "");
                PreparedStatement query = admin.prepareStatement(
                        "SELECT pid FROM pg_stat_activity WHERE datname = ? AND backend_type = 'client backend'")) {
            query.setString(1, database);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
        }
        return pids;
    }
}
