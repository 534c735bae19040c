package io.finbatch.jobs.security;

import io.finbatch.jobs.audit.ApiActions;
import io.finbatch.jobs.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.finbatch.jobs.security.Roles.ADMIN;
import static io.finbatch.jobs.security.Roles.ALL;
import static io.finbatch.jobs.security.Roles.CONTROLLER;
import static io.finbatch.jobs.security.Roles.OPERATOR;

/**
 * Who may call the API: users and bcrypt hashes from {@code finbatch.security.users}, HTTP Basic, stateless.
 * CSRF protection is off for {@code /api/**}: no session and no cookie is used, each request carries its
 * credentials, so a cross-site request cannot ride on a browser session (revisit when web pages with a
 * form login come). Refused requests (401 with credentials, 403) are written to the audit log.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Always defined (also without a web server), so that Spring Boot never generates a default user. */
    @Bean
    UserDetailsService userDetailsService(FinBatchSecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (FinBatchSecurityProperties.User user : properties.users()) {
            if (user.name() == null || user.name().isBlank() || user.passwordHash() == null
                    || !user.passwordHash().matches("^\\$2[aby]?\\$\\d\\d\\$.{53}$")) {
                throw new IllegalStateException("finbatch.security.users: user '" + user.name()
                        + "' needs a name and a bcrypt password-hash ($2a$10$...)");
            }
            List<String> roles = user.roles().stream().map(r -> r.trim().toUpperCase(Locale.ROOT)).toList();
            for (String role : roles) {
                if (!List.of(ALL).contains(role)) {
                    throw new IllegalStateException("finbatch.security.users: user '" + user.name()
                            + "' has unknown role " + role + " (known: " + String.join(", ", ALL) + ")");
                }
            }
            users.add(User.withUsername(user.name()).password(user.passwordHash())
                    .roles(roles.toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Web {

        @Bean
        SecurityFilterChain apiSecurity(HttpSecurity http, AuditLog audit, FinBatchSecurityProperties properties)
                throws Exception {
            if (properties.users().isEmpty()) {
                log.warn("no API users configured: every /api request is refused. Add one with"
                        + " finbatch.security.users[0].name=NAME, finbatch.security.users[0].password-hash=HASH"
                        + " (bcrypt: htpasswd -nbBC 10 NAME PASSWORD | cut -d: -f2) and"
                        + " finbatch.security.users[0].roles=VIEWER|OPERATOR|CONTROLLER|ADMIN"
                        + " (or FINBATCH_SECURITY_USERS_0_NAME etc.)");
            }
            BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
            basic.setRealmName("finance-batch");
            basic.afterPropertiesSet();
            AccessDeniedHandler denied = (request, response, e) -> {
                audit(audit, request, currentUser(), AuditLog.Outcome.DENIED, "role not allowed");
                response.sendError(403);
            };
            return http
                    .securityMatcher("/api/**", "/error", "/actuator/**")
                    .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                        if (request.getHeader("Authorization") != null) {
                            audit(audit, request, null, AuditLog.Outcome.UNAUTHENTICATED, "bad credentials");
                        }
                        basic.commence(request, response, e);
                    }))
                    .exceptionHandling(x -> x.accessDeniedHandler(denied).authenticationEntryPoint(basic))
                    .authorizeHttpRequests(a -> a
                            .requestMatchers("/error").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(ALL)
                            .requestMatchers(HttpMethod.POST, "/api/executions/*/restart", "/api/executions/*/stop",
                                    "/api/executions/*/abandon").hasAnyRole(OPERATOR, ADMIN)
                            .requestMatchers(HttpMethod.GET, "/api/extracts/*/download").hasAnyRole(CONTROLLER, ADMIN)
                            .requestMatchers(HttpMethod.POST, "/api/close/*", "/api/periods/*/*/lock")
                                    .hasAnyRole(CONTROLLER, ADMIN)
                            .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ALL)
                            .anyRequest().denyAll())
                    .build();
        }

        private static String currentUser() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null ? null : auth.getName();
        }

        private static void audit(AuditLog audit, HttpServletRequest request, String user, AuditLog.Outcome outcome,
                String detail) {
            ApiActions.Action action = ApiActions.of(request.getMethod(), request.getRequestURI());
            try {
                audit.record(user, action.name(), action.target(), outcome, detail, request.getRemoteAddr());
            } catch (RuntimeException e) {
                log.error("cannot write the audit log for a refused request", e);
            }
        }
    }
}
