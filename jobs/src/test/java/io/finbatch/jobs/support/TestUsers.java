package io.finbatch.jobs.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Configured users for tests: one per role (password "secret"), "submitter" (the machine role of the statement
 * drop) and "nobody" without a role.
 */
public final class TestUsers {

    public static final String PASSWORD = "secret";
    public static final String[] USERS = {"viewer", "operator", "controller", "admin", "submitter", "nobody"};

    private TestUsers() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        // cost 4 keeps the many logins of the matrix fast; production hashes use 10 or more
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
        String[][] users = {{"viewer", "VIEWER"}, {"operator", "OPERATOR"}, {"controller", "CONTROLLER"},
            {"admin", "ADMIN"}, {"submitter", "SUBMITTER"}, {"nobody", ""}};
        for (int i = 0; i < users.length; i++) {
            String name = users[i][0];
            String role = users[i][1];
            registry.add("finbatch.security.users[" + i + "].name", () -> name);
            registry.add("finbatch.security.users[" + i + "].password-hash", () -> hash);
            registry.add("finbatch.security.users[" + i + "].roles", () -> role);
        }
    }
}
