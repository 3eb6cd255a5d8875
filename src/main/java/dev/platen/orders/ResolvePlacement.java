package dev.platen.orders;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.routing.TierChoice;
import org.springframework.stereotype.Component;

/** Applies an operator's decision on a held placement: print at the tier they chose, or reject it. */
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
            throw new InvalidDecision("Choose a tier or reject the placement.");
        }
        switch (decision.kind()) {
            case TIER -> tierOf(job, decision);
            case REJECT -> {
                if (decision.note() == null || decision.note().isBlank()) {
                    throw new InvalidDecision("A rejection needs a reason the shop can act on.");
                }
            }
        }
    }

    public void apply(String placementId, OperatorDecision decision) {
        check(placementId, decision);
        PlacementJob job = PlacementJob.load(book, catalog, placementId);
        if (decision.kind() == OperatorDecision.Kind.REJECT) {
            book.operatorRejected(placementId, decision.operator(), decision.note().trim());
            return;
        }
        LayoutTier tier = tierOf(job, decision);
        TierDecision recorded = ChooseTier.decisionOf(TierChoice.operatorChoice(job.requestedTier(), tier,
                chooseTier.header(job)));
        book.operatorChoseTier(placementId, recorded, decision.operator(), decision.note());
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
