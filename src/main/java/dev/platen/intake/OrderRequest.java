package dev.platen.intake;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * An order as a shop posts it.
 *
 * <pre>{"reference":"shop-1001","partner":"acme","items":[{"product":"tshirt","quantity":1,
 *   "placements":[{"placement":"front","tier":"full-front","artwork":"&lt;artwork id&gt;"}]}]}</pre>
 */
record OrderRequest(String reference, String partner, List<Item> items) {

    record Item(String product, Integer quantity, List<PlacementRequest> placements) {
    }

    /** {@code tier} is optional: the placement's largest tier when absent. */
    record PlacementRequest(String placement, @Nullable String tier, String artwork) {
    }
}
