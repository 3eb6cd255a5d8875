package dev.platen.orders;

import dev.platen.routing.ReasonCode;
import dev.platen.routing.TierVerdict;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** The outcome of choosing a tier, as recorded on a placement. {@code chosenTier} null means none fits. */
public record TierDecision(@Nullable String chosenTier, @Nullable BigDecimal effectiveDpi, boolean downgraded,
                           List<ReasonCode> reasons) {

    /** Routing's verdict as the placement records it: the DPI rounded to 0.1. */
    static TierDecision of(TierVerdict verdict) {
        return new TierDecision(verdict.chosenId(), verdict.effectiveDpi().rounded(), verdict.downgraded(),
                verdict.reasons());
    }
}
