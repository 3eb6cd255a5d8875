package dev.platen.delivery;

import dev.platen.orders.PlacementStatus;
import dev.platen.orders.PlacementStatusChanged;
import dev.platen.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each partner's queue of placements ready for print, and the leases and acknowledgements on them. The queue
 * follows the order book: it hears every status change inside the transaction that made it.
 *
 * <p>Claims are decided by the database, not by a lock in this JVM: the lease is taken by an {@code UPDATE}
 * whose {@code WHERE} only matches a job nobody holds (or whose lease has ended). The row lock the update takes
 * makes a second, concurrent update wait and then find the condition false, so exactly one claimer gets a row
 * count of 1, on one node or several.
 */
@Service
class DeliveryQueue {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DeliverySettings settings;

    DeliveryQueue(JdbcClient jdbc, Clock clock, DeliverySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Ready: the job is (again) in the partner's queue, unleased and not picked up, since its files may be new.
     * A repeat of "ready" while it already is ready changes nothing. Any other status withdraws it.
     */
    @EventListener
    void on(PlacementStatusChanged change) {
        Timestamp now = Timestamp.from(clock.instant());
        if (change.status() == PlacementStatus.READY_FOR_PRINT) {
            Optional<DeliveryJob> existing = find(change.placementId());
            if (existing.isEmpty()) {
                jdbc.sql("insert into delivery_job (placement_id, order_id, partner, ready_at) values (?,?,?,?)")
                        .params(change.placementId(), change.orderId(), change.partner(), now).update();
            } else if (existing.get().withdrawnAt() != null) {
                jdbc.sql("""
                        update delivery_job set ready_at = ?, withdrawn_at = null, lease_id = null, worker = null,
                            leased_at = null, leased_until = null, acked_at = null, acked_by = null
                        where placement_id = ?""").params(now, change.placementId()).update();
            }
        } else {
            jdbc.sql("update delivery_job set withdrawn_at = ? where placement_id = ? and withdrawn_at is null")
                    .params(now, change.placementId()).update();
        }
    }

    Optional<DeliveryJob> find(String placementId) {
        return jdbc.sql("select * from delivery_job where placement_id = ?").param(placementId)
                .query(DeliveryQueue::row).optional();
    }

    /** A page of the partner's jobs in one state, oldest ready first, after the cursor's position. */
    List<DeliveryJob> page(String partner, DeliveryJob.State state, @Nullable JobCursor after, int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        String condition = switch (state) {
            case READY -> "acked_at is null and (leased_until is null or leased_until <= :now)";
            case CLAIMED -> "acked_at is null and leased_until > :now";
            case PICKED_UP -> "acked_at is not null";
            case WITHDRAWN -> throw new IllegalArgumentException("withdrawn jobs are not listed");
        };
        String keyset = after == null ? "" : " and (ready_at > :afterAt or (ready_at = :afterAt and placement_id > :afterId))";
        var query = jdbc.sql("select * from delivery_job where partner = :partner and withdrawn_at is null and "
                        + condition + keyset + " order by ready_at, placement_id fetch first :limit rows only")
                .param("partner", partner).param("now", now).param("limit", limit);
        if (after != null) {
            query = query.param("afterAt", Timestamp.from(after.readyAt())).param("afterId", after.placementId());
        }
        return query.query(DeliveryQueue::row).list();
    }

    /** The outcome of a claim: the lease the caller now holds, and whether this call took it. */
    record Claim(DeliveryJob job, boolean taken) {
    }

    /**
     * Takes the lease for {@code worker}, or confirms the one it already holds (a retried claim gets the same
     * lease back, not a longer one).
     *
     * @throws ApiProblem 409 when another worker holds a live lease or the job was picked up
     */
    @Transactional
    Claim claim(DeliveryJob job, String worker) {
        Instant now = clock.instant();
        String leaseId = UUID.randomUUID().toString();
        int won = jdbc.sql("""
                update delivery_job set lease_id = ?, worker = ?, leased_at = ?, leased_until = ?
                where placement_id = ? and withdrawn_at is null and acked_at is null
                    and (leased_until is null or leased_until <= ?)""")
                .params(leaseId, worker, Timestamp.from(now), Timestamp.from(now.plus(settings.lease())),
                        job.placementId(), Timestamp.from(now))
                .update();
        DeliveryJob current = find(job.placementId()).orElseThrow();
        if (won == 1) {
            return new Claim(current, true);
        }
        return switch (current.state(now)) {
            case CLAIMED -> {
                if (worker.equals(current.worker())) {
                    yield new Claim(current, false);
                }
                throw ApiProblem.conflict("LEASE_HELD", "Another worker holds this job until "
                        + current.leasedUntil() + ".");
            }
            case PICKED_UP -> throw ApiProblem.conflict("ALREADY_PICKED_UP", "This job was picked up at "
                    + current.ackedAt() + " by " + current.ackedBy() + ".");
            case WITHDRAWN -> throw notReady(job.placementId());
            // the lease ended between the update and the read: a claim now would race again, so say so
            case READY -> throw ApiProblem.conflict("LEASE_HELD", "The job changed hands; claim it again.");
        };
    }

    /**
     * Marks the job picked up under the caller's lease. The lease may have ended meanwhile, as long as nobody
     * took the job since; a repeated acknowledgement under the same lease answers as the first did.
     */
    @Transactional
    DeliveryJob acknowledge(DeliveryJob job, String leaseId) {
        Instant now = clock.instant();
        int done = jdbc.sql("""
                update delivery_job set acked_at = ?, acked_by = worker
                where placement_id = ? and lease_id = ? and acked_at is null and withdrawn_at is null""")
                .params(Timestamp.from(now), job.placementId(), leaseId).update();
        DeliveryJob current = find(job.placementId()).orElseThrow();
        if (done == 1 || (current.ackedAt() != null && leaseId.equals(current.leaseId()) && current.withdrawnAt() == null)) {
            return current;
        }
        if (current.withdrawnAt() != null) {
            throw notReady(job.placementId());
        }
        if (current.ackedAt() != null) {
            throw ApiProblem.conflict("ALREADY_PICKED_UP", "This job was picked up under another lease.");
        }
        throw ApiProblem.conflict("LEASE_NOT_HELD", "Lease '" + leaseId + "' does not hold this job"
                + (current.leaseId() == null ? "; claim it first." : "; another worker took it after your lease ended."));
    }

    static ApiProblem notReady(String placementId) {
        return ApiProblem.conflict("JOB_NOT_READY", "Job '" + placementId + "' is not ready for print at the moment.");
    }

    private static DeliveryJob row(ResultSet rs, int n) throws SQLException {
        return new DeliveryJob(rs.getString("placement_id"), rs.getString("order_id"), rs.getString("partner"),
                rs.getTimestamp("ready_at").toInstant(), instant(rs, "withdrawn_at"), rs.getString("lease_id"), rs.getString("worker"),
                instant(rs, "leased_until"), instant(rs, "acked_at"), rs.getString("acked_by"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
