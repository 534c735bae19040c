package io.finbatch.jobs.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Users and API tokens from {@code finbatch.security}. The user store is the one piece to replace for a
 * directory or an OIDC provider: define another {@link UserDetailsService} bean (or an OAuth2 login) and the
 * access rules stay as they are, keyed on the four roles.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Always defined (also without a web server), so that Spring Boot never generates a default user. */
    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService userDetailsService(FinBatchSecurityProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        for (FinBatchSecurityProperties.User user : properties.users()) {
            if (user.name() == null || user.name().isBlank() || user.passwordHash() == null
                    || !user.passwordHash().matches("^\\$2[aby]?\\$\\d\\d\\$.{53}$")) {
                throw new IllegalStateException("finbatch.security.users: user '" + user.name()
                        + "' needs a name and a bcrypt password-hash ($2a$10$...)");
            }
            List<String> roles = Roles.checked("users", user.name(), user.roles());
            users.add(User.withUsername(user.name()).password(user.passwordHash())
                    .roles(roles.toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    ApiTokens apiTokens(FinBatchSecurityProperties properties) {
        return new ApiTokens(properties.tokens());
    }
}
