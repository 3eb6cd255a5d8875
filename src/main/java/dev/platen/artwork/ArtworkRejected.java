package dev.platen.artwork;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * The artwork cannot be used. Carries the stable code and the HTTP status the API answers with; never a
 * 5xx, because the fault is in the file, not in the engine. Spring's {@link ErrorResponse}, so that the API answers
 * it as problem+json with its code, without this module knowing the API.
 */
public class ArtworkRejected extends RuntimeException implements ErrorResponse {

    private final String code;
    private final int httpStatus;
    private final String message;

    public ArtworkRejected(String code, int httpStatus, String message) {
        super(message);
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public ArtworkRejected(String code, int httpStatus, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /** Every rejection says why: never null, unlike a throwable's message in general. */
    @Override
    public String getMessage() {
        return message;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatusCode.valueOf(httpStatus);
    }

    @Override
    public ProblemDetail getBody() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(getStatusCode(), getMessage());
        body.setProperty("code", code);
        return body;
    }

    public static ArtworkRejected unsupported(String message) {
        return new ArtworkRejected("UNSUPPORTED_FORMAT", 415, message);
    }

    public static ArtworkRejected truncated(String message, @Nullable Throwable cause) {
        return new ArtworkRejected("TRUNCATED_IMAGE", 422, message, cause);
    }

    public static ArtworkRejected corrupt(String message, @Nullable Throwable cause) {
        return new ArtworkRejected("CORRUPT_IMAGE", 422, message, cause);
    }

    public static ArtworkRejected tooLarge(String message) {
        return new ArtworkRejected("IMAGE_TOO_LARGE", 413, message);
    }

    public static ArtworkRejected emptyFile(String message) {
        return new ArtworkRejected("EMPTY_FILE", 422, message);
    }

    /** The upload is bigger than {@link ArtworkLimits#maxUploadBytes()}. */
    public static ArtworkRejected fileTooLarge(String message) {
        return new ArtworkRejected("UPLOAD_TOO_LARGE", 413, message);
    }

    /** Decoding the file ran out of memory or stack: hostile or pathological structure. */
    public static ArtworkRejected tooComplex(String message, @Nullable Throwable cause) {
        return new ArtworkRejected("ARTWORK_TOO_COMPLEX", 422, message, cause);
    }

    /** Decoding one file took longer than {@link ArtworkLimits#timeLimit()} (or the render time limit). */
    public static ArtworkRejected timedOut(String message) {
        return new ArtworkRejected("ARTWORK_TIMEOUT", 422, message);
    }

    /** A PDF's streams decode to more bytes than {@link ArtworkLimits} allow: a decompression bomb. */
    public static ArtworkRejected pdfDecodedTooLarge(String message) {
        return new ArtworkRejected("PDF_DECODED_TOO_LARGE", 413, message);
    }

    /** A PDF's objects nest deeper than {@link ArtworkLimits#maxPdfObjectDepth()}, or its page tree is a loop. */
    public static ArtworkRejected pdfStructure(String code, String message) {
        return new ArtworkRejected(code, 422, message);
    }

    public static ArtworkRejected corruptPdf(String message, @Nullable Throwable cause) {
        return new ArtworkRejected("CORRUPT_PDF", 422, message, cause);
    }

    public static ArtworkRejected encryptedPdf(String message, @Nullable Throwable cause) {
        return new ArtworkRejected("PDF_ENCRYPTED", 422, message, cause);
    }

    public static ArtworkRejected pdfWithoutPages(String message) {
        return new ArtworkRejected("PDF_NO_PAGES", 422, message);
    }
}
