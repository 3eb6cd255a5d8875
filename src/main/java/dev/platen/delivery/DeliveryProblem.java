package dev.platen.delivery;

import java.util.Map;

/** A partner request Platen will not act on, with its HTTP status, stable code and any headers the answer needs. */
class DeliveryProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers;

    DeliveryProblem(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    DeliveryProblem(int status, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** Unknown and another partner's ids are answered alike, so an id tells a partner nothing it may not know. */
    static DeliveryProblem noJob(String id) {
        return new DeliveryProblem(404, "JOB_NOT_FOUND", "No job '" + id + "' for this partner.");
    }

    static DeliveryProblem noFile(String sha256) {
        return new DeliveryProblem(404, "PRINT_FILE_NOT_FOUND", "No print file '" + sha256 + "' in this job.");
    }

    static DeliveryProblem conflict(String code, String message) {
        return new DeliveryProblem(409, code, message);
    }

    static DeliveryProblem unprocessable(String code, String message) {
        return new DeliveryProblem(422, code, message);
    }

    static DeliveryProblem badParameter(String message) {
        return new DeliveryProblem(400, "BAD_PARAMETER", message);
    }

    static DeliveryProblem forbidden(String code, String message) {
        return new DeliveryProblem(403, code, message);
    }
}
