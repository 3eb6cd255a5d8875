package dev.platen.review;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The people who may use the review pages, from configuration. Passwords are stored hashed, in Spring Security's
 * {@code {id}hash} form (e.g. {@code {bcrypt}$2a$10$...}); a plain-text password is refused at start.
 */
@ConfigurationProperties("platen.review")
record ReviewOperators(List<Operator> operators) {

    public ReviewOperators {
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /** @param roles {@code OPERATOR} may review; {@code ADMIN} may also administer */
    public record Operator(String username, String password, List<String> roles) {
    }
}
