package io.finbatch.jobs.console;

import io.finbatch.jobs.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;

/** The logged-in user as the pages need it: name, roles, and which actions to offer. */
public record ConsoleUser(String name, List<String> roles) {

    static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return null;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return new ConsoleUser(authentication.getName(), roles);
    }

    public boolean canOperate() {
        return roles.contains(Roles.OPERATOR) || roles.contains(Roles.ADMIN);
    }

    public boolean canControl() {
        return roles.contains(Roles.CONTROLLER) || roles.contains(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
