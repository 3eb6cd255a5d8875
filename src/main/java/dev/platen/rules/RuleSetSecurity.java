package dev.platen.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.web.ApiProblem;
import dev.platen.web.ProblemResponses;
import dev.platen.web.SecurityChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;


/**
 * The rule-set admin API and page need the {@code RULES} role (an operator account given it in
 * {@code platen.review.operators}). The API takes HTTP Basic on every request and never a session, so a browser
 * logged in to the review pages cannot be led by another site into promoting a rule set; the page is read-only and
 * uses the review pages' login.
 */
@Configuration(proxyBeanMethods = false)
class RuleSetSecurity {

    static final String ROLE = "RULES";

    @Bean
    @Order(SecurityChains.RULE_SET_API)
    SecurityFilterChain ruleSetApiChain(HttpSecurity http, ObjectMapper json) throws Exception {
        http.securityMatcher("/api/v1/rulesets/**", "/api/v1/rulesets")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ROLE))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        ProblemResponses.write(json, request, response, new ApiProblem(HttpStatus.UNAUTHORIZED,
                                "CREDENTIALS_REQUIRED", "Sign in with HTTP Basic as an operator who has the " + ROLE
                                + " role.").header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"platen rule sets\""))))
                .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(json, request, response, ApiProblem.forbidden("RULES_ROLE_REQUIRED",
                                "Rule sets are changed by operators with the " + ROLE + " role."))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(SecurityChains.RULE_SET_PAGE)
    SecurityFilterChain ruleSetPageChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/rulesets", "/rulesets/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ROLE))
                .formLogin(form -> form.loginPage("/login"));
        return http.build();
    }

}
