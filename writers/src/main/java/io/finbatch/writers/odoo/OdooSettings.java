package io.finbatch.writers.odoo;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach Odoo. {@code apiKey} is a secret: it comes from the environment, is never
 * logged, and {@link #toString()} masks it.
 *
 * @param maxRequestsPerSecond 0 for no limit
 * @param maxAttempts          attempts of one call on transient faults (1 = no retry)
 * @param initialBackoff       wait before the first retry; doubles each time, with jitter, capped by {@code maxBackoff}
 */
public record OdooSettings(URI url, String database, String login, String apiKey, OdooProtocol protocol,
        Duration connectTimeout, Duration readTimeout, double maxRequestsPerSecond, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff) {

    @Override
    public String toString() {
        return "OdooSettings[url=" + url + ", database=" + database + ", login=" + login + ", apiKey="
                + (apiKey == null || apiKey.isEmpty() ? "(none)" : "****") + ", protocol=" + protocol
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxRequestsPerSecond=" + maxRequestsPerSecond + ", maxAttempts=" + maxAttempts
                + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + "]";
    }
}
