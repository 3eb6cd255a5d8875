package dev.platen.orders;

import dev.platen.routing.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** A placement as intake accepted it, with the verdict computed from the artwork's headers. */
public record NewPlacement(int itemIndex, String product, int quantity, String placement, String requestedTier,
                           String artworkId, @Nullable String chosenTier, @Nullable BigDecimal effectiveDpi,
                           boolean downgraded,
                           List<ReasonCode> reasons) {
}
