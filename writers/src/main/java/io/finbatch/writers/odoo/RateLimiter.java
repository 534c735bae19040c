package io.finbatch.writers.odoo;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket holding one token, refilled every {@code 1/permitsPerSecond}: requests leave at least
 * that far apart, so no second ever sees more than {@code permitsPerSecond} of them (a bigger bucket would
 * let a burst ride on top of the rate, up to twice the limit within one second). Thread-safe: each caller
 * reserves the next free slot under the lock and sleeps outside it, so waiting callers go in reservation
 * order without holding the lock.
 */
final class RateLimiter {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFree;

    /** @param permitsPerSecond 0 for no limit */
    RateLimiter(double permitsPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.intervalNanos = permitsPerSecond <= 0 ? 0 : Math.round(1e9 / permitsPerSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextFree = nanoTime.getAsLong();
    }

    /** Blocks until a request may go. */
    void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /** Takes the next free slot and says how long to wait for it. */
    synchronized Duration reserve() {
        if (intervalNanos == 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        long slot = now - nextFree >= 0 ? now : nextFree; // nanoTime may wrap: compare differences
        nextFree = slot + intervalNanos;
        return Duration.ofNanos(slot - now);
    }
}
