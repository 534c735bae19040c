package io.finbatch.jobs.console;

import io.finbatch.jobs.security.FinBatchSecurityProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login form, and the page of a refused action. */
@Controller
class LoginPage {

    private final FinBatchSecurityProperties security;

    LoginPage(FinBatchSecurityProperties security) {
        this.security = security;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("noUsers", security.users().isEmpty());
        return "login";
    }

    @RequestMapping("/denied")
    String denied() {
        return "denied";
    }
}
