package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.catalog.LayoutTier;
import dev.platen.proof.ColourReport;
import dev.platen.proof.MakeSoftProof;
import dev.platen.rules.QualityRules;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;
import dev.platen.rules.SampleProofs;
import org.springframework.stereotype.Component;

/**
 * A replay's samples: a placement's art proofed under another rule set at its tier by the proof module, the colour
 * report only, no images stored and nothing recorded against the placement. Here because the placement is loaded
 * from the order book, which the proof module does not know.
 */
@Component
class ReplaySamples implements SampleProofs {

    private final OrderBook book;
    private final RuleSets ruleSets;
    private final ArtworkRecords artworks;
    private final MakeSoftProof proofs;

    ReplaySamples(OrderBook book, RuleSets ruleSets, ArtworkRecords artworks, MakeSoftProof proofs) {
        this.book = book;
        this.ruleSets = ruleSets;
        this.artworks = artworks;
        this.proofs = proofs;
    }

    @Override
    public ColourFigures proof(String placementId, RuleSet rules, String tierId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId).under(rules);
        LayoutTier tier = PlacementJobs.tierOf(job, tierId);
        ArtworkHeader header = artworks.header(job.placement().artworkId());
        QualityRules quality = rules.quality();
        ColourReport report = proofs.colourReport(new MakeSoftProof.ProofJob(job.placement().artworkId(), header,
                job.product(), tier, PlacementJobs.stockOf(job, tier), quality.thresholds(), quality.ssimFloor()));
        return new ColourFigures(report.deltaE2000P95(), report.outOfGamutShare(), report.ssim());
    }
}
