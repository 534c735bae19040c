package io.finbatch.writers.odoo;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one Odoo call, sending it again on a {@link TransientFailure} when that is safe:
 * <ul>
 * <li>a request that never reached Odoo, or that Odoo refused without doing anything (429, 503, a rolled
 * back serialization conflict), is sent again whatever the method;</li>
 * <li>a request sent without an answer (read timeout, connection lost, 502/504) is sent again only when
 * it reads; one that changes data fails at once with {@link OdooOutcomeUnknownException}, because Odoo
 * may have committed it and a second {@code create} would duplicate the record.</li>
 * </ul>
 * Waits follow {@link Backoff}, or the server's {@code Retry-After} when it gives one. A {@code Retry-After}
 * longer than {@code maxBackoff} ends the call at once: Odoo says it is away for longer than we are willing
 * to wait. Business, access and protocol errors pass through untouched: retrying cannot change them.
 */
final class RetryingCaller {

    private static final Logger log = LoggerFactory.getLogger(RetryingCaller.class);

    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;

    RetryingCaller(int maxAttempts, Backoff backoff, Sleeper sleeper) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /**
     * @param what        names the call in messages, e.g. {@code account.move.create}
     * @param changesData true for calls that must not be repeated once they may have reached Odoo
     */
    <T> T call(String what, boolean changesData, Supplier<T> attempt) {
        for (int attemptNumber = 1; ; attemptNumber++) {
            try {
                return attempt.get();
            } catch (TransientFailure failure) {
                if (changesData && failure.fate() == TransientFailure.Fate.NO_ANSWER) {
                    throw new OdooOutcomeUnknownException(failure.errorName(), what + ": " + failure.getMessage()
                            + "; Odoo may have committed it, so it is not sent again: look for it before resending",
                            failure.getCause());
                }
                if (attemptNumber >= maxAttempts || Thread.currentThread().isInterrupted()) {
                    throw new OdooTransientException(failure.errorName(), what + " failed after " + attemptNumber
                            + (attemptNumber == 1 ? " attempt: " : " attempts: ") + failure.getMessage(),
                            failure.getCause());
                }
                Duration wait = waitBefore(attemptNumber, failure, what);
                log.info("Odoo call {} failed ({}); attempt {} of {} in {} ms", what, failure.getMessage(),
                        attemptNumber + 1, maxAttempts, wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new OdooTransientException(failure.errorName(),
                            what + " interrupted while waiting to retry after: " + failure.getMessage(), e);
                }
            }
        }
    }

    private Duration waitBefore(int attemptNumber, TransientFailure failure, String what) {
        Duration retryAfter = failure.retryAfter();
        if (retryAfter == null) {
            return backoff.delayBeforeRetry(attemptNumber);
        }
        if (retryAfter.compareTo(backoff.max()) > 0) {
            throw new OdooTransientException(failure.errorName(), what + ": " + failure.getMessage()
                    + "; Odoo asks to retry after " + retryAfter.toSeconds() + " s, longer than maxBackoff "
                    + backoff.max().toSeconds() + " s", failure.getCause());
        }
        return retryAfter;
    }
}
