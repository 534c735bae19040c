package io.finbatch.writers.staging;

import io.finbatch.mappings.statement.AccountId;
import io.finbatch.mappings.statement.Balance;
import io.finbatch.mappings.statement.Counterparty;
import io.finbatch.mappings.statement.OriginalAmount;
import io.finbatch.mappings.statement.StatementEvent;
import io.finbatch.mappings.statement.StatementHeader;
import io.finbatch.mappings.statement.StatementLine;
import io.finbatch.mappings.statement.TransactionCode;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stages a chunk of statement events of one file: statements into {@code bank_statement}, booked lines
 * into {@code statement_line}. A line whose unique import id is already staged (same file imported
 * before, an overlapping statement, an intraday report seen earlier) is counted as a duplicate and not
 * inserted. Writing the same chunk twice changes nothing, so a chunk re-written by the step is safe.
 * Pending and information lines are not staged. The new lines of a chunk go in with one {@code COPY} on
 * PostgreSQL, a batched insert elsewhere ({@link StatementLineInserts}), in the chunk's transaction.
 */
public class StatementStagingWriter implements ItemWriter<StatementEvent> {

    private final JdbcTemplate jdbc;
    private final long fileId;
    private final Clock clock;
    private final StatementLineInserts lineInserts;
    private final Map<Integer, Long> statementIds = new HashMap<>();

    /** A writer that inserts lines the way {@link StatementLineInserts#forDatabase} chooses for this database. */
    public StatementStagingWriter(JdbcTemplate jdbc, long fileId, Clock clock) {
        this(jdbc, fileId, clock, StatementLineInserts.forDatabase(jdbc));
    }

    public StatementStagingWriter(JdbcTemplate jdbc, long fileId, Clock clock, StatementLineInserts lineInserts) {
        this.jdbc = jdbc;
        this.fileId = fileId;
        this.clock = clock;
        this.lineInserts = lineInserts;
    }

    @Override
    public void write(Chunk<? extends StatementEvent> chunk) {
        resolveStatementIds(chunk);
        Map<String, LineToStage> lines = new LinkedHashMap<>();
        Map<Long, long[]> countsByStatement = new LinkedHashMap<>();
        List<Object[]> trailers = new ArrayList<>();
        for (StatementEvent event : chunk) {
            if (event instanceof StatementEvent.Line lineEvent && lineEvent.line().booked()) {
                long statementId = statementIds.get(lineEvent.header().index());
                StatementLine line = lineEvent.line();
                long[] counts = countsByStatement.computeIfAbsent(statementId, id -> new long[2]);
                if (lines.putIfAbsent(line.uniqueImportId(), new LineToStage(statementId, lineEvent.header(), line))
                        != null) {
                    counts[1]++; // the same booking twice within this chunk
                }
            } else if (event instanceof StatementEvent.Ended ended) {
                trailers.add(trailerRow(statementIds.get(ended.header().index()), ended));
            }
        }
        Map<String, Long> alreadyStaged = alreadyStaged(lines.keySet());
        List<Object[]> inserts = new ArrayList<>(lines.size());
        // microseconds, as the database keeps it: both ways of inserting store the very same value
        Timestamp now = Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        for (Map.Entry<String, LineToStage> entry : lines.entrySet()) {
            long statementId = entry.getValue().statementId();
            long[] counts = countsByStatement.get(statementId);
            Long stagedUnder = alreadyStaged.get(entry.getKey());
            if (stagedUnder != null && stagedUnder == statementId) {
                continue; // written and counted by an earlier attempt at this very file
            } else if (stagedUnder != null) {
                counts[1]++;
            } else {
                counts[0]++;
                inserts.add(lineRow(entry.getValue(), now));
            }
        }
        lineInserts.insert(inserts);
        if (!trailers.isEmpty()) {
            jdbc.batchUpdate("UPDATE bank_statement SET opening_amount = ?, opening_date = ?, opening_type = ?,"
                    + " closing_amount = ?, closing_date = ?, closing_type = ?, available_amount = ?,"
                    + " available_date = ? WHERE id = ?", trailers);
        }
        List<Object[]> counted = new ArrayList<>(countsByStatement.size());
        for (Map.Entry<Long, long[]> counts : countsByStatement.entrySet()) {
            counted.add(new Object[] {counts.getValue()[0], counts.getValue()[1], counts.getKey()});
        }
        if (!counted.isEmpty()) {
            jdbc.batchUpdate("UPDATE bank_statement SET lines_imported = lines_imported + ?,"
                    + " lines_duplicate = lines_duplicate + ? WHERE id = ?", counted);
        }
    }

