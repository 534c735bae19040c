package io.finbatch.jobs.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.security.Principal;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an action of the API or the console and writes its audit entry: SUCCEEDED with a detail, or FAILED with
 * the reason (and the failure is thrown on).
 */
@Component
public class Audited {

    private final AuditLog audit;

    public Audited(AuditLog audit) {
        this.audit = audit;
    }

    public <T> T run(HttpServletRequest request, Principal who, Supplier<T> action, Function<T, String> detail) {
        ApiActions.Action named = ApiActions.of(request.getMethod(), request.getRequestURI());
        T result;
        try {
            result = action.get();
        } catch (RuntimeException e) {
            audit.record(who == null ? null : who.getName(), named.name(), named.target(), AuditLog.Outcome.FAILED,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), request.getRemoteAddr());
            throw e;
        }
        audit.record(who == null ? null : who.getName(), named.name(), named.target(), AuditLog.Outcome.SUCCEEDED,
                detail.apply(result), request.getRemoteAddr());
        return result;
    }
}
