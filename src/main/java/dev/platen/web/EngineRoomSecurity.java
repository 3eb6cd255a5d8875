package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.time.Clock;

/**
 * The engine room: Camunda's REST API ({@code /engine-rest}, which can complete operator tasks and change processes)
 * and Actuator. Both take the review pages' operators with HTTP Basic (the same accounts and hashed passwords),
 * the REST API any operator, Actuator's figures (metrics, data paths, versions) only an administrator; the health
 * probes stay open for load balancers and orchestrators. Camunda is told the signed-in operator by its
 * container-based authentication (see {@code workflow}), so its own password check, and its account lock, are never
 * asked. Every password-taking path goes through the {@link SignInThrottle} first.
 */
@Configuration(proxyBeanMethods = false)
class EngineRoomSecurity {

    @Bean
    @Order(SecurityChains.ENGINE_ROOM)
    SecurityFilterChain engineRoom(HttpSecurity http, ObjectMapper json) throws Exception {
        // Paths matched on the whole request path: /engine-rest is Camunda's Jersey servlet, not Spring MVC's, so
        // the MVC-relative matchers that plain strings give would never see it.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/engine-rest/**"), path.matcher("/actuator/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(path.matcher("/actuator/**")).hasRole("ADMIN")
                        .anyRequest().hasAnyRole("OPERATOR", "ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        ProblemResponses.write(json, request, response, new ApiProblem(HttpStatus.UNAUTHORIZED,
                                "CREDENTIALS_REQUIRED", "Sign in with HTTP Basic as a Platen operator.")
                                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"platen\""))))
                .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(json, request, response, ApiProblem.forbidden("ADMIN_ROLE_REQUIRED",
                                "The engine's figures are for operators with the ADMIN role."))))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // machines and scripts, not browser forms
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) itself, with an HTML page; passed through undecoded, it reaches
     * {@link RequestShapeCheck}, which refuses it as every malformed path is, with a problem.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesToTheShapeCheck() {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(
                EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    /** First of all filters: a malformed path is refused before anything parses it. */
    @Bean
    FilterRegistrationBean<RequestShapeCheck> requestShapeCheck(ObjectMapper json) {
        FilterRegistrationBean<RequestShapeCheck> registration = new FilterRegistrationBean<>(new RequestShapeCheck(json));
        registration.setName("platen-request-shape-check");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before Spring Security's filters (order -100), so that a throttled address is not even checked. */
    @Bean
    FilterRegistrationBean<SignInThrottle> signInThrottle(ObjectMapper json, Clock clock) {
        FilterRegistrationBean<SignInThrottle> registration =
                new FilterRegistrationBean<>(new SignInThrottle(json, clock));
        registration.setName("platen-sign-in-throttle");
        registration.setOrder(-101);
        return registration;
    }
}
