package io.finbatch.writers.odoo;

import java.time.Duration;

/**
 * One attempt that failed for a reason that may pass (internal to the client: {@link RetryingCaller}
 * turns it into a retry, an {@link OdooTransientException} or an {@link OdooOutcomeUnknownException}).
 */
final class TransientFailure extends RuntimeException {

    /** What we know of the request's fate: it decides whether a data-changing call may be sent again. */
    enum Fate {
        /** It never reached Odoo (connection refused, connect timeout): safe to send again. */
        NOT_DELIVERED,
        /** Odoo or a proxy answered that it did nothing (429, 503, a rolled-back serialization conflict). */
        REFUSED,
        /** It was sent and no answer came (read timeout, connection reset or closed, 502, 504): Odoo may have committed it. */
        NO_ANSWER
    }

    private final Fate fate;
    private final String errorName;
    private final Duration retryAfter;

    TransientFailure(Fate fate, String errorName, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.fate = fate;
        this.errorName = errorName;
        this.retryAfter = retryAfter;
    }

    Fate fate() {
        return fate;
    }

    String errorName() {
        return errorName;
    }

    /** The server's {@code Retry-After}, or null. */
    Duration retryAfter() {
        return retryAfter;
    }
}
