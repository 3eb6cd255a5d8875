package dev.platen.orders;

/**
 * A change to a placement that met another one under way: new art while the process is moving the placement on
 * (a step finishing, a decision applied), or a second request with other art at the same moment. Nothing was
 * changed; the same request a moment later goes through. Load, not bad input: the API answers 409 with Retry-After.
 */
public class PlacementBusy extends RuntimeException {

    public PlacementBusy(String message, Throwable cause) {
        super(message, cause);
    }
}
