package dev.platen.orders;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.Stock;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ProofLaneFacts;
import dev.platen.routing.ReasonCode;
import org.springframework.stereotype.Component;

import java.util.Optional;

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
        String stockId = job.catalogPlacement().tier(p.chosenTier()).orElseThrow(() -> new IllegalStateException(
                "tier '" + p.chosenTier() + "' is no longer in the catalog")).stock();
        // A stock removed from the catalog since the proof has no class: the table then finds no rule and a person
        // looks, which is the safe answer to a catalog changed under a running order.
        String gamutClass = catalog.stock(stockId).map(Stock::gamutClass).orElse("");
        Optional<WorstFinding> worst = book.worstFinding(placementId);
        return new ProofLaneFacts(gamutClass, p.downgraded(), job.product().reviewDowngrades(),
                p.reasons().contains(ReasonCode.OPERATOR_CHOSE_TIER.name()),
                worst.map(WorstFinding::severity).orElse(null), worst.map(WorstFinding::code).orElse(null),
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
