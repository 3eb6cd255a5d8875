package dev.platen.delivery;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.orders.Approval;
import dev.platen.orders.Order;
import dev.platen.orders.OrderBook;
import dev.platen.orders.OrderPlacement;
import dev.platen.orders.PlacementStatus;
import dev.platen.orders.PrintFileRecord;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;
import dev.platen.web.ApiProblem;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/**
 * A partner's view of one job (one placement): found only when its order names that partner, so another
 * partner's id is answered exactly like an id that does not exist.
 */
@Component
class PartnerJobs {

    private final OrderBook orders;
    private final DeliveryQueue queue;
    private final RuleSets ruleSets;
    private final LinkSigner links;

    PartnerJobs(OrderBook orders, DeliveryQueue queue, RuleSets ruleSets, LinkSigner links) {
        this.orders = orders;
        this.queue = queue;
        this.ruleSets = ruleSets;
        this.links = links;
    }

    /** The partner's job; 404 when it is another partner's or none. */
    DeliveryJob job(String partner, String jobId) {
        DeliveryJob job = queue.find(jobId).orElse(null);
        if (job != null) {
            if (!job.partner().equals(partner)) {
                throw noJob(jobId);
            }
            return job;
        }
        // Not in the queue: a placement of this partner that was never ready is "not ready", anything else unknown.
        OrderPlacement placement = orders.placement(jobId).orElseThrow(() -> noJob(jobId));
        Order order = orders.find(placement.orderId()).orElseThrow(() -> noJob(jobId));
        if (!order.partner().equals(partner)) {
            throw noJob(jobId);
        }
        throw DeliveryQueue.notReady(jobId);
    }

    /** A job that is ready (claimed or picked up included), with its placement and the approval it prints under. */
    record ReadyJob(DeliveryJob job, Order order, OrderPlacement placement, Approval approval) {
    }

    ReadyJob ready(String partner, String jobId) {
        DeliveryJob job = job(partner, jobId);
        OrderPlacement placement = orders.placement(jobId).orElseThrow(() -> noJob(jobId));
        if (job.withdrawnAt() != null || placement.status() != PlacementStatus.READY_FOR_PRINT) {
            throw DeliveryQueue.notReady(jobId);
        }
        Approval approval = Optional.ofNullable(placement.approval()).orElseThrow(() -> DeliveryQueue.notReady(jobId));
        Order order = orders.find(placement.orderId()).orElseThrow(() -> noJob(jobId));
        return new ReadyJob(job, order, placement, approval);
    }

    /**
     * A print file of the job, only if it is one the approval names: a partner downloads exactly what was
     * approved, never a file made after it.
     */
    PrintFileRecord file(ReadyJob ready, String sha256) {
        String key = sha256.toLowerCase(Locale.ROOT);
        return ready.placement().printFiles().stream()
                .filter(f -> f.sha256().equals(key) && ready.approval().printFileSha256s().contains(key))
                .findFirst().orElseThrow(() -> noFile(sha256));
    }

    static String fileName(OrderPlacement p, PrintFileRecord f) {
        return p.product() + "-" + p.placement() + "-" + p.chosenTier() + "-" + f.sha256().substring(0, 12) + "."
                + (f.format().equals("pdfx4") ? "pdf" : "tif");
    }

    Manifest manifest(String partner, String jobId) {
        ReadyJob ready = ready(partner, jobId);
        OrderPlacement p = ready.placement();
        // the catalog of the rule set the placement ran under: the one its print files were made by
        RuleSet rules = ruleSets.number(p.ruleSet());
        Catalog catalog = rules.catalog();
        Product product = catalog.product(p.product()).orElseThrow(() -> gone("product " + p.product()));
        dev.platen.catalog.Placement where = product.placement(p.placement())
                .orElseThrow(() -> gone("placement " + p.placement() + " of " + p.product()));
        LayoutTier tier = where.tier(p.chosenTier()).orElseThrow(() -> gone("tier " + p.chosenTier()));
        Stock stock = catalog.stock(tier.stock()).orElseThrow(() -> gone("stock " + tier.stock()));
        Approval a = ready.approval();
        return new Manifest(jobId, new Manifest.OrderRef(ready.order().id(), ready.order().reference()),
                product.id(), product.name(), where.id(), where.name(), p.quantity(),
                new Manifest.Tier(tier.id(), tier.name(), p.requestedTier(), p.downgraded(),
                        p.downgraded() ? p.requestedTier() : null, p.effectiveDpi(), tier.targetDpi(), p.reasons()),
                new Manifest.PhysicalSize(tier.printArea().width(), tier.printArea().height(),
                        tier.printArea().unit().symbol(), tier.printArea().widthInches(),
                        tier.printArea().heightInches(), product.bleedInches()),
                new Manifest.StockRef(stock.id(), stock.name(), stock.paper(), stock.outputCondition()),
                new Manifest.Profile(stock.profileDescription(), stock.profile().getFileName().toString(),
                        stock.profileSha256()),
                stock.intent().name(), stock.blackPointCompensation(),
                new Manifest.ApprovalRef(a.approvedBy(), a.approvedAt(), a.automatic(), a.laneReason(), a.proofSha256()),
                p.printFiles().stream().filter(f -> a.printFileSha256s().contains(f.sha256())).map(f -> {
                    LinkSigner.SignedLink link = links.sign(jobId, f.sha256(), partner, null);
                    return new Manifest.FileRef(f.format(), f.mediaType(), f.bytes(), f.sha256(), f.widthPx(),
                            f.heightPx(), f.dpi(), PartnerApiSecurity.PATH + "/jobs/" + jobId + "/files/" + f.sha256(),
                            link.url(), link.expiresAt());
                }).toList(), new Manifest.RuleSetRef(rules.number(), rules.digest()));
    }

    /** Unknown and another partner's ids are answered alike, so an id tells a partner nothing it may not know. */
    private static ApiProblem noJob(String id) {
        return ApiProblem.notFound("JOB_NOT_FOUND", "No job '" + id + "' for this partner.");
    }

    private static ApiProblem noFile(String sha256) {
        return ApiProblem.notFound("PRINT_FILE_NOT_FOUND", "No print file '" + sha256 + "' in this job.");
    }

    private static IllegalStateException gone(String what) {
        return new IllegalStateException(what + " is no longer in the catalog");
    }
}
