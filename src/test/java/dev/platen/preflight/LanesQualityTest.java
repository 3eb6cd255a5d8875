package dev.platen.preflight;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.catalog.LayoutTier;
import dev.platen.color.ColorProfile;
import dev.platen.preflight.QualityFinding.Severity;
import dev.platen.render.SourceColour;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The quality checks on the labelled proof-lane set, read in place ({@code -Dplaten.lanes}, else
 * {@code ../shared/lanes}; skipped where the set is absent): every damaged copy gets a PROBLEM naming its defect on
 * the T-shirt front and the poster face, at the tier it would print on, and no real photo or clean logo gets any
 * PROBLEM. The defects are named by the set's own file prefixes; the neon logo's defect is colour, judged by the
 * proof lane's gamut rules, not here. {@link LanesChecksRun} prints the numbers behind it.
 */
class LanesQualityTest {

    /** The set's damaged copies by file-name prefix, and the code their defect must be reported under. */
    private static final Map<String, String> DEFECTS = Map.of(
            "blocky_", "JPEG_BLOCKING",
            "soft_", "SOFT_AT_PRINT_SIZE",
            "truncated_", "TRUNCATED_IMAGE",
            "logo_halo", "ALPHA_FRINGE",
            "logo_lost", "EMPTY_MARGINS");

    @Test
    void damagedArtIsAProblemForItsDefectAndGoodArtIsNever() throws IOException {
        Path folder = Path.of(System.getProperty("platen.lanes", "../shared/lanes"));
        assumeTrue(Files.isRegularFile(folder.resolve("LANES.tsv")), "the labelled set is not beside the checkout");
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().matches("(?i).*\\.(jpe?g|png|tiff?|webp|pdf)"))
                    .sorted().toList();
        }
        ArtworkInspector inspector = new ArtworkInspector(new ArtworkLimits(400_000_000L, 300_000_000L, 1));
        List<String> wrong = new ArrayList<>();
        int judged = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            String defect = DEFECTS.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            boolean good = name.startsWith("good_") || name.startsWith("logo_clean");
            if (defect == null && !good) {
                continue;
            }
            ArtworkPixels pixels = inspector.pixels(file, 150);
            try (SourceColour source = SourceColour.of(pixels, ColorProfile.srgb())) {
                for (List<LayoutTier> product : List.of(LanesChecksRun.TSHIRT_FRONT, LanesChecksRun.POSTER_FACE)) {
                    LayoutTier tier = LanesChecksRun.routed(source.image(), product);
                    List<QualityFinding> findings = new ArrayList<>(
                            QualityChecks.inspect(source.image(), tier, pixels.source()));
                    findings.addAll(QualityChecks.fromDecoding(pixels.findings()));
                    List<String> problems = findings.stream().filter(f -> f.severity() == Severity.PROBLEM)
                            .map(QualityFinding::code).toList();
                    judged++;
                    if (good ? !problems.isEmpty() : !problems.contains(defect)) {
                        wrong.add(name + " on " + tier.id() + ": PROBLEM " + problems);
                    }
                }
            }
        }
        assertThat(judged).as("files judged").isGreaterThan(0);
        assertThat(wrong).as("damaged art without its PROBLEM, or good art with one").isEmpty();
    }
}
