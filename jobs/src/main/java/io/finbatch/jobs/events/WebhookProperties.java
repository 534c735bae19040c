package io.finbatch.jobs.events;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code finbatch.webhooks.*}: the dispatcher (runs in {@code serve} only, when {@code dispatch} is true) and its
 * retry policy: a failed delivery is tried again after {@code initialBackoff}, doubling up to {@code maxBackoff},
 * until {@code giveUpAfter} has passed since its first attempt; then it is dead-lettered.
 */
@ConfigurationProperties("finbatch.webhooks")
public record WebhookProperties(Boolean dispatch, Duration pollInterval, Duration initialBackoff, Duration maxBackoff,
        Duration giveUpAfter, Duration connectTimeout, Duration requestTimeout, int concurrency, int batchSize) {

    public WebhookProperties {
        dispatch = dispatch == null || dispatch;
        pollInterval = orDefault(pollInterval, Duration.ofSeconds(5));
        initialBackoff = orDefault(initialBackoff, Duration.ofSeconds(10));
        maxBackoff = orDefault(maxBackoff, Duration.ofHours(1));
        giveUpAfter = orDefault(giveUpAfter, Duration.ofHours(24));
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(5));
        requestTimeout = orDefault(requestTimeout, Duration.ofSeconds(15));
        concurrency = concurrency <= 0 ? 4 : concurrency;
        batchSize = batchSize <= 0 ? 50 : batchSize;
    }

    /** The wait before the next attempt after {@code attempts} failed ones: doubling, capped. */
    public Duration backoffAfter(int attempts) {
        Duration wait = initialBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
