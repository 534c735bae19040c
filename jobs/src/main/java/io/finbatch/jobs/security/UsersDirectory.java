package io.finbatch.jobs.security;

import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Who can log in or call the API, with their roles (never a hash): for the ADMIN's users page. */
@Component
public class UsersDirectory {

    public record Principal(String name, String kind, List<String> roles) {
    }

    private final FinBatchSecurityProperties security;
    private final ApiTokens tokens;

    public UsersDirectory(FinBatchSecurityProperties security, ApiTokens tokens) {
        this.security = security;
        this.tokens = tokens;
    }

    public List<Principal> principals() {
        List<Principal> all = new ArrayList<>();
        security.users().forEach(u -> all.add(new Principal(u.name(), "user", u.roles())));
        tokens.all().forEach(t -> all.add(new Principal(t.name(), "token", t.roles())));
        return all;
    }
}
