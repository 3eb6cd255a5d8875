package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Stock;
import dev.platen.proof.MakeSoftProof;
import dev.platen.render.RenderPrintFiles;
import dev.platen.rules.QualityRules;

import java.time.Instant;

/**
 * A placement's art at its chosen tier, as the render and proof steps both need it: the job, the tier and its
 * stock looked up in the placement's rule set, and the header and the date from the artwork's record (read once, at
 * upload). The pixels are not here: the render and the proof take them from the node's decoded art, decoded once for
 * both.
 *
 * @param received when the artwork was first stored: the date its print files carry
 */
public record PlacementArt(PlacementJob job, LayoutTier tier, Stock stock, ArtworkHeader header, Instant received) {

    public String placementId() {
        return job.placement().id();
    }

    public String artworkId() {
        return job.placement().artworkId();
    }

    /** What the render module prints from. */
    public RenderPrintFiles.PrintJob printJob() {
        return new RenderPrintFiles.PrintJob(placementId(), artworkId(), header, received, job.product(),
                job.catalogPlacement().id(), tier, stock);
    }

    /** What the proof module proofs, judged by the quality rules of the job's rule set. */
    public MakeSoftProof.ProofJob proofJob() {
        QualityRules rules = job.ruleSet().quality();
        return new MakeSoftProof.ProofJob(artworkId(), header, job.product(), tier, stock, rules.thresholds(),
                rules.ssimFloor());
    }
}
