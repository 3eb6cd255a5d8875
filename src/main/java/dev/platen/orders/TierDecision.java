package dev.platen.orders;

import dev.platen.routing.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** The outcome of choosing a tier, as recorded on a placement. {@code chosenTier} null means none fits. */
public record TierDecision(@Nullable String chosenTier, @Nullable BigDecimal effectiveDpi, boolean downgraded,
                           List<ReasonCode> reasons) {
}
