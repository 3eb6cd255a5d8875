package dev.platen.orders;

import dev.platen.catalog.Catalog;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ProofLaneFacts;
import org.springframework.stereotype.Component;

/**
 * Step 5 of a placement, after its soft proof: the facts the proof lane is decided on, and what follows from the
 * lane. A clean placement is approved by the engine; any other waits for an operator's review.
 */
@Component
public class ChooseProofLane {

    private final OrderBook book;
    private final Catalog catalog;

    ChooseProofLane(OrderBook book, Catalog catalog) {
        this.book = book;
        this.catalog = catalog;
    }

    public ProofLaneFacts facts(String placementId) {
        PlacementJob job = PlacementJob.load(book, catalog, placementId);
        OrderPlacement p = job.placement();
        if (p.softProof() == null || p.chosenTier() == null) {
            throw new IllegalStateException("placement " + placementId + " has no soft proof to choose a lane on");
        }
        String stock = job.catalogPlacement().tier(p.chosenTier()).orElseThrow(() -> new IllegalStateException(
                "tier '" + p.chosenTier() + "' is no longer in the catalog")).stock();
        return new ProofLaneFacts(stock, p.downgraded(), book.worstSeverity(placementId).orElse(null),
                p.softProof().outOfGamutShare(), p.softProof().deltaE2000P95());
    }

    /** Approves a placement the lane let through, or holds it for review. */
    public void follow(String placementId, ProofLane lane) {
        switch (lane.lane()) {
            case AUTO -> book.approve(placementId, OrderBook.ENGINE, lane.reason());
            case REVIEW -> book.holdForProofReview(placementId, lane.reason());
        }
    }
}
