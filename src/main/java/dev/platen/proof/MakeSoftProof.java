package dev.platen.proof;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.DecodedArt;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfArtPage;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import dev.platen.preflight.QualityChecks;
import dev.platen.preflight.QualityFinding;
import dev.platen.preflight.QualityFloor;
import dev.platen.preflight.QualityThresholds;
import dev.platen.render.RenderPrintFiles;
import dev.platen.render.SourceColour;
import dev.platen.storage.ObjectStore;
import org.springframework.stereotype.Component;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The soft proof of a placement's art on its stock (proof, gamut view, mockup on the product, before/after) with its
 * colour report, the quality checks of the art at its print size, and the quality floor of the print against the
 * art. The images are stored content-addressed in the object store. The pixels are those the print files were made
 * from, kept on this node by {@link DecodedArt}.
 */
@Component
public class MakeSoftProof {

    /** The proof's long edge: a screen's. */
    private static final int LONG_EDGE = 2048;

    /**
     * One placement's art at its tier, as the proof needs it.
     *
     * @param artworkId  the artwork's SHA-256, its name in the object store
     * @param header     the header read at upload
     * @param thresholds the quality checks' thresholds, from the placement's rule set
     * @param ssimFloor  SSIM of lightness between print and art below which the print is PRINT_BELOW_QUALITY_FLOOR
     */
    public record ProofJob(String artworkId, ArtworkHeader header, Product product, LayoutTier tier, Stock stock,
                           QualityThresholds thresholds, double ssimFloor) {
        public ProofJob {
            Objects.requireNonNull(artworkId, "artworkId");
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * A soft proof made and stored, with what it found.
     *
     * @param proofSha256 and the three after it: the screen images (PNG) in the object store
     * @param worst       the quality finding that decides how urgent the art is, as the proof lane reads it
     * @param belowFloor  whether the print fell below the quality floor
     */
    public record Proofed(List<Finding> findings, String proofSha256, String gamutSha256, String mockupSha256,
                          String beforeAfterSha256, ColourReport report, Optional<QualityFinding> worst,
                          boolean belowFloor) {
        public Proofed {
            findings = List.copyOf(findings);
        }
    }

    private final ArtworkReader reader;
    private final ObjectStore store;
    private final TransformCache transforms;
    private final DecodedArt decoded;

    MakeSoftProof(ArtworkReader reader, ObjectStore store, TransformCache transforms, DecodedArt decoded) {
        this.reader = reader;
        this.store = store;
        this.transforms = transforms;
        this.decoded = decoded;
    }

    /**
     * Makes and stores the proof images and runs the checks: all file work (decoding on a cache miss, the sheet, the
     * pixel checks, storing the images), which the caller runs on its step's clock.
     */
    public Proofed proof(ProofJob job) {
        // The pixels the render step printed from, kept on this node (a miss decodes again: another node, a retry
        // after the art was pushed out, or PDF art the render step printed as vectors).
        ArtworkPixels pixels = pixels(job);
        try (ColorProfile press = job.stock().openProfile();
             SourceColour source = SourceColour.of(pixels, job.stock(), press)) {
            // PDF art is proofed from its true colours (the print's CMYK against each colour through its own
            // profile); the sRGB rendering of its page only serves the pixel checks below.
            ProofSheet sheet = pdfProof(job).orElseGet(() -> ProofSheet.make(source, job.stock(), job.product(),
                    job.tier(), LONG_EDGE, transforms));
            ColourReport report = sheet.report();
            // The pixel checks judge by eye: CMYK art is shown to them through its own profile by LittleCMS.
            BufferedImage judged = source.onScreen();
            List<QualityFinding> quality = new ArrayList<>(QualityChecks.inspect(judged, job.tier(),
                    pixels.source(), job.thresholds()));
            quality.addAll(QualityChecks.fromDecoding(pixels.findings()));
            quality.addAll(QualityChecks.fromColour(source.findings(), job.header().iccProfileDescription(),
                    job.thresholds()));
            Optional<QualityFinding> belowFloor = new QualityFloor(job.ssimFloor()).check(report.ssim());
            belowFloor.ifPresent(quality::add);
            // The severity stays at the head of the message too: API clients have read it there.
            List<Finding> findings = quality.stream().map(q -> new Finding(q.code(),
                    q.severity() + ": " + q.message(), Finding.Severity.valueOf(q.severity().name()),
                    q.trim().map(t -> Finding.Box.ofPixels(t.x(), t.y(), t.width(), t.height(), judged.getWidth(),
                            judged.getHeight())).orElse(null))).toList();
            return new Proofed(findings, shelve(sheet.proof()), shelve(sheet.gamutView()),
                    shelve(sheet.mockup().image()), shelve(sheet.beforeAfter()), report,
                    QualityChecks.worst(quality), belowFloor.isPresent());
        }
    }

    /**
     * The colour report alone, no images stored: a replay's sample, the art proofed under another rule set's tier
     * and stock.
     */
    public ColourReport colourReport(ProofJob job) {
        try (ColorProfile press = job.stock().openProfile();
             SourceColour source = SourceColour.of(pixels(job), job.stock(), press)) {
            ProofSheet sheet = pdfProof(job).orElseGet(() -> ProofSheet.make(source, job.stock(), job.product(),
                    job.tier(), LONG_EDGE, transforms));
            return sheet.report();
        }
    }

    /** The art's pixels for printing at the tier, as the render step makes them (a PDF page at its scale). */
    private ArtworkPixels pixels(ProofJob job) {
        return decoded.pixels(job.artworkId(), job.header(), RenderPrintFiles.pdfPixelsPerInch(job.header(), job.tier()));
    }

    private Optional<ProofSheet> pdfProof(ProofJob job) {
        if (job.header().pdf() == null) {
            return Optional.empty();
        }
        try (PdfArtPage page = reader.pdfPage(store.readablePath(job.artworkId()))) {
            return ProofSheet.ofPdf(page, job.stock(), job.product(), job.tier(), LONG_EDGE, transforms);
        } catch (IOException e) {
            throw new UncheckedIOException("artwork " + job.artworkId() + " cannot be read", e);
        }
    }

    private String shelve(BufferedImage image) {
        try {
            Path temp = store.newTempFile();
            Files.write(temp, ProofSheet.png(image));
            return store.put(temp).sha256();
        } catch (IOException e) {
            throw new UncheckedIOException("storing a proof image failed", e);
        }
    }
}
