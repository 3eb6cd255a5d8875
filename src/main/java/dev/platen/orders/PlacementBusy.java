package dev.platen.orders;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A change to a placement that met another one under way: new art while the process is moving the placement on
 * (a step finishing, a decision applied), or a second request with other art at the same moment. Nothing was
 * changed; the same request a moment later goes through. Load, not bad input: the API answers 409 with Retry-After
 * (Spring's {@link ErrorResponse}).
 */
public class PlacementBusy extends RuntimeException implements ErrorResponse {

    public PlacementBusy(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "2");
        return headers;
    }

    /** Not the message, which names the process's own conflict: what the client should do. */
    @Override
    public ProblemDetail getBody() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(getStatusCode(), "The placement was changing at the same"
                + " moment (a step finishing, or another request); nothing was changed: send the same request again.");
        body.setProperty("code", "PLACEMENT_BUSY");
        return body;
    }
}
