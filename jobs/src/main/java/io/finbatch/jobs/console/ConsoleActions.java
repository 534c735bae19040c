package io.finbatch.jobs.console;

import io.finbatch.jobs.audit.Audited;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a console action (audited like the API's) and tells the outcome on the next page: a flash message on
 * success, the reason on failure. The page redirected to is the caller's (post/redirect/get).
 */
@Component
class ConsoleActions {

    private final Audited audited;

    ConsoleActions(Audited audited) {
        this.audited = audited;
    }

    <T> T run(HttpServletRequest request, Principal who, RedirectAttributes flash, Supplier<T> action,
            Function<T, String> detail, Function<T, String> message) {
        try {
            T result = audited.run(request, who, action, detail);
            flash.addFlashAttribute("message", message.apply(result));
            return result;
        } catch (RuntimeException e) {
            flash.addFlashAttribute("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return null;
        }
    }
}
