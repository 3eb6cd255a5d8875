package dev.platen.orders;

/**
 * Published inside the transaction that changed a placement's status (only when it changed), so that whatever follows from it (a
 * partner's webhook, say) is recorded atomically with the change.
 *
 * @param partner the fulfilment partner the order names
 */
public record PlacementStatusChanged(String orderId, String placementId, String partner, PlacementStatus status) {
}
