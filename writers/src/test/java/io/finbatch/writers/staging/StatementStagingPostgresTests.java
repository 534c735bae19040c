package io.finbatch.writers.staging;

import io.finbatch.mappings.statement.AccountId;
import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.EntryStatus;
import io.finbatch.mappings.statement.OriginalAmount;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.StatementTrailer;
import io.finbatch.mappings.statement.TransactionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The staging writer on PostgreSQL, where it writes lines with {@code COPY}: the rows it stores are the ones the
 * batched insert stores (awkward text, nulls, large and long amounts), duplicates are counted as before, and
 * the copied rows go with the chunk's transaction.
 */
@EnabledIf(value = "io.finbatch.writers.staging.ScratchPostgres#available",
        disabledReason = "PostgreSQL is not reachable on 127.0.0.1:5432 (CI starts it)")
class StatementStagingPostgresTests {

    /** The staged rows in PostgreSQL's own text form; the statement by its position, not its generated id. */
    private static final String DUMP = "COPY (SELECT s.statement_index, l.unique_import_id, l.account_key,"
            + " l.booking_date, l.value_date, l.amount, l.currency, l.reversal, l.bank_reference,"
            + " l.customer_reference, l.end_to_end_id, l.batch_reference, l.counterparty_name, l.counterparty_iban,"
            + " l.counterparty_other, l.counterparty_bic, l.remittance, l.structured_reference, l.tx_domain,"
            + " l.tx_family, l.tx_sub_family, l.tx_proprietary, l.tx_swift, l.original_amount, l.original_currency,"
            + " l.exchange_rate, l.raw_information, l.source_location, l.imported_at"
            + " FROM statement_line l JOIN bank_statement s ON s.id = l.bank_statement_id ORDER BY l.unique_import_id)"
            + " TO STDOUT";

    private static final String AWKWARD = "tab\there, new\nline, crlf\r\nend, back\\slash, \\N and \\. literally,"
            + " 'single' \"double\", Ümläute ß é €, emoji 😀🏦, ≠ 東京";
    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456789Z");

    private static ScratchPostgres database;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate tx;
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @BeforeAll
    static void createDatabase() {
        database = new ScratchPostgres();
        jdbc = new JdbcTemplate(database.dataSource());
        tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void empty() {
        jdbc.update("DELETE FROM statement_line");
        jdbc.update("DELETE FROM bank_statement");
        jdbc.update("DELETE FROM statement_file");
    }

    @Test
    void postgresGetsCopy() {
        assertThat(StatementLineInserts.forDatabase(jdbc)).isInstanceOf(PostgresCopyStatementLines.class);
    }

    @Test
    void copyStoresExactlyWhatTheBatchedInsertStores() {
        List<StatementEvent> events = awkwardStatement();
        long insertFile = file("by-insert.sta");
        tx.executeWithoutResult(status -> {
            writer(insertFile, new BatchedStatementLineInserts(jdbc)).write(new Chunk<>(events));
        });
        String byInsert = dump();
        jdbc.update("DELETE FROM statement_line");

        long copyFile = file("by-copy.sta");
        tx.executeWithoutResult(status -> {
            writer(copyFile, new PostgresCopyStatementLines(jdbc)).write(new Chunk<>(events));
        });
        String byCopy = dump();

        assertThat(byInsert.lines()).hasSize(6);
        assertThat(byCopy).isEqualTo(byInsert);
        assertThat(byCopy).contains("\\\\N and \\\\. literally").contains("tab\\there, new\\nline, crlf\\r\\nend");
    }

    @Test
    void copiedValuesReadBackAsWritten() {
        long fileId = file("values.sta");
        tx.executeWithoutResult(status -> writer(fileId, StatementLineInserts.forDatabase(jdbc))
                .write(new Chunk<>(awkwardStatement())));

        Map<String, Object> awkward = jdbc.queryForMap("SELECT * FROM statement_line WHERE unique_import_id = 'awkward'");
        assertThat(awkward.get("remittance")).isEqualTo(AWKWARD);
        assertThat(awkward.get("raw_information")).isEqualTo("\\.");
        assertThat(awkward.get("customer_reference")).isEqualTo("cust\\ref ? lone"); // a lone surrogate, as getBytes
        assertThat(awkward.get("counterparty_name")).isEqualTo("Müller & Söhne \\ \"GmbH\"\t😀");
        assertThat(awkward.get("amount")).isEqualTo(new BigDecimal("99999999999999999.99999"));
        assertThat(awkward.get("reversal")).isEqualTo(true);
        assertThat(awkward.get("booking_date")).isEqualTo(Date.valueOf(LocalDate.of(2024, 2, 29)));
        assertThat(awkward.get("exchange_rate")).isEqualTo(new BigDecimal("1.1234567890"));
        assertThat(((Timestamp) awkward.get("imported_at")).toInstant())
                .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));

