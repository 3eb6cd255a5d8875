package dev.platen.delivery;

import dev.platen.orders.PrintFileRecord;
import dev.platen.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The partner API: list the jobs ready for the partner, claim one (a lease), read its manifest, download its
 * files, acknowledge it; and see the webhooks sent to the partner. The principal is the partner id (see
 * {@link PartnerApiSecurity}).
 */
@RestController
@RequestMapping(PartnerApiSecurity.PATH)
class PartnerApiController {

    private static final String WORKER = "[A-Za-z0-9][A-Za-z0-9_.:@-]{0,99}";

    private final DeliveryQueue queue;
    private final PartnerJobs jobs;
    private final PrintFileDownload download;
    private final LinkSigner links;
    private final PartnerWebhooks webhooks;
    private final Clock clock;

    PartnerApiController(DeliveryQueue queue, PartnerJobs jobs, PrintFileDownload download, LinkSigner links,
                         PartnerWebhooks webhooks, Clock clock) {
        this.queue = queue;
        this.jobs = jobs;
        this.download = download;
        this.links = links;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /**
     * @param status   {@code ready} (not claimed by anyone, or the claim ended), {@code claimed}, {@code picked-up},
     *                 or {@code withdrawn} (the placement left ready for print, e.g. new art: not to be printed)
     * @param lease    the current or last lease; null when never claimed
     */
    record JobView(String id, String orderId,
                   @Schema(allowableValues = {"ready", "claimed", "picked-up", "withdrawn"}) String status,
                   Instant readyAt, @Nullable LeaseView lease,
                   @Nullable Instant pickedUpAt,
                   String manifest) {
    }

    record LeaseView(String leaseId, String worker, Instant leasedUntil) {
    }

    record JobPage(List<JobView> jobs, @Nullable String nextCursor) {
    }

    @GetMapping("/jobs")
    JobPage jobs(Principal partner, @RequestParam(defaultValue = "ready") String status,
                 @RequestParam(defaultValue = "50") int limit,
                 @RequestParam(required = false) @Nullable String cursor) {
        DeliveryJob.State state = switch (status.toLowerCase(Locale.ROOT)) {
            case "ready" -> DeliveryJob.State.READY;
            case "claimed" -> DeliveryJob.State.CLAIMED;
            case "picked-up" -> DeliveryJob.State.PICKED_UP;
            default -> throw ApiProblem.badParameter("status: ready, claimed or picked-up, not '" + status + "'.");
        };
        if (limit < 1 || limit > 200) {
            throw ApiProblem.badParameter("limit: from 1 to 200.");
        }
        JobCursor after = cursor == null || cursor.isBlank() ? null : JobCursor.decode(cursor.trim());
        List<DeliveryJob> page = queue.page(partner.getName(), state, after, limit + 1);
        boolean more = page.size() > limit;
        List<DeliveryJob> shown = more ? page.subList(0, limit) : page;
        String next = null;
        if (more) {
            DeliveryJob last = shown.get(shown.size() - 1); // more: a page of limit + 1, so shown holds limit >= 1
            next = new JobCursor(last.readyAt(), last.placementId()).encode();
        }
        return new JobPage(shown.stream().map(this::view).toList(), next);
    }

    record ClaimRequest(String worker) {
    }

    /** @param claimedNow false when the caller already held this lease (a retried claim) */
    record ClaimView(String job, String leaseId, String worker, Instant leasedUntil, boolean claimedNow,
                     String manifest) {
    }

    @PostMapping("/jobs/{id}/claim")
    ClaimView claim(Principal partner, @PathVariable String id,
                    @RequestBody(required = false) @Nullable ClaimRequest request) {
        String worker = request == null || request.worker() == null ? null : request.worker().trim();
        if (worker == null || worker.isEmpty()) {
            throw ApiProblem.unprocessable("MISSING_FIELD", "worker is required: a name for the worker that "
                    + "claims, so that its retried claim gets the same lease.");
        }
        if (!worker.matches(WORKER)) {
            throw ApiProblem.unprocessable("INVALID_FIELD", "worker: up to 100 letters, digits and . _ : @ -");
        }
        jobs.ready(partner.getName(), id);
        DeliveryQueue.Claim claim = queue.claim(jobs.job(partner.getName(), id), worker);
        DeliveryJob j = claim.job();
        DeliveryJob.Lease lease = Objects.requireNonNull(j.lease(), "a claim that did not throw holds the lease");
        return new ClaimView(j.placementId(), lease.id(), lease.worker(), lease.until(), claim.taken(), manifest(id));
    }

    record AckRequest(String leaseId) {
    }

    record AckView(String job, String leaseId, String pickedUpBy, Instant pickedUpAt) {
    }

    @PostMapping("/jobs/{id}/ack")
    AckView acknowledge(Principal partner, @PathVariable String id,
                        @RequestBody(required = false) @Nullable AckRequest request) {
        if (request == null || request.leaseId() == null || request.leaseId().isBlank()) {
            throw ApiProblem.unprocessable("MISSING_FIELD", "leaseId is required: the lease the claim gave you.");
        }
        DeliveryJob j = queue.acknowledge(jobs.job(partner.getName(), id), request.leaseId().trim());
        // an acknowledgement that did not throw found the row picked up under the caller's lease
        return new AckView(j.placementId(), Objects.requireNonNull(j.leaseId(), "picked up under a lease"),
                Objects.requireNonNull(j.ackedBy(), "picked up by the lease's worker"),
                Objects.requireNonNull(j.ackedAt(), "picked up"));
    }

    @GetMapping("/jobs/{id}/manifest")
    Manifest manifest(Principal partner, @PathVariable String id) {
        return jobs.manifest(partner.getName(), id);
    }

    @GetMapping("/jobs/{id}/files/{sha256}")
    ResponseEntity<?> file(Principal partner, @PathVariable String id, @PathVariable String sha256,
                           HttpServletRequest request) throws IOException {
        PartnerJobs.ReadyJob ready = jobs.ready(partner.getName(), id);
        PrintFileRecord file = jobs.file(ready, sha256);
        return download.answer(file, PartnerJobs.fileName(ready.placement(), file), request);
    }

    record LinkView(String url, Instant expiresAt) {
    }

    /** @param validFor ISO-8601 duration, e.g. {@code PT48H}; at most seven days; the configured default if absent */
    @PostMapping("/jobs/{id}/files/{sha256}/link")
    LinkView link(Principal partner, @PathVariable String id, @PathVariable String sha256,
                  @RequestParam(required = false) @Nullable String validFor) {
        Duration lifetime = null;
        if (validFor != null && !validFor.isBlank()) {
            try {
                lifetime = Duration.parse(validFor.trim());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badParameter("validFor: an ISO-8601 duration such as PT24H, not '" + validFor + "'.");
            }
        }
        PrintFileRecord file = jobs.file(jobs.ready(partner.getName(), id), sha256);
        LinkSigner.SignedLink link = links.sign(id, file.sha256(), partner.getName(), lifetime);
        return new LinkView(link.url(), link.expiresAt());
    }

    record AttemptPage(List<PartnerWebhooks.Attempt> deliveries, @Nullable Long nextCursor) {
    }

    /** Every webhook delivery attempt to this partner, newest first; {@code event} narrows it to one event. */
    @GetMapping("/webhook-deliveries")
    AttemptPage deliveries(Principal partner, @RequestParam(required = false) @Nullable String event,
                           @RequestParam(defaultValue = "50") int limit,
                           @RequestParam(required = false) @Nullable Long cursor) {
        if (limit < 1 || limit > 200) {
            throw ApiProblem.badParameter("limit: from 1 to 200.");
        }
        List<PartnerWebhooks.Attempt> page = webhooks.attempts(partner.getName(), event, cursor, limit + 1);
        boolean more = page.size() > limit;
        List<PartnerWebhooks.Attempt> shown = more ? page.subList(0, limit) : page;
        return new AttemptPage(shown, more ? shown.get(shown.size() - 1).id() : null);
    }

    private JobView view(DeliveryJob j) {
        Instant now = clock.instant();
        String status = switch (j.state(now)) {
            case READY -> "ready";
            case CLAIMED -> "claimed";
            case PICKED_UP -> "picked-up";
            case WITHDRAWN -> "withdrawn";
        };
        DeliveryJob.Lease lease = j.lease();
        return new JobView(j.placementId(), j.orderId(), status, j.readyAt(),
                lease == null ? null : new LeaseView(lease.id(), lease.worker(), lease.until()), j.ackedAt(),
                manifest(j.placementId()));
    }

    private static String manifest(String id) {
        return PartnerApiSecurity.PATH + "/jobs/" + id + "/manifest";
    }
}
