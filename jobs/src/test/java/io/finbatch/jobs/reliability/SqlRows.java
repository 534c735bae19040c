package io.finbatch.jobs.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The first column of a query's rows as strings, for tests that look into a child JVM's database. */
public final class SqlRows {

    private SqlRows() {
    }

    public static List<String> strings(Connection sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
