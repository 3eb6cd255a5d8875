package dev.platen.delivery;

import java.time.Instant;

/**
 * A placement as its partner's queue holds it.
 *
 * @param leaseId     the current or last lease, or null if never claimed
 * @param leasedUntil when the lease ends; a job whose lease has ended may be claimed again
 * @param ackedAt     when a worker reported it picked up, or null
 */
record DeliveryJob(String placementId, String orderId, String partner, Instant readyAt, Instant withdrawnAt,
                   String leaseId, String worker, Instant leasedUntil, Instant ackedAt, String ackedBy) {

    enum State { READY, CLAIMED, PICKED_UP, WITHDRAWN }

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
