package io.finbatch.jobs.console;

import io.finbatch.jobs.security.UsersDirectory;
import io.finbatch.jobs.audit.AuditLog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, filterable by actor and action; the users and tokens (ADMIN). */
@Controller
class AuditPage {

    private final AuditLog audit;
    private final UsersDirectory users;

    AuditPage(AuditLog audit, UsersDirectory users) {
        this.audit = audit;
        this.users = users;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("entries", audit.latest(actor, action, 500));
        return "audit";
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.principals());
        return "users";
    }
}
