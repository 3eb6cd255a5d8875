package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.catalog.Catalog;
import dev.platen.routing.ReasonCode;
import dev.platen.routing.TierChoice;
import dev.platen.routing.TierVerdict;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Step 2 of a placement: choose the tier it prints at (see {@link TierChoice}) and record it. A placement
 * with no fitting tier, or whose art was found doubtful on inspection, is held for an operator.
 */
@Component
public class ChooseTier {

    private final OrderBook book;
    private final Catalog catalog;
    private final ArtworkRecords artworks;

    ChooseTier(OrderBook book, Catalog catalog, ArtworkRecords artworks) {
        this.book = book;
        this.catalog = catalog;
        this.artworks = artworks;
    }

    /** @return true when the placement has its tier; false when it waits for an operator */
    public boolean choose(String placementId, boolean artworkTrustworthy) {
        PlacementJob job = PlacementJob.load(book, catalog, placementId);
        if (!artworkTrustworthy) {
            book.holdForOperator(placementId, new TierDecision(null, job.placement().effectiveDpi(), false,
                    List.of(ReasonCode.ARTWORK_DOUBTFUL.name())));
            return false;
        }
        TierVerdict verdict = TierChoice.forArtwork(job.catalogPlacement(), job.requestedTier(), header(job));
        book.recordTier(placementId, decisionOf(verdict));
        return verdict.fits();
    }

    /**
     * The header read at upload (the artwork's record), not the file's again: the inspection has just decoded the
     * pixels and found they agree with it, or held the placement for an operator.
     */
    ArtworkHeader header(PlacementJob job) {
        return artworks.header(job.placement().artworkId());
    }

    static TierDecision decisionOf(TierVerdict verdict) {
        List<String> reasons = new ArrayList<>(verdict.reasons().stream().map(ReasonCode::name).toList());
        return new TierDecision(verdict.fits() ? verdict.chosen().id() : null, verdict.effectiveDpi().rounded(),
                verdict.downgraded(), reasons);
    }
}
