package io.finbatch.jobs.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event to the outbox ({@code webhook_event}) with one PENDING delivery per active subscription that
 * asked for its type, in the caller's transaction: the event exists exactly when the business fact committed.
 * Nothing is sent from here; the dispatcher sends after commit.
 */
@Component
public class EventOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DispatchSignal signal;

    public EventOutbox(JdbcTemplate jdbc, Clock clock, DispatchSignal signal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signal = signal;
    }

    /** Records the event; {@code facts} must hold no account number in clear. Returns the event id. */
    public UUID publish(String type, Map<String, Object> facts) {
        if (!EventTypes.ALL.contains(type)) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id.toString());
        payload.put("type", type);
        payload.put("occurredAt", now.toString());
        payload.put("data", facts);
        Timestamp at = Timestamp.from(now);
        jdbc.update("INSERT INTO webhook_event (id, type, occurred_at, payload) VALUES (?, ?, ?, ?)", id.toString(),
                type, at, JSON.writeValueAsString(payload));
        List<Long> subscribers = jdbc.queryForList("SELECT id FROM webhook_subscription WHERE active = TRUE"
                + " AND (',' || events || ',') LIKE ?", Long.class, "%," + type + ",%");
        for (Long subscription : subscribers) {
            jdbc.update("INSERT INTO webhook_delivery (event_id, subscription_id, state, attempts, created_at,"
                    + " retry_since, next_attempt_at) VALUES (?, ?, 'PENDING', 0, ?, ?, ?)", id.toString(),
                    subscription, at, at, at);
        }
        if (!subscribers.isEmpty()) {
            wakeDispatcherAfterCommit();
        }
        return id;
    }

    private void wakeDispatcherAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.eventCommitted();
                }
            });
        } else {
            signal.eventCommitted();
        }
    }
}
