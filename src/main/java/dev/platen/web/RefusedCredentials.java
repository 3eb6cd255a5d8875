package dev.platen.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;

/**
 * Credentials that were presented and refused, with the answer the client gets: status, stable problem code and,
 * for a 401, the challenge that says how to authenticate. Spring Security's exception, so that its filter hands it
 * to {@link ApiKeyScheme}'s failure handler; Spring's {@link ErrorResponse}, so that the handler writes it as every
 * other refusal ({@link ProblemResponses}).
 */
public class RefusedCredentials extends AuthenticationException implements ErrorResponse {

    private final HttpStatus status;
    private final HttpHeaders headers = new HttpHeaders();
    private final ProblemDetail body;
    private final String code;

    public RefusedCredentials(HttpStatus status, String code, String detail, @Nullable String challenge) {
        super(detail);
        this.status = status;
        this.body = ApiProblem.body(status, code, detail);
        this.code = code;
        if (challenge != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
    }

    public String code() {
        return code;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        return body;
    }
}
