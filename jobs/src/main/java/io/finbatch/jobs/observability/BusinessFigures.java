package io.finbatch.jobs.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The business figures behind the gauges, read with one query each and kept for
 * {@code finbatch.metrics.cache-ttl} (30 s by default), so that a scrape every few seconds (or several
 * scrapers) costs the database at most one round of queries per interval. A failed read keeps the previous
 * figures (NaN before the first success) and is logged; the next scrape after the interval tries again.
 */
@Component
public class BusinessFigures {

    private static final Logger log = LoggerFactory.getLogger(BusinessFigures.class);

    /** The states of {@code odoo_outbox} (its check constraint). */
    public enum OutboxState { PENDING, SENT, CONFIRMED, SKIPPED, FAILED, DISMISSED }

    /**
     * One reading.
     *
     * @param unpostedStatementLines  staged statement lines without a CONFIRMED outbox item
     * @param outboxByState           outbox items per state (every state present, 0 when none)
     * @param oldestUnconfirmedAge    age in seconds of the oldest PENDING or SENT outbox item, 0 when none
     * @param openExceptions          {@code import_exception} rows with status OPEN
     * @param unmatchedBankLines      statement lines the bank-line mapping left UNMATCHED
     */
    public record Snapshot(double unpostedStatementLines, Map<OutboxState, Double> outboxByState,
            double oldestUnconfirmedAge, double openExceptions, double unmatchedBankLines) {

        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, unknownStates(), Double.NaN, Double.NaN,
                Double.NaN);

        private static Map<OutboxState, Double> unknownStates() {
            Map<OutboxState, Double> states = new EnumMap<>(OutboxState.class);
            for (OutboxState state : OutboxState.values()) {
                states.put(state, Double.NaN);
            }
            return Collections.unmodifiableMap(states);
        }

        public double outbox(OutboxState state) {
            return outboxByState.getOrDefault(state, Double.NaN);
        }
    }

    static final String UNPOSTED_STATEMENT_LINES = "SELECT COUNT(*) FROM statement_line l WHERE NOT EXISTS"
            + " (SELECT 1 FROM odoo_outbox o WHERE o.kind = 'STATEMENT_LINE' AND o.source_id = l.id"
            + " AND o.state = 'CONFIRMED')";
    static final String OUTBOX_BY_STATE = "SELECT state, COUNT(*) FROM odoo_outbox GROUP BY state";
    static final String OLDEST_UNCONFIRMED = "SELECT MIN(created_at) FROM odoo_outbox"
            + " WHERE state IN ('PENDING', 'SENT')";
    static final String OPEN_EXCEPTIONS = "SELECT COUNT(*) FROM import_exception WHERE status = 'OPEN'";
    static final String UNMATCHED_BANK_LINES = "SELECT COUNT(*) FROM bank_line_mapping WHERE outcome = 'UNMATCHED'";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;

    private Snapshot current = Snapshot.UNKNOWN;
    private long readAtNanos;
    private boolean read;

    public BusinessFigures(JdbcTemplate jdbc, Clock clock,
            @Value("${finbatch.metrics.cache-ttl:30s}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl == null || ttl.isNegative() ? Duration.ZERO : ttl;
    }

    /** The figures, read again when the last reading is older than the cache interval. */
    public synchronized Snapshot current() {
        long now = System.nanoTime();
        if (!read || now - readAtNanos >= ttl.toNanos()) {
            try {
                current = readNow();
            } catch (DataAccessException e) {
                log.warn("cannot read the business figures for the metrics: {}", e.getMessage());
            }
            // a failure also waits for the interval: a database in trouble is not hammered by scrapes
            read = true;
            readAtNanos = now;
        }
        return current;
    }

    /** Forgets the cached reading: the next {@link #current()} reads the database. */
    public synchronized void invalidate() {
        read = false;
    }

    Snapshot readNow() {
        double unposted = count(UNPOSTED_STATEMENT_LINES);
        Map<OutboxState, Double> states = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            states.put(state, 0.0);
        }
        List<Map.Entry<String, Long>> rows = jdbc.query(OUTBOX_BY_STATE,
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)));
        for (Map.Entry<String, Long> row : rows) {
            for (OutboxState state : OutboxState.values()) {
                if (state.name().equals(row.getKey())) {
                    states.put(state, row.getValue().doubleValue());
                }
            }
        }
        OffsetDateTime oldest = jdbc.queryForObject(OLDEST_UNCONFIRMED,
                (rs, i) -> rs.getObject(1, OffsetDateTime.class));
        double age = oldest == null ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis() / 1000.0);
        return new Snapshot(unposted, Collections.unmodifiableMap(states), age, count(OPEN_EXCEPTIONS),
                count(UNMATCHED_BANK_LINES));
    }

    private double count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
