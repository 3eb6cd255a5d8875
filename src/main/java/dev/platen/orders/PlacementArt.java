package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Stock;
import dev.platen.render.PlacementPrint;
import dev.platen.storage.ObjectStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A placement's art at its chosen tier, as the render and proof steps both need it. */
record PlacementArt(PlacementJob job, LayoutTier tier, Stock stock, ArtworkHeader header, ArtworkPixels pixels) {

    static PlacementArt load(PlacementJob job, Catalog catalog, ArtworkReader reader, ObjectStore store) {
        String tierId = job.placement().chosenTier();
        if (tierId == null) {
            throw new IllegalStateException("placement " + job.placement().id() + " has no tier yet");
        }
        LayoutTier tier = job.catalogPlacement().tier(tierId)
                .orElseThrow(() -> new IllegalStateException("tier '" + tierId + "' is no longer in the catalog"));
        Stock stock = catalog.stock(tier.stock())
                .orElseThrow(() -> new IllegalStateException("stock '" + tier.stock() + "' is no longer in the catalog"));
        Path file;
        try {
            file = store.readablePath(job.placement().artworkId());
        } catch (IOException e) {
            throw new UncheckedIOException("artwork " + job.placement().artworkId() + " cannot be read from the store", e);
        }
        ArtworkHeader header = reader.readHeader(file);
        return new PlacementArt(job, tier, stock, header, reader.pixels(file, PlacementPrint.pdfPixelsPerInch(header, tier)));
    }
}
