package dev.platen.preflight;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintArea;
import dev.platen.color.ColorProfile;
import dev.platen.render.SourceColour;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the quality checks on every file of the labelled proof-lane set, at the tier each would print on, and prints
 * every metric beside the worst finding, so the margins between good and damaged art can be read off. Not a test:
 * the calibration command whose numbers the checks' class comments quote.
 *
 * <pre>java -cp ... dev.platen.preflight.LanesChecksRun [folder]</pre>
 *
 * The folder defaults to the system property {@code platen.lanes}, else {@code ../shared/lanes}. The tier is the
 * one routing picks: the largest of the product's stepped tiers whose 150 DPI minimum the art meets placed
 * "contain", else the smallest.
 */
public final class LanesChecksRun {

    static final List<LayoutTier> TSHIRT_FRONT = List.of(
            tier("full-front", 12, 16), tier("centred", 10, 10), tier("centred-mini", 6, 6));
    static final List<LayoutTier> POSTER_FACE = List.of(
            tier("poster-18x24", 18, 24), tier("poster-12x16", 12, 16), tier("poster-8x10", 8, 10));

    private LanesChecksRun() {
    }

    private static LayoutTier tier(String id, int width, int height) {
        return new LayoutTier(id, id, PrintArea.inches(width, height), null, 150, 300, "any", null);
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : System.getProperty("platen.lanes", "../shared/lanes"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png|tiff?|webp|pdf)"))
                    .sorted().toList();
        }
        ArtworkInspector inspector = new ArtworkInspector(new ArtworkLimits(400_000_000L, 300_000_000L, 1));
        System.out.printf(Locale.ROOT, "%-50s %-6s %-13s %5s %6s %6s %6s %5s %6s %6s %6s %s%n", "file", "coding",
                "tier", "dpi", "sharp", "spread", "detail", "block", "fringe", "halo", "empty", "PROBLEM / WARNING");
        for (Path file : files) {
            ArtworkPixels pixels;
            try {
                pixels = inspector.pixels(file, 150);
            } catch (ArtworkRejected e) {
                System.out.printf(Locale.ROOT, "%-50s rejected %s%n", file.getFileName(), e.code());
                continue;
            }
            try (SourceColour source = SourceColour.of(pixels, ColorProfile.srgb())) {
                BufferedImage art = source.onScreen();
                for (List<LayoutTier> product : List.of(TSHIRT_FRONT, POSTER_FACE)) {
                    LayoutTier tier = routed(art, product);
                    QualityThresholds t = QualityThresholds.DEFAULTS;
                    WorkingCopy copy = WorkingCopy.of(art, tier.printArea(), t.workingDpi(), t.workingMaxPixels());
                    double dpi = EffectiveDpi.ofRaster(art.getWidth(), art.getHeight(), tier.printArea()).value();
                    Upscaling.Measurement up = Upscaling.measure(art);
                    AlphaFringeCheck.Measurement fringe = AlphaFringeCheck.measure(art);
                    MarginCheck.Measurement margin = MarginCheck.measure(art);
                    List<QualityFinding> findings = new ArrayList<>(
                            QualityChecks.inspect(art, tier, pixels.source()));
                    findings.addAll(QualityChecks.fromDecoding(pixels.findings()));
                    String flagged = findings.stream()
                            .filter(f -> f.severity() != QualityFinding.Severity.INFO)
                            .map(f -> f.code() + (f.severity() == QualityFinding.Severity.PROBLEM ? "!" : "?"))
                            .collect(Collectors.joining(" "));
                    System.out.printf(Locale.ROOT, "%-50s %-6s %-13s %5.0f %6.3f %6.2f %6.0f %5.2f %6.3f %6.3f "
                                    + "%6.3f %s%n", shorten(file.getFileName().toString()),
                            pixels.coding().name().substring(0, Math.min(6, pixels.coding().name().length())),
                            tier.id(), dpi, SoftnessCheck.measure(copy), up.spread(),
                            SoftnessCheck.detailDpi(dpi, up.spread()),
                            BlockingCheck.measure(art), fringe.fringeShare(), fringe.haloShare(), margin.emptyShare(),
                            flagged);
                }
            }
        }
    }

    /** The largest tier whose minimum DPI the art meets placed "contain", else the smallest. */
    static LayoutTier routed(BufferedImage art, List<LayoutTier> tiers) {
        for (LayoutTier tier : tiers) {
            if (EffectiveDpi.ofRaster(art.getWidth(), art.getHeight(), tier.printArea()).value() >= tier.minDpi()) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    private static String shorten(String name) {
        return name.length() <= 50 ? name : name.substring(0, 47) + "...";
    }
}
