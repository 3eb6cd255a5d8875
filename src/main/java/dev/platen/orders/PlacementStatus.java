package dev.platen.orders;

/** Where one placement of an order stands. */
public enum PlacementStatus {
    RECEIVED, IN_PROGRESS, NEEDS_REVIEW,
    /** An operator asked the shop for new art; the placement starts again when it arrives. */
    AWAITING_ARTWORK,
    READY_FOR_PRINT, REJECTED, FAILED;

    public boolean settled() {
        return this == READY_FOR_PRINT || this == REJECTED || this == FAILED;
    }
}
