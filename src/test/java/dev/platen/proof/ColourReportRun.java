package dev.platen.proof;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.render.SourceColour;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints the colour report of one artwork on each stock named, as the soft-proof step makes it (poster, largest
 * tier, 2048 px proof): {@code java -cp ... dev.platen.proof.ColourReportRun art.jpg coated-gloss uncoated-offset}.
 * Not a test: a measuring command whose numbers go into notes and the README.
 */
public final class ColourReportRun {

    private ColourReportRun() {
    }

    public static void main(String[] args) {
        Path art = Path.of(args[0]);
        ArtworkPixels pixels = new ArtworkInspector(new ArtworkLimits(400_000_000L, 300_000_000L, 1)).pixels(art, 150);
        Product poster = ProofFixtures.product("poster");
        LayoutTier tier = poster.placements().get(0).largestTier();
        for (int i = 1; i < args.length; i++) {
            Stock stock = ProofFixtures.stock(args[i]);
            try (ColorProfile press = stock.openProfile(); SourceColour source = SourceColour.of(pixels, press)) {
                ColourReport r = ProofSheet.make(source, stock, poster, tier, 2048).report();
                System.out.printf(Locale.ROOT, "%s on %s: ΔE2000 mean %.2f, p95 %.2f; %.1f %% out of gamut; max ink %.0f %%%n",
                        art.getFileName(), stock.id(), r.deltaE2000Mean(), r.deltaE2000P95(),
                        r.outOfGamutShare() * 100, r.maxTotalInk());
            }
        }
    }
}
