package io.finbatch.jobs.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code finbatch.security.*}: the API's users. Passwords are bcrypt hashes, never clear text, e.g.
 * <pre>
 * finbatch.security.users[0].name=alice
 * finbatch.security.users[0].password-hash=$2a$10$...
 * finbatch.security.users[0].roles=CONTROLLER
 * </pre>
 */
@ConfigurationProperties("finbatch.security")
public record FinBatchSecurityProperties(List<User> users) {

    public FinBatchSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String name, String passwordHash, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
