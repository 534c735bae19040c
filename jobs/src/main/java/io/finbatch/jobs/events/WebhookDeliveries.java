package io.finbatch.jobs.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/** The deliveries of events to subscriptions ({@code webhook_delivery}): what is due, outcomes, the log. */
@Component
public class WebhookDeliveries {

    /** A delivery as the log shows it. */
    public record Delivery(long id, String eventId, String eventType, Instant occurredAt, long subscriptionId,
            String url, String state, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
            String lastError, Instant deliveredAt) {
    }

    /** What the dispatcher needs to send one delivery. The secret stays in this record, never in a log. */
    record Due(long id, Timestamp nextAttemptAt, int attempts, Timestamp retrySince, String eventId, String eventType,
            String payload, String url, String secret) {

        @Override
        public String toString() {
            return "delivery " + id + " of event " + eventId;
        }
    }

    private static final String LOG_COLUMNS = "SELECT d.id, d.event_id, e.type, e.occurred_at, d.subscription_id,"
            + " s.url, d.state, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status, d.last_error,"
            + " d.delivered_at FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id"
            + " JOIN webhook_subscription s ON s.id = d.subscription_id";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WebhookDeliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Deliveries of active subscriptions whose next attempt is due, oldest first. */
    List<Due> due(int limit) {
        return jdbc.query("SELECT d.id, d.next_attempt_at, d.attempts, d.retry_since, e.id, e.type, e.payload, s.url,"
                + " s.secret FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id"
                + " JOIN webhook_subscription s ON s.id = d.subscription_id"
                + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= ? AND s.active = TRUE"
                + " ORDER BY d.next_attempt_at, d.id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, n) -> new Due(rs.getLong(1), rs.getTimestamp(2), rs.getInt(3), rs.getTimestamp(4),
                        rs.getString(5).trim(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)),
                now());
    }

    /**
     * Takes the delivery for one attempt by moving its next attempt to the end of a lease, only while it is still
     * due: of several dispatchers (nodes) exactly one gets it, and a dispatcher that dies mid-attempt leaves it to
     * be tried again when the lease ends.
     */
    boolean claim(Due due, Instant leaseEnd) {
        return jdbc.update("UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ? AND state = 'PENDING'"
                + " AND next_attempt_at <= ?", Timestamp.from(leaseEnd), due.id(), now()) == 1;
    }

    void delivered(long id, int status) {
        Timestamp now = now();
        jdbc.update("UPDATE webhook_delivery SET state = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,"
                + " last_status = ?, last_error = NULL, delivered_at = ? WHERE id = ?", now, status, now, id);
    }

    void retryLater(long id, Integer status, String error, Instant next) {
        jdbc.update("UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = ?, last_status = ?,"
                + " last_error = ?, next_attempt_at = ? WHERE id = ?", now(), status, cut(error), Timestamp.from(next),
                id);
    }

    void deadLetter(long id, Integer status, String error) {
        jdbc.update("UPDATE webhook_delivery SET state = 'DEAD', attempts = attempts + 1, last_attempt_at = ?,"
                + " last_status = ?, last_error = ? WHERE id = ?", now(), status, cut(error), id);
    }

    /** Sends the delivery again (dead-lettered or delivered): PENDING now, with a new retry window. */
    public Delivery redeliver(long id) {
        Delivery delivery = find(id);
        if ("PENDING".equals(delivery.state())) {
            throw new IllegalStateException("delivery " + id + " is pending already: it is being tried");
        }
        Timestamp now = now();
        int changed = jdbc.update("UPDATE webhook_delivery SET state = 'PENDING', attempts = 0, retry_since = ?,"
                + " next_attempt_at = ?, delivered_at = NULL WHERE id = ? AND state = ?", now, now, id, delivery.state());
        if (changed == 0) {
            throw new IllegalStateException("delivery " + id + " changed meanwhile; look again");
        }
        return find(id);
    }

    public Delivery find(long id) {
        List<Delivery> rows = jdbc.query(LOG_COLUMNS + " WHERE d.id = ?", this::delivery, id);
        if (rows.isEmpty()) {
            throw new NoSuchElementException("no webhook delivery " + id);
        }
        return rows.get(0);
    }

    /** The latest deliveries first, optionally of one state (PENDING, DELIVERED, DEAD). */
    public List<Delivery> latest(String state, int limit) {
        StringBuilder sql = new StringBuilder(LOG_COLUMNS);
        List<Object> args = new ArrayList<>();
        if (state != null && !state.isBlank() && !"ALL".equalsIgnoreCase(state)) {
            String wanted = state.trim().toUpperCase(Locale.ROOT);
            if (!List.of("PENDING", "DELIVERED", "DEAD").contains(wanted)) {
                throw new IllegalArgumentException("state is one of PENDING, DELIVERED, DEAD");
            }
            sql.append(" WHERE d.state = ?");
            args.add(wanted);
        }
        sql.append(" ORDER BY d.id DESC FETCH FIRST ").append(Math.min(Math.max(1, limit), 1000)).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), this::delivery, args.toArray());
    }

    private Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Delivery(rs.getLong(1), rs.getString(2).trim(), rs.getString(3), instant(rs.getTimestamp(4)),
                rs.getLong(5), rs.getString(6), rs.getString(7), rs.getInt(8), instant(rs.getTimestamp(9)),
                instant(rs.getTimestamp(10)), (Integer) rs.getObject(11, Integer.class), rs.getString(12),
                instant(rs.getTimestamp(13)));
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
