package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.proof.MakeSoftProof;
import dev.platen.render.RenderPrintFiles;
import dev.platen.rules.QualityRules;
import dev.platen.rules.RuleSet;

import java.time.Instant;

/**
 * A placement's art at its chosen tier, as the render and proof steps both need it: the product, the tier and its
 * stock looked up in the rule set the placement runs under, and the header and the date from the artwork's record
 * (read once, at upload). The pixels are not here: the render and the proof take them from the node's decoded art,
 * decoded once for both.
 *
 * @param ruleSet          the rule set the placement runs under: its quality rules judge the proof, and its runs
 *                         are told what the steps took
 * @param catalogPlacement the catalog's placement (e.g. {@code front}) of the product
 * @param received         when the artwork was first stored: the date its print files carry
 */
public record PlacementArt(String placementId, String artworkId, RuleSet ruleSet, Product product,
                           Placement catalogPlacement, LayoutTier tier, Stock stock, ArtworkHeader header,
                           Instant received) {

    /** What the render module prints from. */
    public RenderPrintFiles.PrintJob printJob() {
        return new RenderPrintFiles.PrintJob(placementId, artworkId, header, received, product,
                catalogPlacement.id(), tier, stock);
    }

    /** What the proof module proofs, judged by the quality rules of the job's rule set. */
    public MakeSoftProof.ProofJob proofJob() {
        QualityRules rules = ruleSet.quality();
        return new MakeSoftProof.ProofJob(artworkId, header, product, tier, stock, rules.thresholds(),
                rules.ssimFloor());
    }
}
