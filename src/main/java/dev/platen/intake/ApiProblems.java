package dev.platen.intake;

import dev.platen.artwork.ArtworkDecoderBusy;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.orders.PlacementBusy;
import dev.platen.web.BodyPace;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.Locale;

/**
 * Every error of the HTTP API as RFC 9457 problem+json with a stable {@code code} member. Bad input is a 4xx;
 * only a fault of the engine itself is a 5xx, and then without internals in the body. Spring MVC's own
 * exceptions (unreadable JSON, a missing multipart part, a wrong method ...) keep the status Spring gives them
 * and get a code here.
 */
// For every handler, and for none: a request refused before a handler is found (a multipart body that does not
// parse, an upload over the size limit) gets its problem too, not Spring's empty answer or a 500
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e, HttpServletRequest request) {
        return problem(e.status(), e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(ArtworkRejected.class)
    ResponseEntity<Object> artworkRejected(ArtworkRejected e, HttpServletRequest request) {
        return problem(e.httpStatus(), e.code(), e.getMessage(), request);
    }

    /**
     * Overload, not bad input: every artwork decoder is busy and its queue full, no decoder was free within the
     * decoder wait, or the file ran out of time on a decoder starved by other files. 503 with Retry-After, so that
     * an order system backs off and sends the same file again; the file itself was not judged.
     */
    @ExceptionHandler(ArtworkDecoderBusy.class)
    ResponseEntity<Object> decoderBusy(ArtworkDecoderBusy e, HttpServletRequest request) {
        ResponseEntity<Object> problem = problem(503, ArtworkDecoderBusy.CODE, e.getMessage(), request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5").body(problem.getBody());
    }

    @ExceptionHandler(PlacementBusy.class)
    ResponseEntity<Object> placementBusy(PlacementBusy e, HttpServletRequest request) {
        ResponseEntity<Object> problem = problem(409, "PLACEMENT_BUSY", "The placement was changing at the same moment"
                + " (a step finishing, or another request); nothing was changed: send the same request again.", request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "2").body(problem.getBody());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e, HttpServletRequest request) {
        String slow = BodyPace.givenUp(request);
        if (slow != null) {
            return tooSlow(slow, request);
        }
        return problem(400, "MALFORMED_MULTIPART", "The request is not valid multipart/form-data.", request);
    }

    /**
     * The body came too slowly and was given up ({@code web.BodyPace}): not malformed, so not a 400, but 408 with
     * its own code; the connection is closed after the answer.
     */
    private static ResponseEntity<Object> tooSlow(String why, HttpServletRequest request) {
        ResponseEntity<Object> problem = problem(408, BodyPace.CODE, why, request);
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .header(HttpHeaders.CONNECTION, "close").body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (BodyPace.givenUp(request) != null) {
            // a reader that fails in its own way on a body that ended early: still the client's pace, not a fault
            return tooSlow(BodyPace.givenUp(request), request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(500, "INTERNAL_ERROR", "Platen failed to handle this request; it has been logged.", request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // a JSON body given up half-way reads as unreadable JSON, a zip as a broken one: it was neither
        if (request instanceof ServletWebRequest servlet && BodyPace.givenUp(servlet.getRequest()) != null) {
            return tooSlow(BodyPace.givenUp(servlet.getRequest()), servlet.getRequest());
        }
        // Spring hands an ErrorResponse (a module's own problem, e.g. the rule-set API's) over without its body:
        // take the exception's own, with its code, rather than make one of the exception's toString
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ex instanceof ErrorResponse own ? own.getBody()
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        // A module's own ErrorResponse (Spring's) brings its code; Spring MVC's exceptions get one here.
        String code = problem.getProperties() != null && problem.getProperties().get("code") instanceof String given
                ? given : codeOf(ex, statusCode);
        problem.setProperty("code", code);
        problem.setType(URI.create("urn:platen:problem:" + code));
        if (ex instanceof MissingServletRequestPartException missing) {
            problem.setDetail("Send the artwork as multipart/form-data in a part named '" + missing.getRequestPartName() + "'.");
        } else if (ex instanceof HttpMessageNotReadableException) {
            problem.setDetail("The request body is not valid JSON of the expected shape.");
        } else if (ex instanceof TypeMismatchException mismatch) {
            // Spring's own detail prints the value as Java does (a repeated parameter: [Ljava.lang.String;@1a2b)
            Object value = mismatch.getValue();
            String given = value instanceof Object[] many ? String.join(", ", java.util.Arrays.stream(many)
                    .map(String::valueOf).toList()) : String.valueOf(value);
            String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "a parameter";
            String wanted = mismatch.getRequiredType() != null ? mismatch.getRequiredType().getSimpleName() : "another type";
            problem.setDetail("Parameter '" + name + "' must be one " + wanted + ", not '" + given + "'.");
        }
        if (request instanceof ServletWebRequest servlet) {
            problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, problemHeaders, statusCode);
    }

    private static String codeOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof MissingServletRequestPartException) {
            return "MISSING_FILE";
        } else if (ex instanceof MaxUploadSizeExceededException) {
            return "UPLOAD_TOO_LARGE";
        } else if (ex instanceof HttpMessageNotReadableException) {
            return "MALFORMED_JSON";
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "UNSUPPORTED_MEDIA_TYPE";
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "NOT_ACCEPTABLE";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            return "METHOD_NOT_ALLOWED";
        } else if (ex instanceof NoResourceFoundException) {
            return "NOT_FOUND";
        } else if (ex instanceof MissingServletRequestParameterException || ex instanceof TypeMismatchException) {
            return "BAD_PARAMETER";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "HTTP_" + status.value();
    }

    static ResponseEntity<Object> problem(int status, String code, String detail, HttpServletRequest request) {
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(statusCode, detail);
        HttpStatus known = HttpStatus.resolve(status);
        body.setTitle(known != null ? known.getReasonPhrase() : "Error");
        body.setType(URI.create("urn:platen:problem:" + code.toUpperCase(Locale.ROOT)));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        return ResponseEntity.status(statusCode).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
