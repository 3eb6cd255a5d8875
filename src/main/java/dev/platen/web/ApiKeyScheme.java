package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

import java.io.IOException;

/**
 * How machines present an API key (an order system's {@code X-Api-Key}, a partner's {@code Authorization: Bearer})
 * and how a missing or wrong key is answered. Every key-taking API is protected the same way, on Spring Security's
 * own parts: this scheme's {@link #converter()} reads the key into a {@link PresentedApiKey}, an
 * {@link ApiKeyCheck} per key directory checks it, and {@link #filter} (Spring's {@link AuthenticationFilter}) signs
 * the holder in or writes the refusal as problem+json; a request without a key reaches the chain's
 * {@link #whenMissing entry point}.
 *
 * @param header     the request header that carries the key
 * @param authScheme the authentication scheme before the key in that header ({@code Bearer}), or null for a bare key
 * @param challenge  the {@code WWW-Authenticate} value of a 401
 */
public record ApiKeyScheme(String header, @Nullable String authScheme, String challenge,
                           String requiredCode, String requiredDetail, String invalidCode, String invalidDetail) {

    /**
     * The key the request carries, or null when it carries none in this scheme: a missing, blank or otherwise
     * scheme'd header is "no key" (answered by {@link #whenMissing}), never a wrong one.
     */
    public AuthenticationConverter converter() {
        return request -> {
            String value = request.getHeader(header);
            if (value == null) {
                return null;
            }
            if (authScheme != null) {
                // RFC 9110 §11.1: the scheme name is case-insensitive.
                int prefix = authScheme.length() + 1;
                if (value.length() <= prefix || !value.regionMatches(true, 0, authScheme + " ", 0, prefix)) {
                    return null;
                }
                value = value.substring(prefix);
            }
            return value.isBlank() ? null : new PresentedApiKey(value.trim());
        };
    }

    /** The refusal a wrong key gets, thrown by {@link ApiKeyCheck}. */
    RefusedCredentials invalid() {
        return new RefusedCredentials(HttpStatus.UNAUTHORIZED, invalidCode, invalidDetail, challenge);
    }

    /** For a request that reaches the protected path with no key at all. */
    public AuthenticationEntryPoint whenMissing(ObjectMapper json) {
        return (request, response, e) -> refuse(json, request, response,
                new RefusedCredentials(HttpStatus.UNAUTHORIZED, requiredCode, requiredDetail, challenge));
    }

    /**
     * For a chain that also admits other callers (an operator's session) but not every one of them: whoever is
     * signed in without the right to the path is asked for the key, as if they had brought none.
     */
    public AccessDeniedHandler whenNotAllowed(ObjectMapper json) {
        return (request, response, e) -> whenMissing(json).commence(request, response, null);
    }

    /**
     * Spring's authentication filter for this scheme: {@code converter} reads the credentials (this scheme's key,
     * or that and another kind, see {@code intake}), {@code manager} checks them; a success goes on down the chain
     * (no redirect, no session), a refusal is answered here.
     */
    public AuthenticationFilter filter(AuthenticationManager manager, AuthenticationConverter converter,
                                       ObjectMapper json) {
        AuthenticationFilter filter = new AuthenticationFilter(manager, converter);
        filter.setSuccessHandler((request, response, authentication) -> { });
        filter.setFailureHandler((request, response, e) -> refuse(json, request, response, e));
        return filter;
    }

    /**
     * Protects a chain with {@code filter} (from {@link #filter}): the refusals as above, no CSRF token (a key is
     * sent by a machine, never by a browser form another site could forge) and no request saved for a later
     * sign-in (there is no sign-in page to come back from, and a saved request would open a session).
     */
    public HttpSecurity protect(HttpSecurity http, AuthenticationFilter filter, ObjectMapper json) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .addFilterBefore(filter, AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(whenMissing(json))
                        .accessDeniedHandler(whenNotAllowed(json)));
    }

    private void refuse(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                        AuthenticationException e) throws IOException {
        ProblemResponses.write(json, request, response, e instanceof RefusedCredentials r ? r : invalid());
    }
}
