package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.routing.ReasonCode;
import dev.platen.routing.TierChoice;
import dev.platen.routing.TierVerdict;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSets;
import dev.platen.rules.TierFacts;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Step 2 of a placement: choose the tier it prints at (see {@link TierChoice}) and record it. A placement
 * with no fitting tier, or whose art was found doubtful on inspection, is held for an operator.
 */
@Component
public class ChooseTier {

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ArtworkRecords artworks;

    ChooseTier(OrderBook book, PlacementLifecycle lifecycle, RuleSets ruleSets, PlacementRuns runs,
               ArtworkRecords artworks) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.artworks = artworks;
    }

    /** @return true when the placement has its tier; false when it waits for an operator */
    public boolean choose(String placementId, boolean artworkTrustworthy) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        OrderPlacement p = job.placement();
        TierFacts facts = new TierFacts(p.product(), p.placement(), p.requestedTier(), header(job), artworkTrustworthy,
                null);
        if (!artworkTrustworthy) {
            lifecycle.holdForOperator(placementId, new TierDecision(null, p.effectiveDpi(), false,
                    List.of(ReasonCode.ARTWORK_DOUBTFUL)));
            runs.tierDecided(placementId, job.ruleSet(), facts, null);
            return false;
        }
        TierVerdict verdict = TierChoice.forArtwork(job.catalogPlacement(), job.requestedTier(), facts.header());
        lifecycle.recordTier(placementId, decisionOf(verdict));
        runs.tierDecided(placementId, job.ruleSet(), facts, verdict.chosenId());
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
        return new TierDecision(verdict.chosenId(), verdict.effectiveDpi().rounded(),
                verdict.downgraded(), verdict.reasons());
    }
}
