package io.finbatch.writers.odoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OdooErrorClassifierTests {

    @ParameterizedTest(name = "{0} with HTTP {1} is {2}")
    @CsvSource({
            // JSON-RPC: always HTTP 200, the name decides
            "odoo.exceptions.UserError,               200, business",
            "odoo.exceptions.ValidationError,         200, business",
            "odoo.exceptions.MissingError,            200, business",
            "odoo.exceptions.RedirectWarning,         200, business",
            "psycopg2.IntegrityError,                 200, business",
            "psycopg2.errors.UniqueViolation,         200, business",
            "psycopg2.errors.ForeignKeyViolation,     200, business",
            "psycopg2.errors.NotNullViolation,        200, business",
            "builtins.ValueError,                     200, business",
            "odoo.exceptions.AccessDenied,            200, access",
            "odoo.exceptions.AccessError,             200, access",
            "odoo.http.SessionExpiredException,       200, access",
            "psycopg2.errors.SerializationFailure,    200, retry when nothing was done",
            "psycopg2.errors.DeadlockDetected,        200, retry when nothing was done",
            "builtins.AttributeError,                 200, protocol",
            "builtins.KeyError,                       200, protocol",
            "werkzeug.exceptions.NotFound,            200, protocol",
            // JSON-2: a real status, the name still decides where there is one
            "odoo.exceptions.UserError,               422, business",
            "odoo.exceptions.ValidationError,         422, business",
            "odoo.exceptions.AccessError,             403, access",
            "werkzeug.exceptions.Unauthorized,        401, access",
            "werkzeug.exceptions.Forbidden,           403, access",
            "werkzeug.exceptions.NotFound,            404, protocol",
            "werkzeug.exceptions.UnprocessableEntity, 422, protocol",
            "werkzeug.exceptions.BadRequest,          400, protocol",
            "builtins.ValueError,                     500, business",
            "builtins.TypeError,                      500, protocol",
            // status alone
            ",                                        422, business",
            ",                                        401, access",
            ",                                        403, access",
            ",                                        404, protocol",
            ",                                        500, protocol",
            ",                                        301, protocol",
            ",                                        429, retry when nothing was done",
            ",                                        503, retry when nothing was done",
            ",                                        502, retry only reads",
            ",                                        504, retry only reads",
            // an overloaded server's status wins over whatever name its body carries
            "odoo.exceptions.UserError,               503, retry when nothing was done"})
    void classifies(String name, int status, String expected) {
        RuntimeException e = OdooErrorClassifier.classify(name, "message", status, null);

        assertThat(kind(e)).isEqualTo(expected);
        if (e instanceof OdooException odoo) {
            assertThat(odoo.errorName()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @CsvSource({"120, PT2M", "0, PT0S", "'  7 ', PT7S",
            "'Thu, 26 Nov 2026 10:00:30 GMT', PT30S", "'Thu, 26 Nov 2026 09:00:00 GMT', PT0S"})
    void readsRetryAfter(String header, Duration expected) {
        Clock clock = Clock.fixed(FakeTime.START, ZoneOffset.UTC);

        assertThat(OdooErrorClassifier.parseRetryAfter(header, clock)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"soon", "-5", "''"})
    void ignoresARetryAfterItCannotRead(String header) {
        assertThat(OdooErrorClassifier.parseRetryAfter(header, Clock.systemUTC())).isNull();
    }

    private static String kind(RuntimeException e) {
        if (e instanceof TransientFailure failure) {
            return failure.fate() == TransientFailure.Fate.NO_ANSWER ? "retry only reads" : "retry when nothing was done";
        }
        if (e instanceof OdooBusinessException) {
            return "business";
        }
        if (e instanceof OdooAccessException) {
            return "access";
        }
        if (e instanceof OdooProtocolException) {
            return "protocol";
        }
        return e.getClass().getSimpleName();
    }
}
