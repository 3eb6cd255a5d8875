package dev.platen.orders;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Product;

/** What a placement step works on: the stored placement with its catalog entries looked up. */
record PlacementJob(OrderPlacement placement, Product product, Placement catalogPlacement, LayoutTier requestedTier) {

    static PlacementJob load(OrderBook book, Catalog catalog, String placementId) {
        OrderPlacement p = book.placement(placementId)
                .orElseThrow(() -> new IllegalArgumentException("no placement " + placementId));
        // The catalog is validated at start and orders only name what it holds; a placement whose product has
        // since been removed from the catalog is a configuration fault worth failing loudly on.
        Product product = catalog.product(p.product())
                .orElseThrow(() -> new IllegalStateException("product '" + p.product() + "' is no longer in the catalog"));
        Placement placement = product.placement(p.placement())
                .orElseThrow(() -> new IllegalStateException("placement '" + p.placement() + "' is no longer in the catalog"));
        LayoutTier requested = placement.tier(p.requestedTier())
                .orElseThrow(() -> new IllegalStateException("tier '" + p.requestedTier() + "' is no longer in the catalog"));
        return new PlacementJob(p, product, placement, requested);
    }
}
