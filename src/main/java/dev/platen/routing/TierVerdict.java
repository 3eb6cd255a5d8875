package dev.platen.routing;

import dev.platen.catalog.LayoutTier;
import dev.platen.preflight.EffectiveDpi;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The tier a placement prints at, and why.
 *
 * @param requested    the tier the order asked for
 * @param chosen       the tier it will print at, or null when none fits
 * @param effectiveDpi at the chosen tier, or at the requested one when none fits
 */
public record TierVerdict(LayoutTier requested, @Nullable LayoutTier chosen, EffectiveDpi effectiveDpi,
                          List<ReasonCode> reasons) {

    public TierVerdict {
        reasons = List.copyOf(reasons);
    }

    public boolean fits() {
        return chosen != null;
    }

    /** The chosen tier's id, or null when none fits. */
    public @Nullable String chosenId() {
        return chosen == null ? null : chosen.id();
    }

    public boolean downgraded() {
        return chosen != null && !chosen.id().equals(requested.id());
    }
}
