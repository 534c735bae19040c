package io.finbatch.jobs.security;

import io.finbatch.jobs.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}): HTTP Basic or an API token on every
 * request, no session, so no cookie a cross-site request could ride on and no CSRF token needed. The console
 * (everything else): form login with a session, CSRF tokens on every form, logout. Both apply the same
 * {@link AccessRules}; refused requests and logins are audited.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurity {

    private static final Logger log = LoggerFactory.getLogger(WebSecurity.class);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuditLog audit, FinBatchSecurityProperties properties,
            ApiTokens tokens) throws Exception {
        if (properties.users().isEmpty() && properties.tokens().isEmpty()) {
            log.warn("no users configured: the console and every /api request are refused. Add one with"
                    + " finbatch.security.users[0].name=NAME, finbatch.security.users[0].password-hash=HASH"
                    + " (bcrypt: java -jar finance-batch.jar hash-password) and"
                    + " finbatch.security.users[0].roles=VIEWER|OPERATOR|CONTROLLER|ADMIN"
                    + " (or FINBATCH_SECURITY_USERS_0_NAME etc.); API tokens: 'finance-batch token NAME'");
        }
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("finance-batch");
        basic.afterPropertiesSet();
        AccessDeniedHandler denied = (request, response, e) -> {
            RequestAudit.refused(audit, request, RequestAudit.currentUser(), AuditLog.Outcome.DENIED,
                    "role not allowed");
            response.sendError(403);
        };
        return http
                .securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens, (request, response, e) -> {
                    RequestAudit.refused(audit, request, null, AuditLog.Outcome.UNAUTHENTICATED, "unknown API token");
                    basic.commence(request, response, e);
                }), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> {
                    if (request.getHeader("Authorization") != null) {
                        RequestAudit.refused(audit, request, null, AuditLog.Outcome.UNAUTHENTICATED,
                                "bad credentials");
                    }
                    basic.commence(request, response, e);
                }))
                .exceptionHandling(x -> x.accessDeniedHandler(denied).authenticationEntryPoint(basic))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(Roles.ALL);
                    AccessRules.apply(rules, "/api");
                    rules.anyRequest().denyAll();
                })
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(HttpSecurity http, AuditLog audit) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toPage = new SavedRequestAwareAuthenticationSuccessHandler();
        toPage.setDefaultTargetUrl("/");
        AuthenticationSuccessHandler loggedIn = (request, response, authentication) -> {
            audit.record(authentication.getName(), "LOGIN", null, AuditLog.Outcome.SUCCEEDED, "console",
                    request.getRemoteAddr());
            toPage.onAuthenticationSuccess(request, response, authentication);
        };
        AuthenticationFailureHandler failed = (request, response, e) -> {
            String user = request.getParameter("username");
            audit.record(user, "LOGIN", null, AuditLog.Outcome.UNAUTHENTICATED, "console: bad credentials",
                    request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
        AccessDeniedHandler denied = (request, response, e) -> {
            RequestAudit.refused(audit, request, RequestAudit.currentUser(), AuditLog.Outcome.DENIED,
                    e instanceof CsrfException ? "no valid CSRF token" : "role not allowed");
            request.setAttribute("deniedReason", e.getMessage());
            response.setStatus(403);
            request.getRequestDispatcher("/denied").forward(request, response);
        };
        return http
                .formLogin(form -> form.loginPage("/login").successHandler(loggedIn).failureHandler(failed).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(x -> x.accessDeniedHandler(denied))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                + " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers("/css/**", "/js/**", "/favicon.ico", "/error", "/denied").permitAll();
                    AccessRules.apply(rules, "");
                    rules.anyRequest().denyAll();
                })
                .build();
    }
}
