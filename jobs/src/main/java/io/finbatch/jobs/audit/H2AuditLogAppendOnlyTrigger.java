package io.finbatch.jobs.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/** The append-only rule of {@code audit_log} on H2 (PostgreSQL has it in PL/pgSQL, migration V12). */
public class H2AuditLogAppendOnlyTrigger implements Trigger {

    /** SQLSTATE of a refused change, the same on both databases. */
    public static final String APPEND_ONLY = "FB002";

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_log is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused",
                APPEND_ONLY);
    }
}
