package dev.platen.routing;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.preflight.EffectiveDpi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Picks the tier a placement prints at: the requested tier if the art reaches its minimum DPI, else the
 * largest smaller tier of the same placement that it reaches, else none (an operator decides). Never a tier
 * larger than the one requested: the shop asked for at most that size.
 */
public final class TierChoice {

    private TierChoice() {
    }

    /** The verdict for this artwork, from what its header says of its pixels (or its PDF's placed images). */
    public static TierVerdict forArtwork(Placement placement, LayoutTier requested, ArtworkHeader header) {
        return choose(placement, requested, tier -> EffectiveDpi.of(header, tier.printArea()));
    }

    public static TierVerdict choose(Placement placement, LayoutTier requested, Function<LayoutTier, EffectiveDpi> dpiAt) {
        EffectiveDpi atRequested = dpiAt.apply(requested);
        if (atRequested.meets(requested.minDpi())) {
            return new TierVerdict(requested, requested, atRequested, reasons(ReasonCode.FITS_REQUESTED_TIER, requested, atRequested));
        }
        for (LayoutTier smaller : placement.tiersBelow(requested)) {
            EffectiveDpi dpi = dpiAt.apply(smaller);
            if (dpi.meets(smaller.minDpi())) {
                return new TierVerdict(requested, smaller, dpi, reasons(ReasonCode.LOW_DPI_DOWNGRADED, smaller, dpi));
            }
        }
        return new TierVerdict(requested, null, atRequested, List.of(ReasonCode.NO_TIER_FITS));
    }

    /**
     * An operator's choice of tier, taken as given (they may knowingly print below the minimum), with the DPI
     * it will print at and whether that is below the tier's tested minimum.
     */
    public static TierVerdict operatorChoice(LayoutTier requested, LayoutTier chosen, ArtworkHeader header) {
        EffectiveDpi dpi = EffectiveDpi.of(header, chosen.printArea());
        List<ReasonCode> reasons = new ArrayList<>();
        reasons.add(ReasonCode.OPERATOR_CHOSE_TIER);
        if (!dpi.meets(chosen.minDpi())) {
            reasons.add(ReasonCode.BELOW_MINIMUM_DPI);
        } else if (dpi.unlimited()) {
            reasons.add(ReasonCode.VECTOR_ART);
        } else if (!dpi.meets(chosen.targetDpi())) {
            reasons.add(ReasonCode.BELOW_TARGET_DPI);
        }
        return new TierVerdict(requested, chosen, dpi, reasons);
    }

    private static List<ReasonCode> reasons(ReasonCode first, LayoutTier tier, EffectiveDpi dpi) {
        List<ReasonCode> reasons = new ArrayList<>();
        reasons.add(first);
        if (dpi.unlimited()) {
            reasons.add(ReasonCode.VECTOR_ART);
        } else if (!dpi.meets(tier.targetDpi())) {
            reasons.add(ReasonCode.BELOW_TARGET_DPI);
        }
        return reasons;
    }
}
