package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTests {

    @Test
    void ceilingDoublesFromTheInitialBackoffUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.5);

        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(200)).as("no overflow").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterDrawsBetweenZeroAndTheCeiling() {
        assertThat(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.0).delayBeforeRetry(3))
                .isEqualTo(Duration.ZERO);
        assertThat(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.25).delayBeforeRetry(3))
                .isEqualTo(Duration.ofMillis(200));
        assertThat(new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), () -> 0.999).delayBeforeRetry(9))
                .isEqualTo(Duration.ofMillis(999));
    }

    @Test
    void aMaximumBelowTheInitialBackoffIsRaisedToIt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 1.0);

        assertThat(backoff.max()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayBeforeRetry(5)).isEqualTo(Duration.ofSeconds(2));
    }
}
