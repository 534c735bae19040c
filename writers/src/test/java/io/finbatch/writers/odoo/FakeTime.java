package io.finbatch.writers.odoo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Time that only moves when someone sleeps: the waits are recorded, never spent. */
final class FakeTime implements Sleeper {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private long elapsedNanos;

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        elapsedNanos += duration.toNanos();
    }

    synchronized void advance(Duration duration) {
        elapsedNanos += duration.toNanos();
    }

    synchronized long nanoTime() {
        return elapsedNanos;
    }

    synchronized Instant now() {
        return START.plusNanos(elapsedNanos);
    }

    List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }

    /** @param random the backoff's jitter draw, fixed so that waits are predictable */
    OdooClients.Environment environment(double random) {
        return new OdooClients.Environment(clock(), this::nanoTime, this, () -> random);
    }
}
