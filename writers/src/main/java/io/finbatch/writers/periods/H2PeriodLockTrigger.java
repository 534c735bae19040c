package io.finbatch.writers.periods;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The period lock on H2 (PostgreSQL has the same rules in PL/pgSQL, migration V5): refuses any insert,
 * update or delete of a journal line dated in a LOCKED period of its entity, of a consolidated balance of
 * a LOCKED group period, and any change to a LOCKED period itself.
 */
public class H2PeriodLockTrigger implements Trigger {

    /** SQLSTATE of a refused write, the same on both databases. */
    public static final String PERIOD_LOCKED = "FB001";

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) throws SQLException {
        table = tableName.toLowerCase(Locale.ROOT);
        try (ResultSet rs = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("ORDINAL_POSITION") - 1);
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        switch (table) {
            case "journal_line" -> {
                checkJournalLine(conn, oldRow);
                checkJournalLine(conn, newRow);
            }
            case "consolidated_balance" -> {
                checkGroupPeriod(conn, oldRow);
                checkGroupPeriod(conn, newRow);
            }
            case "fiscal_period" -> {
                if (oldRow != null && "LOCKED".equals(value(oldRow, "status"))) {
                    throw locked(value(oldRow, "entity") + " " + value(oldRow, "period")
                            + " is LOCKED and cannot be changed or removed");
                }
            }
            default -> throw new SQLException("no period lock rule for table " + table);
        }
    }

    private void checkJournalLine(Connection conn, Object[] row) throws SQLException {
        if (row == null) {
            return;
        }
        Object entity = value(row, "entity");
        Object date = value(row, "entry_date");
        try (PreparedStatement query = conn.prepareStatement("SELECT period FROM fiscal_period WHERE entity = ?"
                + " AND ? BETWEEN start_date AND end_date AND status = 'LOCKED'")) {
            query.setObject(1, entity);
            query.setObject(2, date instanceof java.time.LocalDate local ? Date.valueOf(local) : date);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    throw locked("entity " + entity + " has its period of " + date + " LOCKED (journal_line "
                            + value(row, "source_line_id") + ")");
                }
            }
        }
    }

    private void checkGroupPeriod(Connection conn, Object[] row) throws SQLException {
        if (row == null) {
            return;
        }
        Object period = value(row, "period");
        try (PreparedStatement query = conn.prepareStatement("SELECT 1 FROM fiscal_period WHERE entity = 'GROUP'"
                + " AND period = ? AND status = 'LOCKED'")) {
            query.setObject(1, period);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    throw locked("the group period " + period + " is LOCKED (consolidated_balance)");
                }
            }
        }
    }

    private Object value(Object[] row, String column) {
        Integer index = columns.get(column);
        return index == null ? null : row[index];
    }

    private static SQLException locked(String detail) {
        return new SQLException("period locked: " + detail, PERIOD_LOCKED);
    }
}
