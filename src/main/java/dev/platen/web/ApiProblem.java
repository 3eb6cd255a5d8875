package dev.platen.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/**
 * A request Platen will not act on: the HTTP status, the stable {@code code} and the detail for people, and any
 * header the answer needs ({@code Retry-After}, {@code Content-Range} ...). Thrown by a controller or what it calls,
 * it is answered by {@link ApiProblems}; made by a filter, it is written by {@link ProblemResponses}. Either way the
 * client gets the same RFC 9457 problem+json.
 *
 * <p>Spring's own {@link ErrorResponseException}, so that Spring MVC knows its status and body too. A module that
 * must not know the web edge (artwork, orders) implements Spring's {@link org.springframework.web.ErrorResponse}
 * on its own exception instead, with a {@code code} property in its body: answered the same way.
 */
public class ApiProblem extends ErrorResponseException {

    static final String CODE = "code";
    static final String TYPE = "urn:platen:problem:";

    private final String code;

    public ApiProblem(HttpStatusCode status, String code, String detail) {
        super(status, body(status, code, detail), null);
        this.code = code;
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
    }

    /** The request is well formed but the resource's state no longer allows it. */
    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiProblem unprocessable(String code, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, detail);
    }

    /** A query parameter or header that is not what the operation takes. */
    public static ApiProblem badParameter(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "BAD_PARAMETER", detail);
    }

    /** The answer carries this header too (set, not added). */
    public ApiProblem header(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    public String code() {
        return code;
    }

    /** The detail, as people read it in logs and assertions, not Spring's summary of status and body. */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    static ProblemDetail body(HttpStatusCode status, String code, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE + code));
        body.setProperty(CODE, code);
        return body;
    }
}
