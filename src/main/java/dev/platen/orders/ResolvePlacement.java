package dev.platen.orders;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.routing.TierChoice;
import org.springframework.stereotype.Component;

/**
 * Applies an operator's decision on a held placement: approve its proof, print at another tier, reject it, or ask
 * the shop for new art.
 */
@Component
public class ResolvePlacement {

    private final OrderBook book;
    private final Catalog catalog;
    private final ChooseTier chooseTier;

    ResolvePlacement(OrderBook book, Catalog catalog, ChooseTier chooseTier) {
        this.book = book;
        this.catalog = catalog;
        this.chooseTier = chooseTier;
    }

    /** Checks a decision before it is accepted, so that a bad one is refused while the operator is still there. */
    public void check(String placementId, OperatorDecision decision) {
        PlacementJob job = PlacementJob.load(book, catalog, placementId);
        if (decision.kind() == null) {
            throw new InvalidDecision("Approve, choose a tier, reject, or ask for new art.");
        }
        switch (decision.kind()) {
            case APPROVE -> proofUnderReview(job.placement(), decision);
            case TIER -> tierOf(job, decision);
            case REJECT -> requireNote(decision, "A rejection needs a reason the shop can act on.");
            case NEW_ART -> requireNote(decision, "Tell the shop what is wrong with the art and what would do.");
        }
    }

    public void apply(String placementId, OperatorDecision decision) {
        check(placementId, decision);
        PlacementJob job = PlacementJob.load(book, catalog, placementId);
        switch (decision.kind()) {
            case APPROVE -> book.approve(placementId, decision.operator(), job.placement().laneReason());
            case REJECT -> book.operatorRejected(placementId, decision.operator(), decision.note().trim());
            case NEW_ART -> book.awaitNewArtwork(placementId, decision.operator(), decision.note().trim());
            case TIER -> {
                LayoutTier tier = tierOf(job, decision);
                TierDecision recorded = ChooseTier.decisionOf(TierChoice.operatorChoice(job.requestedTier(), tier,
                        chooseTier.header(job)));
                book.operatorChoseTier(placementId, recorded, decision.operator(), decision.note());
            }
        }
    }

    /**
     * An approval is given on a proof: only a placement the proof lane sent to review has one to approve, and an
     * operator who looked at an older proof (the art or tier changed since their page loaded) approves nothing.
     */
    private static void proofUnderReview(OrderPlacement p, OperatorDecision decision) {
        if (!"REVIEW".equals(p.lane()) || p.softProof() == null || p.printFiles().isEmpty()) {
            throw new InvalidDecision("There is no proof to approve yet: choose a tier, reject, or ask for new art.");
        }
        if (decision.proofSha256() != null && !decision.proofSha256().equals(p.softProof().proofSha256())) {
            throw new InvalidDecision("The proof changed since this page was loaded; look at the new one first.");
        }
    }

    private static void requireNote(OperatorDecision decision, String message) {
        if (decision.note() == null || decision.note().isBlank()) {
            throw new InvalidDecision(message);
        }
    }

    private static LayoutTier tierOf(PlacementJob job, OperatorDecision decision) {
        if (decision.tier() == null || decision.tier().isBlank()) {
            throw new InvalidDecision("Name the tier to print at.");
        }
        return job.catalogPlacement().tier(decision.tier().trim()).orElseThrow(() -> new InvalidDecision(
                "Placement '" + job.catalogPlacement().id() + "' has no tier '" + decision.tier() + "'; it has "
                        + job.catalogPlacement().tiers().stream().map(LayoutTier::id).toList() + "."));
    }
}