    /**
     * The row ids of the chunk's statements, inserting the rows of those seen for the first time: one lookup,
     * one batched insert and one more lookup per chunk, not three statements per statement.
     */
    private void resolveStatementIds(Chunk<? extends StatementEvent> chunk) {
        Map<Integer, StatementHeader> unknown = new LinkedHashMap<>();
        for (StatementEvent event : chunk) {
            StatementHeader header = event instanceof StatementEvent.Started started ? started.header()
                    : event instanceof StatementEvent.Line line ? line.header()
                    : event instanceof StatementEvent.Ended ended ? ended.header() : null;
            if (header != null && !statementIds.containsKey(header.index())) {
                unknown.putIfAbsent(header.index(), header);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        statementIds.putAll(stagedStatements(unknown.keySet()));
        List<Object[]> inserts = new ArrayList<>();
        for (StatementHeader header : unknown.values()) {
            if (!statementIds.containsKey(header.index())) {
                inserts.add(statementRow(header));
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO bank_statement (statement_file_id, statement_index, statement_ref,"
                    + " account_iban, account_other, account_bic, currency, electronic_sequence, legal_sequence,"
                    + " created_at_text, opening_amount, opening_date, opening_type, source_location)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
            statementIds.putAll(stagedStatements(unknown.keySet()));
        }
    }

    /** Statement index to row id, for those of the given indexes already staged for this file. */
    private Map<Integer, Long> stagedStatements(Set<Integer> indexes) {
        Map<Integer, Long> found = new HashMap<>();
        Integer[] wanted = indexes.toArray(Integer[]::new);
        jdbc.query(connection -> {
            PreparedStatement query = connection.prepareStatement("SELECT statement_index, id FROM bank_statement"
                    + " WHERE statement_file_id = ? AND statement_index = ANY (?)");
            query.setLong(1, fileId);
            query.setArray(2, connection.createArrayOf("INTEGER", wanted));
            return query;
        }, rs -> {
            found.put(rs.getInt(1), rs.getLong(2));
        });
        return found;
    }

    private Object[] statementRow(StatementHeader header) {
        AccountId account = header.account() == null ? new AccountId(null, null, null, null) : header.account();
        Balance opening = header.openingBalance();
        return new Object[] {fileId, header.index(), header.id(), account.iban(), account.other(), account.bic(),
            account.currency(), header.electronicSequence(), header.legalSequence(), header.createdAt(),
            opening == null ? null : opening.amount(), opening == null ? null : date(opening.date()),
            opening == null ? null : opening.type(), header.location()};
    }

    private record LineToStage(long statementId, StatementHeader header, StatementLine line) {
    }

    /**
     * Unique import id to the statement row it is staged under, for the ids already staged. One array parameter
     * ({@code = ANY(?)}), not an {@code IN} list of one parameter per id: PostgreSQL plans a prepared statement
     * once for all chunks after a few executions, and the plan it made for {@code IN} with 500 parameters while
     * the table was still small scanned the whole table for every chunk until the table was next analysed (each
     * chunk slower than the one before). A cached plan for {@code = ANY} can go the same way (see
     * {@link PostgresCopyStatementLines#prepareLookup}), so on PostgreSQL the lookup is planned at each execution.
     */
    private Map<String, Long> alreadyStaged(Set<String> ids) {
        Map<String, Long> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 1000) {
            String[] slice = all.subList(from, Math.min(all.size(), from + 1000)).toArray(String[]::new);
            jdbc.query(connection -> {
                PreparedStatement query = connection.prepareStatement(
                        "SELECT unique_import_id, bank_statement_id FROM statement_line WHERE unique_import_id = ANY (?)");
                query.setArray(1, connection.createArrayOf("VARCHAR", slice));
                lineInserts.prepareLookup(query);
                return query;
            }, rs -> {
                found.put(rs.getString(1), rs.getLong(2));
            });
        }
        return found;
    }

    private static Object[] trailerRow(long statementId, StatementEvent.Ended ended) {
        Balance opening = ended.trailer().openingBalance();
        Balance closing = ended.trailer().closingBalance();
        Balance available = ended.trailer().availableBalance();
        return new Object[] {
            opening == null ? null : opening.amount(), opening == null ? null : date(opening.date()),
            opening == null ? null : opening.type(),
            closing == null ? null : closing.amount(), closing == null ? null : date(closing.date()),
            closing == null ? null : closing.type(),
            available == null ? null : available.amount(), available == null ? null : date(available.date()),
            statementId};
    }

    private static Object[] lineRow(LineToStage staged, Timestamp now) {
        StatementLine line = staged.line();
        AccountId account = staged.header().account();
        Counterparty cp = line.counterparty() == null ? new Counterparty(null, null, null, null) : line.counterparty();
        TransactionCode code = line.transactionCode() == null
                ? new TransactionCode(null, null, null, null, null) : line.transactionCode();
        OriginalAmount original = line.originalAmount();
        return new Object[] {
            line.uniqueImportId(), staged.statementId(), account == null ? null : account.key(),
            date(line.bookingDate()), date(line.valueDate()), line.amount(), line.currency(), line.reversal(),
            line.bankReference(), line.customerReference(), line.endToEndId(), line.batchReference(),
            cp.name(), cp.iban(), cp.other(), cp.bic(), line.remittance(), line.structuredReference(),
            code.domain(), code.family(), code.subFamily(), code.proprietary(), code.swift(),
            original == null ? null : original.amount(), original == null ? null : original.currency(),
            original == null ? null : original.rate(), line.rawInformation(), line.location(), now
        };
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
