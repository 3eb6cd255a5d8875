package dev.platen.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A placement as its partner's queue holds it.
 *
 * @param leaseId     the current or last lease, or null if never claimed
 * @param leasedUntil when the lease ends; a job whose lease has ended may be claimed again
 * @param ackedAt     when a worker reported it picked up, or null
 */
record DeliveryJob(String placementId, String orderId, String partner, Instant readyAt, @Nullable Instant withdrawnAt,
                   @Nullable String leaseId, @Nullable String worker, @Nullable Instant leasedUntil,
                   @Nullable Instant ackedAt, @Nullable String ackedBy) {

    enum State { READY, CLAIMED, PICKED_UP, WITHDRAWN }

    /** A worker's claim on the job, until {@code until}. */
    record Lease(String id, String worker, Instant until) {
    }

    /** The current or last lease, or null if never claimed: a claim writes its id, worker and end together. */
    @Nullable Lease lease() {
        return leaseId == null || worker == null || leasedUntil == null ? null
                : new Lease(leaseId, worker, leasedUntil);
    }

    State state(Instant now) {
        if (withdrawnAt != null) {
            return State.WITHDRAWN;
        }
        if (ackedAt != null) {
            return State.PICKED_UP;
        }
        return leasedUntil != null && leasedUntil.isAfter(now) ? State.CLAIMED : State.READY;
    }
}
