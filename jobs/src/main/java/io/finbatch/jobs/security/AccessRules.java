package io.finbatch.jobs.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import static io.finbatch.jobs.security.Roles.ADMIN;
import static io.finbatch.jobs.security.Roles.ALL;
import static io.finbatch.jobs.security.Roles.CONTROLLER;
import static io.finbatch.jobs.security.Roles.OPERATOR;
import static io.finbatch.jobs.security.Roles.SUBMITTER;
import static io.finbatch.jobs.security.Roles.VIEWER;

/**
 * Who may do what: one matrix for the API ({@code /api/...}) and the console (the same paths without the
 * prefix). Anything not listed is refused.
 */
final class AccessRules {

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules,
            String prefix) {
        rules.requestMatchers(HttpMethod.POST, prefix + "/executions/*/restart", prefix + "/executions/*/stop",
                        prefix + "/executions/*/abandon").hasAnyRole(OPERATOR, ADMIN)
                .requestMatchers(HttpMethod.POST, prefix + "/exceptions/*/*/requeue", prefix + "/exceptions/*/*/dismiss")
                        .hasAnyRole(OPERATOR, ADMIN)
                .requestMatchers(HttpMethod.GET, prefix + "/extracts/*/download").hasAnyRole(CONTROLLER, ADMIN)
                .requestMatchers(HttpMethod.POST, prefix + "/close", prefix + "/close/*", prefix + "/periods/*/*/lock")
                        .hasAnyRole(CONTROLLER, ADMIN)
                .requestMatchers(HttpMethod.POST, prefix + "/schedules/*/pause", prefix + "/schedules/*/resume",
                        prefix + "/schedules/*/run").hasRole(ADMIN)
                .requestMatchers(HttpMethod.GET, prefix + "/users").hasRole(ADMIN)
                .requestMatchers(prefix + "/webhooks", prefix + "/webhooks/**").hasRole(ADMIN)
                .requestMatchers(HttpMethod.POST, prefix + "/statements").hasAnyRole(SUBMITTER, ADMIN)
                .requestMatchers(HttpMethod.GET, prefix + "/statements/*")
                        .hasAnyRole(SUBMITTER, VIEWER, OPERATOR, CONTROLLER, ADMIN)
                .requestMatchers(HttpMethod.GET, prefix.isEmpty() ? "/**" : prefix + "/**").hasAnyRole(ALL);
    }
}
