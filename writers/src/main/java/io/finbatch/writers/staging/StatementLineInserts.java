package io.finbatch.writers.staging;

import io.finbatch.writers.jdbc.PostgresCopy;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * How the staging writer inserts the new lines of a chunk into {@code statement_line}, inside the chunk's
 * transaction: one row per line, the values in the order of {@link #COLUMNS}. Chosen once per database by
 * {@link #forDatabase(JdbcTemplate)}: {@code COPY ... FROM STDIN} on PostgreSQL, batched {@code INSERT}
 * elsewhere (H2). Either way the rows are written completely or the statement fails and nothing of it stays.
 */
public interface StatementLineInserts {

    /** The columns the staging writer fills, in the order of a row's values. */
    String COLUMNS = "unique_import_id, bank_statement_id,"
            + " account_key, booking_date, value_date, amount, currency, reversal, bank_reference, customer_reference,"
            + " end_to_end_id, batch_reference, counterparty_name, counterparty_iban, counterparty_other,"
            + " counterparty_bic, remittance, structured_reference, tx_domain, tx_family, tx_sub_family,"
            + " tx_proprietary, tx_swift, original_amount, original_currency, exchange_rate, raw_information,"
            + " source_location, imported_at";

    /**
     * Inserts the rows. A value is null, a {@link String}, {@link Long}, {@link Boolean},
     * {@link java.math.BigDecimal}, {@link java.sql.Date} or {@link java.sql.Timestamp}.
     */
    void insert(List<Object[]> rows);

    /**
     * Prepares the statement that looks up which unique import ids of a chunk are staged already
     * ({@code unique_import_id = ANY (?)}, one array parameter) before it runs; nothing by default.
     */
    default void prepareLookup(PreparedStatement lookup) throws SQLException {
    }

    /** COPY where the database is PostgreSQL reached through PgJDBC, batched inserts otherwise. */
    static StatementLineInserts forDatabase(JdbcTemplate jdbc) {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) PostgresCopy::available));
        return postgres ? new PostgresCopyStatementLines(jdbc) : new BatchedStatementLineInserts(jdbc);
    }
}
