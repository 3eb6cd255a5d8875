package dev.platen.web;

import org.springframework.http.HttpStatus;
import org.springframework.lang.Nullable;
import org.springframework.security.core.AuthenticationException;

/**
 * Credentials that were presented and refused, with the answer the client gets: status, stable problem code and,
 * for a 401, the challenge that says how to authenticate. {@link ApiKeyScheme}'s filter writes it as problem+json.
 */
public class RefusedCredentials extends AuthenticationException {

    private final HttpStatus status;
    private final String code;
    @Nullable
    private final String challenge;

    public RefusedCredentials(HttpStatus status, String code, String detail, @Nullable String challenge) {
        super(detail);
        this.status = status;
        this.code = code;
        this.challenge = challenge;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    @Nullable
    public String challenge() {
        return challenge;
    }
}
