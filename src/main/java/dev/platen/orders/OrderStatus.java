package dev.platen.orders;

import java.util.Collection;

/** Where an order stands; it follows its placements. */
public enum OrderStatus {
    RECEIVED, IN_PROGRESS, NEEDS_REVIEW, AWAITING_ARTWORK, READY_FOR_PRINT, REJECTED, FAILED;

    /**
     * The order's status from its placements' statuses. A failure anywhere is the first thing a shop must hear
     * of; a placement waiting for new art from the shop comes next (the shop must act), then one waiting for an
     * operator; then work still under way. Only when every placement is settled does the order become {@code READY_FOR_PRINT}, or {@code REJECTED} if any placement was
     * rejected (a partial order is not printed: the shop decides what to do with it).
     */
    public static OrderStatus of(Collection<PlacementStatus> placements) {
        if (placements.isEmpty() || placements.stream().allMatch(s -> s == PlacementStatus.RECEIVED)) {
            return RECEIVED;
        }
        if (placements.contains(PlacementStatus.FAILED)) {
            return FAILED;
        }
        if (placements.contains(PlacementStatus.AWAITING_ARTWORK)) {
            return AWAITING_ARTWORK;
        }
        if (placements.contains(PlacementStatus.NEEDS_REVIEW)) {
            return NEEDS_REVIEW;
        }
        if (placements.contains(PlacementStatus.RECEIVED) || placements.contains(PlacementStatus.IN_PROGRESS)) {
            return IN_PROGRESS;
        }
        if (placements.contains(PlacementStatus.REJECTED)) {
            return REJECTED;
        }
        return READY_FOR_PRINT;
    }
}
