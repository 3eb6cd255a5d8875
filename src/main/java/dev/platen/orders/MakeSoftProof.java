package dev.platen.orders;

import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfArtPage;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import dev.platen.preflight.QualityChecks;
import dev.platen.preflight.QualityFinding;
import dev.platen.preflight.QualityFloor;
import dev.platen.proof.ColourReport;
import dev.platen.proof.ProofSheet;
import dev.platen.render.SourceColour;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.QualityRules;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;
import dev.platen.rules.SampleProofs;
import dev.platen.storage.ObjectStore;
import org.springframework.stereotype.Component;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 4 of a placement, after its print files: the soft proof on its stock (proof, gamut view, mockup on the
 * product, before/after) with its colour report, the quality checks of the art at its print size, and the quality
 * floor of the print against the art (the rule set's {@code ssimFloor}). The images are stored content-addressed;
 * the proof lane decides next.
 */
@Component
public class MakeSoftProof implements SampleProofs {

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ArtworkReader reader;
    private final ObjectStore store;
    private final TransformCache transforms;
    private final ArtworkRecords artworks;
    private final DecodedArt decoded;
    private final StepTimeLimit timeLimit;

    /** The proof's long edge: a screen's. */
    private static final int LONG_EDGE = 2048;

    MakeSoftProof(OrderBook book, PlacementLifecycle lifecycle, RuleSets ruleSets, PlacementRuns runs,
                  ArtworkReader reader, ObjectStore store, TransformCache transforms, ArtworkRecords artworks,
                  DecodedArt decoded, StepTimeLimit timeLimit) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.reader = reader;
        this.store = store;
        this.transforms = transforms;
        this.artworks = artworks;
        this.decoded = decoded;
        this.timeLimit = timeLimit;
    }

    /**
     * The step's work, outside any transaction: makes and stores the proof images and runs the checks; nothing is
     * recorded against the placement until {@link #record}.
     */
    public Proofed proof(String placementId) {
        StepTimeLimit.Clock clock = timeLimit.start("Make soft proof", placementId);
        long started = System.nanoTime();
        PlacementArt art = PlacementArt.load(PlacementJob.load(book, ruleSets, placementId), artworks);
        // The file work (decoding on a cache miss, the sheet, the pixel checks, storing the images) runs under the
        // step's clock, on a thread of its own.
        Sheet sheet = clock.run(() -> sheet(art));
        return new Proofed(placementId, sheet.findings(), sheet.record(), sheet.worst(), sheet.belowFloor(),
                art.job().ruleSet(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Records the proof, its findings and figures against the placement, in the transaction that ends the step. */
    public void record(Proofed proofed) {
        lifecycle.addFindings(proofed.placementId(), proofed.findings());
        lifecycle.recordSoftProof(proofed.placementId(), proofed.record(), proofed.worst());
        runs.proofMeasured(proofed.placementId(), proofed.ruleSet(), proofed.record().deltaE2000P95(),
                proofed.belowFloor());
        runs.stepTook(proofed.placementId(), proofed.ruleSet(), PlacementRuns.Step.PROOF, proofed.tookMillis());
    }

    /** A soft proof made and stored for a placement, with what it found, not yet recorded against it. */
    public record Proofed(String placementId, List<Finding> findings, SoftProofRecord record,
                          Optional<WorstFinding> worst, boolean belowFloor, RuleSet ruleSet, long tookMillis) {
        public Proofed {
            findings = List.copyOf(findings);
        }
    }

    private record Sheet(List<Finding> findings, SoftProofRecord record, Optional<WorstFinding> worst,
                         boolean belowFloor) {
    }

    private Sheet sheet(PlacementArt art) {
        QualityRules rules = art.job().ruleSet().quality();
        // The pixels the render step printed from, kept on this node (a miss decodes again: another node, a retry
        // after the art was pushed out, or PDF art the render step printed as vectors).
        ArtworkPixels pixels = art.pixels(decoded);
        try (ColorProfile press = art.stock().openProfile();
             SourceColour source = SourceColour.of(pixels, art.stock(), press)) {
            // PDF art is proofed from its true colours (the print's CMYK against each colour through its own
            // profile); the sRGB rendering of its page only serves the pixel checks below.
            ProofSheet sheet = pdfProof(art).orElseGet(() -> ProofSheet.make(source, art.stock(),
                    art.job().product(), art.tier(), LONG_EDGE, transforms));
            ColourReport report = sheet.report();
            // The pixel checks judge by eye: CMYK art is shown to them through its own profile by LittleCMS.
            BufferedImage judged = source.onScreen();
            List<QualityFinding> quality = new ArrayList<>(QualityChecks.inspect(judged, art.tier(),
                    pixels.source(), rules.thresholds()));
            quality.addAll(QualityChecks.fromDecoding(pixels.findings()));
            quality.addAll(QualityChecks.fromColour(source.findings(), art.header().iccProfileDescription(),
                    rules.thresholds()));
            Optional<QualityFinding> belowFloor = new QualityFloor(rules.ssimFloor()).check(report.ssim());
            belowFloor.ifPresent(quality::add);
            // The severity stays at the head of the message too: API clients have read it there.
            List<Finding> findings = quality.stream().map(q -> new Finding(q.code(),
                    q.severity() + ": " + q.message(), Finding.Severity.valueOf(q.severity().name()),
                    q.trim().map(t -> Finding.Box.ofPixels(t.x(), t.y(), t.width(), t.height(), judged.getWidth(),
                            judged.getHeight())).orElse(null))).toList();
            Optional<WorstFinding> worst = QualityChecks.worst(quality)
                    .map(q -> new WorstFinding(q.severity().name(), q.code()));
            SoftProofRecord record = new SoftProofRecord(shelve(sheet.proof()), shelve(sheet.gamutView()),
                    shelve(sheet.mockup().image()), shelve(sheet.beforeAfter()), report.deltaE2000Mean(),
                    report.deltaE2000P95(), report.outOfGamutShare(), report.maxTotalInk(), report.ssim());
            return new Sheet(findings, record, worst, belowFloor.isPresent());
        }
    }

    /**
     * A replay's sample: the placement's art proofed under another rule set at its tier, the colour report only, no
     * images stored and nothing recorded against the placement.
     */
    @Override
    public ColourFigures proof(String placementId, RuleSet rules, String tier) {
        PlacementArt art = PlacementArt.at(PlacementJob.load(book, ruleSets, placementId).under(rules), tier, artworks);
        try (ColorProfile press = art.stock().openProfile();
             SourceColour source = SourceColour.of(art.pixels(decoded), art.stock(), press)) {
            ProofSheet sheet = pdfProof(art).orElseGet(() -> ProofSheet.make(source, art.stock(),
                    art.job().product(), art.tier(), LONG_EDGE, transforms));
            ColourReport report = sheet.report();
            return new ColourFigures(report.deltaE2000P95(), report.outOfGamutShare(), report.ssim());
        }
    }

    private Optional<ProofSheet> pdfProof(PlacementArt art) {
        if (art.header().pdf() == null) {
            return Optional.empty();
        }
        try (PdfArtPage page = reader.pdfPage(store.readablePath(art.artworkId()))) {
            return ProofSheet.ofPdf(page, art.stock(), art.job().product(), art.tier(), LONG_EDGE, transforms);
        } catch (IOException e) {
            throw new UncheckedIOException("artwork " + art.artworkId() + " cannot be read", e);
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
