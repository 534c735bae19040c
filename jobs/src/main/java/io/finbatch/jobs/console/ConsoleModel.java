package io.finbatch.jobs.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the logged-in user ({@code me}) into every console page's model. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("me")
    ConsoleUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || "anonymousUser".equals(authentication.getName()) ? null
                : ConsoleUser.of(authentication);
    }
}
