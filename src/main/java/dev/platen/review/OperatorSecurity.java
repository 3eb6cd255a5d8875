package dev.platen.review;

import dev.platen.web.SecurityChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.List;

/**
 * Form login for the review pages, against the operators of {@link ReviewOperators}. The other paths keep their
 * own protection: Camunda's web apps log in against the engine's users and {@code /engine-rest} asks for HTTP
 * Basic (see {@code workflow}); the order API asks for an order system's key (see {@code intake}). This chain
 * only claims {@code /review/**} and the login page.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    @Bean
    @Order(SecurityChains.REVIEW_PAGES)
    SecurityFilterChain reviewPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/review/**", "/login", "/logout")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/review/assets/**").permitAll()
                        .anyRequest().hasAnyRole("OPERATOR", "ADMIN"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/review", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }

    /** Everything else is left to the protection each path already has (see the class comment). */
    @Bean
    @Order(SecurityChains.EVERYTHING_ELSE)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // The APIs take JSON and multipart from machines, not browser forms; Camunda's web apps carry
                // their own CSRF protection.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** The stored hashes' own schemes ({bcrypt}...), a matching password remembered for a while (see there). */
    @Bean
    PasswordEncoder passwordEncoder(Clock clock) {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), clock);
    }

    @Bean
    UserDetailsService operators(ReviewOperators config) {
        List<UserDetails> users = config.operators().stream().map(o -> {
            if (o.password() == null || !o.password().startsWith("{")) {
                throw new IllegalStateException("platen.review.operators: the password of '" + o.username()
                        + "' must be stored hashed, e.g. {bcrypt}$2a$10$...");
            }
            return User.withUsername(o.username()).password(o.password())
                    .roles(o.roles() == null || o.roles().isEmpty() ? new String[]{"OPERATOR"} : o.roles().toArray(String[]::new))
                    .build();
        }).toList();
        return new InMemoryUserDetailsManager(users);
    }
}
