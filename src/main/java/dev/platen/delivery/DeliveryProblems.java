package dev.platen.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.io.IOException;
import java.net.URI;

/**
 * The partner API's refusals as RFC 9457 problem+json with a stable {@code code}. It goes before the
 * application-wide handler, and handles only {@link DeliveryProblem}; everything else (unreadable JSON, a wrong
 * method) is answered by that handler in the same shape.
 */
@RestControllerAdvice(assignableTypes = {PartnerApiController.class, SignedLinkController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryProblems {

    @ExceptionHandler(DeliveryProblem.class)
    ResponseEntity<ProblemDetail> problem(DeliveryProblem e, HttpServletRequest request) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        e.headers().forEach(answer::header);
        return answer.body(body(e.status(), e.code(), e.getMessage(), request));
    }

    static ProblemDetail body(int status, String code, String detail, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        HttpStatus known = HttpStatus.resolve(status);
        body.setTitle(known != null ? known.getReasonPhrase() : "Error");
        body.setType(URI.create("urn:platen:problem:" + code));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        return body;
    }

    /** For filters, which answer before any controller (and so before any advice) is reached. */
    static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, int status,
                      String code, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body(status, code, detail, request));
    }
}
