package dev.platen.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
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

import java.util.Arrays;

/**
 * Every error of the HTTP API, in every module, as RFC 9457 problem+json with a stable {@code code} member. Bad input
 * is a 4xx; only a fault of the engine itself is a 5xx, and then without internals in the body.
 * <ul>
 *   <li>An exception that says its own answer, Spring's {@link ErrorResponse} ({@link ApiProblem}, or a module's own
 *   such as {@code artwork.ArtworkRejected}), is answered with its status, headers and body, its code kept.</li>
 *   <li>Spring MVC's own exceptions (unreadable JSON, a missing multipart part, a wrong method ...) keep the status
 *   Spring gives them and get a code here.</li>
 * </ul>
 * Refusals made before a controller is reached (filters, Tomcat's valve) are written in the same form by
 * {@link ProblemResponses}.
 */
// For every handler, and for none: a request refused before a handler is found (a multipart body that does not
// parse, an upload over the size limit) gets its problem too, not Spring's empty answer or a 500
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e, WebRequest request) {
        return answer(e, new ApiProblem(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "The request is not valid multipart/form-data."), request);
    }

    /**
     * A module's own {@link ErrorResponse} that is not Spring's {@link org.springframework.web.ErrorResponseException}
     * (which Spring's handler takes), and everything unforeseen: a 500 that is logged.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> other(Exception e, WebRequest request) {
        if (e instanceof ErrorResponse own) {
            return answer(e, own, request);
        }
        HttpServletRequest servlet = servlet(request);
        // a reader that fails in its own way on a body that ended early: the client's pace, not a fault
        if (BodyPace.givenUp(servlet) == null) {
            log.error("Unexpected failure on {} {}", servlet.getMethod(), servlet.getRequestURI(), e);
        }
        return answer(e, new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Platen failed to handle this request; it has been logged."), request);
    }

    private ResponseEntity<Object> answer(Exception e, ErrorResponse problem, WebRequest request) {
        return handleExceptionInternal(e, problem.getBody(), problem.getHeaders(), problem.getStatusCode(), request);
    }

    /** Where every answer of this handler, Spring's own included, is made. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        String slow = BodyPace.givenUp(servlet);
        if (slow != null) {
            // The body came too slowly and was given up (BodyPace): what was made of its early end (unreadable JSON,
            // a broken zip, a malformed multipart body) is not what happened. Not a 400 but a 408 with its own code;
            // the connection is closed after the answer.
            ApiProblem tooSlow = new ApiProblem(HttpStatus.REQUEST_TIMEOUT, BodyPace.CODE, slow)
                    .header(HttpHeaders.CONNECTION, "close");
            return answer(tooSlow.getBody(), tooSlow.getHeaders(), tooSlow.getStatusCode(), servlet);
        }
        // Spring hands an ErrorResponse of its own over without its body: take the exception's own rather than make
        // one of the exception's toString
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : ex instanceof ErrorResponse own ? own.getBody()
                : ProblemDetail.forStatusAndDetail(statusCode, ex.getMessage());
        // An ApiProblem or a module's own ErrorResponse brings its code; Spring MVC's exceptions get one here.
        if (!(problem.getProperties() != null && problem.getProperties().get(ApiProblem.CODE) instanceof String)) {
            problem.setProperty(ApiProblem.CODE, codeOf(ex, statusCode));
        }
        if (ex instanceof MissingServletRequestPartException missing) {
            problem.setDetail("Send the artwork as multipart/form-data in a part named '" + missing.getRequestPartName() + "'.");
        } else if (ex instanceof HttpMessageNotReadableException) {
            problem.setDetail("The request body is not valid JSON of the expected shape.");
        } else if (ex instanceof TypeMismatchException mismatch) {
            // Spring's own detail prints the value as Java does (a repeated parameter: [Ljava.lang.String;@1a2b)
            Object value = mismatch.getValue();
            String given = value instanceof Object[] many ? String.join(", ", Arrays.stream(many)
                    .map(String::valueOf).toList()) : String.valueOf(value);
            String name = mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "a parameter";
            String wanted = mismatch.getRequiredType() != null ? mismatch.getRequiredType().getSimpleName() : "another type";
            problem.setDetail("Parameter '" + name + "' must be one " + wanted + ", not '" + given + "'.");
        }
        return answer(problem, headers, statusCode, servlet);
    }

    private static ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers, HttpStatusCode status,
                                                 HttpServletRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(ProblemResponses.completed(problem, request), problemHeaders, status);
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

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }
}
