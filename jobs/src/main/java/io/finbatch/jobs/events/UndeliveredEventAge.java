package io.finbatch.jobs.events;

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

/**
 * The age of the oldest event still waiting for a delivery, read at most once per
 * {@code finbatch.metrics.cache-ttl} like the business figures; NaN until the first successful read.
 */
@Component
public class UndeliveredEventAge {

    private static final Logger log = LoggerFactory.getLogger(UndeliveredEventAge.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private double seconds = Double.NaN;
    private long readAtNanos;
    private boolean read;

    public UndeliveredEventAge(JdbcTemplate jdbc, Clock clock, @Value("${finbatch.metrics.cache-ttl:30s}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl == null || ttl.isNegative() ? Duration.ZERO : ttl;
    }

    public synchronized double seconds() {
        long now = System.nanoTime();
        if (!read || now - readAtNanos >= ttl.toNanos()) {
            try {
                OffsetDateTime oldest = jdbc.queryForObject("SELECT MIN(e.occurred_at) FROM webhook_event e"
                        + " JOIN webhook_delivery d ON d.event_id = e.id WHERE d.state = 'PENDING'",
                        (rs, i) -> rs.getObject(1, OffsetDateTime.class));
                seconds = oldest == null ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toMillis() / 1000.0);
            } catch (DataAccessException e) {
                log.warn("cannot read the oldest undelivered webhook event: {}", e.getMessage());
            }
            read = true;
            readAtNanos = now;
        }
        return seconds;
    }
}
