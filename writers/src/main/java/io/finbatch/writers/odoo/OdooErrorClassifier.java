package io.finbatch.writers.odoo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Turns what Odoo answered into the exception the caller acts on. Odoo names its error the way Python
 * does ({@code module.Class}); the same names come in a JSON-RPC {@code error.data} (HTTP 200) and in a
 * JSON-2 error body (HTTP 4xx/5xx), so one table serves both transports:
 * <ul>
 * <li>business, the record is refused: {@code UserError}, {@code ValidationError}, {@code MissingError},
 * {@code RedirectWarning}, database constraints ({@code psycopg2...IntegrityError}, {@code ...Violation}),
 * {@code builtins.ValueError} (an unknown field), or a JSON-2 422 without a known name;</li>
 * <li>access, stop: {@code AccessDenied}, {@code AccessError}, {@code werkzeug...Unauthorized}/{@code Forbidden},
 * a session that expired, HTTP 401/403;</li>
 * <li>transient: HTTP 429/503 (nothing done), 502/504 (no answer), and the serialization conflicts
 * Odoo gives up on after its own retries (the transaction was rolled back, so sending again is safe);</li>
 * <li>anything else is a protocol error ({@code builtins.AttributeError} for an unknown method,
 * {@code werkzeug.exceptions.NotFound}, an HTTP status Odoo does not use for answers).</li>
 * </ul>
 */
final class OdooErrorClassifier {

    private static final Set<String> BUSINESS = Set.of(
            "odoo.exceptions.UserError",
            "odoo.exceptions.ValidationError",
            "odoo.exceptions.MissingError",
            "odoo.exceptions.RedirectWarning",
            "odoo.exceptions.Warning",
            "odoo.exceptions.except_orm",
            "builtins.ValueError");

    private static final Set<String> ACCESS = Set.of(
            "odoo.exceptions.AccessDenied",
            "odoo.exceptions.AccessError",
            "odoo.http.SessionExpiredException",
            "werkzeug.exceptions.Unauthorized",
            "werkzeug.exceptions.Forbidden");

    /** Conflicts on which PostgreSQL rolled the transaction back: nothing was written. */
    private static final Set<String> ROLLED_BACK = Set.of(
            "psycopg2.errors.SerializationFailure",
            "psycopg2.errors.DeadlockDetected",
            "psycopg2.errors.LockNotAvailable",
            "psycopg2.extensions.TransactionRollbackError",
            // Odoo 19: "Cannot grab a lock on records" (HTTP 409), raised before anything is written
            "odoo.exceptions.LockError",
            "werkzeug.exceptions.ServiceUnavailable",
            "werkzeug.exceptions.TooManyRequests");

    private OdooErrorClassifier() {
    }

    /**
     * An error Odoo reported by name, with the HTTP status it came with (200 on JSON-RPC).
     *
     * @return the exception to throw: an {@link OdooException}, or a {@link TransientFailure} to retry
     */
    static RuntimeException classify(String errorName, String message, int httpStatus, Duration retryAfter) {
        String text = message == null || message.isBlank() ? "Odoo answered " + errorName : message;
        if (httpStatus == 429 || httpStatus == 503) {
            return new TransientFailure(TransientFailure.Fate.REFUSED, errorName, withStatus(text, httpStatus),
                    retryAfter, null);
        }
        if (httpStatus == 502 || httpStatus == 504) {
            return new TransientFailure(TransientFailure.Fate.NO_ANSWER, errorName, withStatus(text, httpStatus),
                    retryAfter, null);
        }
        if (errorName != null) {
            if (BUSINESS.contains(errorName) || isConstraintViolation(errorName)) {
                return new OdooBusinessException(errorName, text, null);
            }
            if (ACCESS.contains(errorName)) {
                return new OdooAccessException(errorName, text, null);
            }
            if (ROLLED_BACK.contains(errorName)) {
                return new TransientFailure(TransientFailure.Fate.REFUSED, errorName, text, retryAfter, null);
            }
        }
        if (httpStatus == 401 || httpStatus == 403) {
            return new OdooAccessException(errorName, withStatus(text, httpStatus), null);
        }
        // A JSON-2 422 is how Odoo refuses a record; werkzeug's own UnprocessableEntity, though, means
        // our arguments did not fit the method's signature: a bug on our side, not a bad record.
        if (httpStatus == 422 && !"werkzeug.exceptions.UnprocessableEntity".equals(errorName)) {
            return new OdooBusinessException(errorName, text, null);
        }
        return new OdooProtocolException(errorName, text, null);
    }

    /** An HTTP answer whose body told us nothing (no JSON error object): classified by its status alone. */
    static RuntimeException classifyStatus(int httpStatus, String what, Duration retryAfter) {
        String message = switch (httpStatus) {
            case 404 -> "HTTP 404 for " + what + ": no such endpoint (wrong URL, or this Odoo does not serve it)";
            case 301, 302, 303, 307, 308 -> "HTTP " + httpStatus + " for " + what + ": Odoo redirects; configure the final URL (https?)";
            default -> "HTTP " + httpStatus + " for " + what;
        };
        return classify(null, message, httpStatus, retryAfter);
    }

    private static String withStatus(String text, int httpStatus) {
        String status = "HTTP " + httpStatus;
        return text.startsWith(status) ? text : status + ": " + text;
    }

    /** Odoo's message with our API key blanked, should a server ever echo it. */
    static String withoutSecret(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "****");
    }

    private static boolean isConstraintViolation(String name) {
        return name.startsWith("psycopg2.")
                && (name.endsWith("IntegrityError") || name.endsWith("Violation"));
    }

    /**
     * {@code Retry-After} as seconds ({@code 120}) or an HTTP date; null when absent or unreadable. A
     * date in the past means now.
     */
    static Duration parseRetryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
