package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Stock;
import dev.platen.render.PlacementPrint;

/**
 * A placement's art at its chosen tier, as the render and proof steps both need it: the header from the artwork's
 * record (read once, at upload), and the pixels from {@link DecodedArt}, decoded once for both steps.
 */
record PlacementArt(PlacementJob job, LayoutTier tier, Stock stock, ArtworkHeader header) {

    static PlacementArt load(PlacementJob job, ArtworkRecords records) {
        String tierId = job.placement().chosenTier();
        if (tierId == null) {
            throw new IllegalStateException("placement " + job.placement().id() + " has no tier yet");
        }
        return at(job, tierId, records);
    }

    /** The art at a given tier of the job's rule set (a replay's, which may differ from the placement's own). */
    static PlacementArt at(PlacementJob job, String tierId, ArtworkRecords records) {
        LayoutTier tier = job.catalogPlacement().tier(tierId)
                .orElseThrow(() -> new IllegalStateException("tier '" + tierId + "' is no longer in the catalog"));
        Stock stock = job.catalog().stock(tier.stock())
                .orElseThrow(() -> new IllegalStateException("stock '" + tier.stock() + "' is no longer in the catalog"));
        return new PlacementArt(job, tier, stock, records.header(job.placement().artworkId()));
    }

    String artworkId() {
        return job.placement().artworkId();
    }

    /** The art's pixels for printing at the tier, as the render step makes them (a PDF page at its scale). */
    ArtworkPixels pixels(DecodedArt decoded) {
        return decoded.pixels(artworkId(), header, PlacementPrint.pdfPixelsPerInch(header, tier));
    }
}
