package dev.platen.intake;

import dev.platen.artwork.ArtworkRejected;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;

/**
 * Every error of the HTTP API as RFC 9457 problem+json with a stable {@code code} member. Bad input is a 4xx;
 * only a fault of the engine itself is a 5xx, and then without internals in the body.
 */
@RestControllerAdvice(basePackages = "dev.platen")
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e, HttpServletRequest request) {
        return problem(e.status(), e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(ArtworkRejected.class)
    ResponseEntity<ProblemDetail> artworkRejected(ArtworkRejected e, HttpServletRequest request) {
        return problem(e.httpStatus(), e.code(), e.getMessage(), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(413, "UPLOAD_TOO_LARGE", "The upload is larger than this server accepts.", request);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e, HttpServletRequest request) {
        return problem(400, "MISSING_FILE", "Send the artwork as multipart/form-data in a part named '"
                + e.getRequestPartName() + "'.", request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e, HttpServletRequest request) {
        return problem(400, "MALFORMED_MULTIPART", "The request is not valid multipart/form-data.", request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return problem(400, "MALFORMED_JSON", "The request body is not valid JSON of the expected shape.", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return problem(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type " + e.getContentType() + " is not accepted here.", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return problem(405, "METHOD_NOT_ALLOWED", "Method " + e.getMethod() + " is not allowed here.", request);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
        return problem(400, "BAD_PARAMETER", e.getMessage(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(404, "NOT_FOUND", "Nothing is here.", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(500, "INTERNAL_ERROR", "Platen failed to handle this request; it has been logged.", request);
    }

    static ResponseEntity<ProblemDetail> problem(int status, String code, String detail, HttpServletRequest request) {
        HttpStatusCode statusCode = HttpStatusCode.valueOf(status);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(statusCode, detail);
        HttpStatus known = HttpStatus.resolve(status);
        body.setTitle(known != null ? known.getReasonPhrase() : "Error");
        body.setType(URI.create("urn:platen:problem:" + code));
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("code", code);
        return ResponseEntity.status(statusCode).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
