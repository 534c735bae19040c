package io.finbatch.writers.odoo;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: before retry {@code n} (1-based) wait a random time in
 * {@code [0, min(maxBackoff, initialBackoff * 2^(n-1))]}. Full jitter spreads the retries of many
 * clients hit by the same outage instead of sending them back in lockstep.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1), injected for tests */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || max.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
        this.random = random;
    }

    /** The ceiling of the wait before retry {@code retry} (1 = first retry). */
    Duration ceiling(int retry) {
        long initialNanos = initial.toNanos();
        long maxNanos = max.toNanos();
        int shift = Math.min(Math.max(retry - 1, 0), 62);
        long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : initialNanos << shift;
        return Duration.ofNanos(Math.min(ceiling, maxNanos));
    }

    Duration delayBeforeRetry(int retry) {
        double fraction = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        return Duration.ofNanos((long) (ceiling(retry).toNanos() * fraction));
    }

    Duration max() {
        return max;
    }
}
