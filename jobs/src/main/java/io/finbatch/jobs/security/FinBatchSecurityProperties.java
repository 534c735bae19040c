package io.finbatch.jobs.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code finbatch.security.*}: the console's and the API's users, and the API tokens of machine clients.
 * Neither passwords nor tokens are stored in clear: users have bcrypt hashes, tokens their SHA-256 (a token
 * is a long random secret, so a fast hash is enough; {@code finance-batch token NAME} makes one), e.g.
 * <pre>
 * finbatch.security.users[0].name=alice
 * finbatch.security.users[0].password-hash=$2a$10$...
 * finbatch.security.users[0].roles=CONTROLLER
 * finbatch.security.tokens[0].name=treasury-robot
 * finbatch.security.tokens[0].sha256=9f86d0...
 * finbatch.security.tokens[0].roles=VIEWER
 * </pre>
 */
@ConfigurationProperties("finbatch.security")
public record FinBatchSecurityProperties(List<User> users, List<Token> tokens) {

    public FinBatchSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public record User(String name, String passwordHash, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    public record Token(String name, String sha256, List<String> roles) {

        public Token {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
