package dev.platen.intake;

/** A request Platen will not act on, with the stable code and HTTP status it is answered with. */
class ApiProblem extends RuntimeException {

    private final int status;
    private final String code;

    ApiProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiProblem unprocessable(String code, String message) {
        return new ApiProblem(422, code, message);
    }

    static ApiProblem notFound(String code, String message) {
        return new ApiProblem(404, code, message);
    }

    /** The request is well formed but the resource's state no longer allows it. */
    static ApiProblem conflict(String code, String message) {
        return new ApiProblem(409, code, message);
    }
}
