package dev.platen.rules;

import org.jspecify.annotations.Nullable;

/**
 * New pixels for a replay: a placement's art proofed again under a candidate rule set, at the tier the candidate
 * chose, on that tier's stock, without storing anything. Provided by the module that makes soft proofs.
 */
public interface SampleProofs {

    /** The colour figures the lane table reads, as a soft proof of the placement under {@code rules} at {@code tier}. */
    ColourFigures proof(String placementId, RuleSet rules, String tier);

    /**
     * @param deltaE95        95th percentile of ΔE2000 between art and print, as a viewer sees them
     * @param outOfGamutShare share of the picture the stock cannot print, 0 to 1
     * @param ssim            SSIM of lightness between print and art (the quality floor's figure); null where it was
     *                        not recorded
     */
    record ColourFigures(double deltaE95, double outOfGamutShare, @Nullable Double ssim) {
    }
}
