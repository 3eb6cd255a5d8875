package dev.platen.orders;

/**
 * Published inside the transaction that gave a placement new art, so that the process drops the old round (an
 * open review included) and starts the placement again atomically with the change.
 */
public record ArtworkReplaced(String orderId, String placementId) {
}