        Map<String, Object> sparse = jdbc.queryForMap("SELECT * FROM statement_line WHERE unique_import_id = 'sparse'");
        assertThat(sparse.get("booking_date")).isNull();
        assertThat(sparse.get("remittance")).isNull();
        assertThat(sparse.get("counterparty_name")).isNull();
        assertThat(sparse.get("original_amount")).isNull();
        assertThat(sparse.get("amount")).isEqualTo(new BigDecimal("-0.12346")); // 5 decimals, as the column keeps
        assertThat(jdbc.queryForObject("SELECT original_amount FROM statement_line WHERE unique_import_id = 'exponent'",
                BigDecimal.class)).isEqualTo(new BigDecimal("1000.00000"));
        assertThat(jdbc.queryForObject("SELECT remittance FROM statement_line WHERE unique_import_id = 'empty'",
                String.class)).isEmpty();
    }

    @Test
    void duplicatesAreCountedAsByTheBatchedInsert() {
        List<String> byInsert = duplicateScenario(new BatchedStatementLineInserts(jdbc));
        empty();
        List<String> byCopy = duplicateScenario(new PostgresCopyStatementLines(jdbc));

        assertThat(byCopy).isEqualTo(byInsert).containsExactly(
                // file, statement, imported, duplicate; then the lines staged under each
                "first.sta #1: 3 imported, 1 duplicate: a b c",
                "second.sta #1: 1 imported, 1 duplicate: d");
    }

    @Test
    void aFailingChunkLeavesNoCopiedRow() {
        long fileId = file("failing.sta");
        StatementStagingWriter writer = writer(fileId, new PostgresCopyStatementLines(jdbc));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            writer.write(new Chunk<>(awkwardStatement()));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM statement_line", Long.class)).isEqualTo(6);
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM statement_line", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bank_statement", Long.class)).isZero();
    }

    @Test
    void theUniqueConstraintStillGuardsTheCopy() {
        long fileId = file("guarded.sta");
        tx.executeWithoutResult(status -> writer(fileId, new PostgresCopyStatementLines(jdbc))
                .write(new Chunk<>(List.of(started(header(1)), booked(header(1), "a", "1.00")))));
        long statementId = jdbc.queryForObject("SELECT id FROM bank_statement", Long.class);
        Timestamp now = Timestamp.from(NOW);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> new PostgresCopyStatementLines(jdbc).insert(List.of(
                row("fresh", statementId, now), row("a", statementId, now)))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForList("SELECT unique_import_id FROM statement_line", String.class)).containsExactly("a");
    }

    /** Two files, restarts and repeats: what is staged and counted, per statement. */
    private List<String> duplicateScenario(StatementLineInserts inserts) {
        long first = file("first.sta");
        StatementHeader h1 = header(1);
        StatementStagingWriter writer = writer(first, inserts);
        write(writer, started(h1), booked(h1, "a", "1"), booked(h1, "b", "2"), booked(h1, "b", "2"));
        write(writer, booked(h1, "c", "3"), booked(h1, "a", "1")); // "a" again: written by this file already
        write(writer(first, inserts), booked(h1, "c", "3"), ended(h1)); // a restart writes the chunk again

        long second = file("second.sta");
        StatementStagingWriter other = writer(second, inserts);
        write(other, started(h1), booked(h1, "a", "1"), booked(h1, "d", "4"), ended(h1));

        return jdbc.query("SELECT f.file_name, s.statement_index, s.lines_imported, s.lines_duplicate,"
                + " (SELECT string_agg(l.unique_import_id, ' ' ORDER BY l.unique_import_id) FROM statement_line l"
                + " WHERE l.bank_statement_id = s.id) FROM bank_statement s JOIN statement_file f"
                + " ON f.id = s.statement_file_id ORDER BY f.file_name, s.statement_index",
                (rs, i) -> rs.getString(1) + " #" + rs.getInt(2) + ": " + rs.getLong(3) + " imported, "
                        + rs.getLong(4) + " duplicate: " + rs.getString(5));
    }

    private void write(StatementStagingWriter writer, StatementEvent... events) {
        tx.executeWithoutResult(status -> writer.write(new Chunk<>(List.of(events))));
    }

    private StatementStagingWriter writer(long fileId, StatementLineInserts inserts) {
        return new StatementStagingWriter(jdbc, fileId, clock, inserts);
    }

    private long file(String name) {
        return jdbc.queryForObject("INSERT INTO statement_file (sha256, file_name, size_bytes, status, received_at)"
                + " VALUES (md5(?) || md5(?), ?, 1, 'IMPORTING', now()) RETURNING id", Long.class, name, name, name);
    }

    private String dump() {
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyOut(DUMP, out);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return out.toString(StandardCharsets.UTF_8);
        });
    }

    private static List<StatementEvent> awkwardStatement() {
        StatementHeader header = header(1);
        List<StatementEvent> events = new ArrayList<>();
        events.add(started(header));
        events.add(new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1),
                new BigDecimal("99999999999999999.99999"), "EUR", true, "REF\t1", "cust\\ref \uD83D lone", "E2E\n1", "batch\r1",
                new Counterparty("Müller & Söhne \\ \"GmbH\"\t😀", "DE89370400440532013000", "other\nid", "COBADEFFXXX"),
                AWKWARD, "RF18 5390 0754 7034", new TransactionCode("PMNT", "RCDT", "ESCT", "NTRF+166", "N166"),
                new OriginalAmount(new BigDecimal("-123456.987654321"), "USD", new BigDecimal("1.123456789012345")),
                "\\.", "awkward", EntryStatus.BOOKED, "line 7\t(tab)")));
        events.add(new StatementEvent.Line(header, new StatementLine(null, LocalDate.of(1999, 12, 31),
                new BigDecimal("-0.123456789"), "EUR", false, null, null, null, null, null, null, null, null, null,
                null, "sparse", EntryStatus.BOOKED, null)));
        events.add(new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2),
                new BigDecimal("1E+3"), "EUR", false, null, null, null, null, new Counterparty(null, null, null, null),
                null, null, new TransactionCode(null, null, null, null, null),
                new OriginalAmount(new BigDecimal("1E+3"), "CHF", new BigDecimal("0.0000000001")), null, "exponent",
                EntryStatus.BOOKED, "line 9")));
        events.add(new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2),
                new BigDecimal("0"), "EUR", false, "", "", "", "", new Counterparty("", "", "", ""), "", "",
                null, null, "", "empty", EntryStatus.BOOKED, "")));
        events.add(new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3),
                new BigDecimal("-42.10"), "EUR", false, null, null, null, null, null, "x".repeat(20000), null, null,
                null, "y".repeat(20000), "long", EntryStatus.BOOKED, "line 11")));
        events.add(new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 3),
                new BigDecimal("5.5"), "EUR", false, null, null, null, null, null, "pending", null, null, null, null,
                "pending", EntryStatus.PENDING, "line 12")));
        events.add(new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 1, 4), LocalDate.of(2024, 1, 4),
                new BigDecimal("0.000005"), "EUR", false, null, null, null, null, null, "rounds up", null, null, null,
                null, "half", EntryStatus.BOOKED, "line 13")));
        events.add(ended(header));
        return events;
    }

    private static StatementHeader header(int index) {
        return new StatementHeader(index, "STMT-" + index, new AccountId("DE02120300000000202051", null, "EUR", null),
                "1", null, "2024-03-01T08:00:00+01:00",
                new Balance(new BigDecimal("100.00"), "EUR", LocalDate.of(2024, 2, 28), "F"), "line 1");
    }

    private static StatementEvent started(StatementHeader header) {
        return new StatementEvent.Started(header);
    }

    private static StatementEvent ended(StatementHeader header) {
        return new StatementEvent.Ended(header, new StatementTrailer(header.openingBalance(),
                new Balance(new BigDecimal("200.00"), "EUR", LocalDate.of(2024, 3, 1), "F"), null));
    }

    private static StatementEvent booked(StatementHeader header, String id, String amount) {
        return new StatementEvent.Line(header, new StatementLine(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 1),
                new BigDecimal(amount), "EUR", false, null, null, null, null, null, "line " + id, null, null, null,
                null, id, EntryStatus.BOOKED, "line " + id));
    }

    private static Object[] row(String id, long statementId, Timestamp now) {
        Object[] row = new Object[29];
        row[0] = id;
        row[1] = statementId;
        row[5] = BigDecimal.ONE;
        row[6] = "EUR";
        row[7] = false;
        row[28] = now;
        return row;
    }
}
