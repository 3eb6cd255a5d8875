package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * Refusals written before a controller is reached (security filters, the sign-in throttle) or answered without an
 * exception (a download's 416), in the same form as every API error: RFC 9457 problem+json with a stable
 * {@code code} and the {@code urn:platen:problem:CODE} type.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem(status, code, detail, request));
    }

    /** The problem itself, for an answer that a controller returns rather than writes. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:platen:problem:" + code));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return problem;
    }
}
