package io.finbatch.jobs.security;

import io.finbatch.jobs.audit.ApiActions;
import io.finbatch.jobs.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Writes refused requests (bad credentials, a role not allowed) to the audit log. */
final class RequestAudit {

    private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);

    private RequestAudit() {
    }

    static void refused(AuditLog audit, HttpServletRequest request, String user, AuditLog.Outcome outcome,
            String detail) {
        ApiActions.Action action = ApiActions.of(request.getMethod(), request.getRequestURI());
        try {
            audit.record(user, action.name(), action.target(), outcome, detail, request.getRemoteAddr());
        } catch (RuntimeException e) {
            log.error("cannot write the audit log for a refused request", e);
        }
    }

    static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getName();
    }
}
