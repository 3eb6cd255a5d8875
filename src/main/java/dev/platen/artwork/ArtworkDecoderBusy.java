package dev.platen.artwork;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * The engine is overloaded, the file is not at fault: every decoder thread is busy and the queue in front of them
 * full, no thread took the file up within {@link ArtworkLimits#decoderWait()}, or the file ran out of time on a
 * decoder starved by other work. The file was not judged. The API answers 503 with Retry-After (Spring's
 * {@link ErrorResponse}), so that an order system backs off and sends the same file again; a workflow step fails its
 * job, which the engine tries again on its back-off cycle.
 */
public class ArtworkDecoderBusy extends RuntimeException implements ErrorResponse {

    public static final String CODE = "ARTWORK_DECODER_BUSY";

    /** Public so that a reader wrapping the inspector (a cache, a test double) can say the same. */
    public ArtworkDecoderBusy(String message) {
        super(message);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(getStatusCode(), getMessage());
        body.setProperty("code", CODE);
        return body;
    }
}
