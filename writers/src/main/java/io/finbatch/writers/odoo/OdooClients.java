package io.finbatch.writers.odoo;

import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Creates {@link OdooClient}s. Settings left null take the defaults below; the transport is chosen on
 * first use when the protocol is {@code AUTO} (JSON-2 on Odoo 19+ where it answers, JSON-RPC otherwise).
 */
public final class OdooClients {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Odoo's own worker limit ({@code limit_time_real}) is 120 s: waiting longer is pointless. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

    private OdooClients() {
    }

    public static OdooClient create(OdooSettings settings) {
        return create(settings, Map.of());
    }

    /**
     * @param context Odoo context sent with every model call, e.g. {@code {"allowed_company_ids": [1]}} to
     *                work in one company of a multi-company database, or {@code {"lang": "en_US"}}
     */
    public static OdooClient create(OdooSettings settings, Map<String, Object> context) {
        return create(settings, context, Environment.real());
    }

    static OdooClient create(OdooSettings settings, Map<String, Object> context, Environment environment) {
        OdooSettings checked = withDefaults(settings);
        Map<String, Object> fixedContext = context == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(context));
        RateLimiter rateLimiter = new RateLimiter(checked.maxRequestsPerSecond(), environment.nanoTime(),
                environment.sleeper());
        OdooHttp http = new OdooHttp(checked, rateLimiter);
        RetryingCaller retrying = new RetryingCaller(checked.maxAttempts(),
                new Backoff(checked.initialBackoff(), checked.maxBackoff(), environment.random()), environment.sleeper());
        JsonRpcTransport jsonRpc = new JsonRpcTransport(checked, http, retrying, environment.clock(), fixedContext);
        Json2Transport json2 = new Json2Transport(checked, http, retrying, environment.clock(), fixedContext);
        return new OdooApiClient(checked, jsonRpc, json2, environment.nanoTime());
    }

    /** The settings with nulls replaced by defaults; refuses what cannot work. */
    static OdooSettings withDefaults(OdooSettings s) {
        if (s == null) {
            throw new IllegalArgumentException("Odoo settings are missing");
        }
        if (s.url() == null || s.url().getScheme() == null
                || !(s.url().getScheme().equals("http") || s.url().getScheme().equals("https"))) {
            throw new IllegalArgumentException("Odoo url must be an http(s) URL, was " + s.url());
        }
        requireText(s.database(), "database");
        requireText(s.login(), "login");
        requireText(s.apiKey(), "API key");
        if (s.maxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retry), was " + s.maxAttempts());
        }
        if (s.maxRequestsPerSecond() < 0 || Double.isNaN(s.maxRequestsPerSecond())) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be 0 (no limit) or more");
        }
        return new OdooSettings(s.url(), s.database(), s.login(), s.apiKey(),
                s.protocol() == null ? OdooProtocol.AUTO : s.protocol(),
                positive(s.connectTimeout(), DEFAULT_CONNECT_TIMEOUT, "connectTimeout"),
                positive(s.readTimeout(), DEFAULT_READ_TIMEOUT, "readTimeout"),
                s.maxRequestsPerSecond(), s.maxAttempts(),
                notNegative(s.initialBackoff(), DEFAULT_INITIAL_BACKOFF, "initialBackoff"),
                notNegative(s.maxBackoff(), DEFAULT_MAX_BACKOFF, "maxBackoff"));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Odoo " + name + " is missing");
        }
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    private static Duration notNegative(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
        return value;
    }

    /** Time, waiting and chance, replaced in tests so that they never wait for real. */
    record Environment(Clock clock, LongSupplier nanoTime, Sleeper sleeper, DoubleSupplier random) {

        static Environment real() {
            return new Environment(Clock.systemUTC(), System::nanoTime, Sleeper.REAL,
                    () -> ThreadLocalRandom.current().nextDouble());
        }
    }
}
