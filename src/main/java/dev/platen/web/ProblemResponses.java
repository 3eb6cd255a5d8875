package dev.platen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import java.io.IOException;
import java.net.URI;

/**
 * Writes a refusal made before a controller is reached (security filters, the sign-in throttle, upload slots,
 * Tomcat's {@link BodyPace} valve), where {@link ApiProblems} cannot answer it, in the same RFC 9457 problem+json:
 * the problem's status and headers, its body completed as {@link ApiProblems} completes it, written by the
 * application's Jackson (which knows to write the {@code code} as a member of its own).
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void write(ObjectMapper json, HttpServletRequest request, HttpServletResponse response,
                             ErrorResponse problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (hasBody(request) && !response.containsHeader(HttpHeaders.CONNECTION)) {
            // A refusal here is made before the body is read, and BodyPace closes such a connection after the answer
            // rather than read the body away: the answer says so, or a client that keeps its connections would send
            // its next request into the closed one and get no answer at all.
            response.setHeader(HttpHeaders.CONNECTION, "close");
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), completed(problem.getBody(), request));
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Every problem's {@code type} is {@code urn:platen:problem:} and its code, its {@code instance} the path asked. */
    static ProblemDetail completed(ProblemDetail problem, HttpServletRequest request) {
        problem.setType(URI.create(ApiProblem.TYPE + problem.getProperties().get(ApiProblem.CODE)));
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
