package io.finbatch.writers.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's {@code COPY} through PgJDBC, for the writers that stream rows in (staged statement lines) or
 * out (extract rows): whether a connection offers it, and its API.
 */
public final class PostgresCopy {

    private PostgresCopy() {
    }

    /** True when the database is PostgreSQL reached through PgJDBC (directly or behind a pool). */
    public static boolean available(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                && connection.isWrapperFor(PGConnection.class);
    }

    public static CopyManager api(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }
}
