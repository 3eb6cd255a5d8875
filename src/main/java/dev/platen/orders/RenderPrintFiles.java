package dev.platen.orders;

import dev.platen.artwork.ArtworkDecoderBusy;
import dev.platen.artwork.Finding;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Stock;
import dev.platen.render.PlacementPrint;
import dev.platen.render.PrintFile;
import dev.platen.render.PrintFiles;
import dev.platen.render.Provenance;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of a placement, the job ticket of a print file: load the placement, have the render module print its art
 * on the tier's stock ({@link PlacementPrint}: PDF art as vectors, raster art separated, each saying what happened
 * to its colours), store the files, record them and the findings. The art's header is the one recorded at upload and
 * its pixels come from {@link DecodedArt}: decoded by the inspection (raster art), kept for the soft proof next.
 */
@Component
public class RenderPrintFiles {

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ObjectStore store;
    private final PlacementPrint print;
    private final String engineVersion;
    private final StepTimeLimit timeLimit;
    private final ArtworkRecords artworks;
    private final DecodedArt decoded;

    RenderPrintFiles(OrderBook book, PlacementLifecycle lifecycle, RuleSets ruleSets, PlacementRuns runs,
                     ObjectStore store, PlacementPrint print, ObjectProvider<BuildProperties> build,
                     StepTimeLimit timeLimit, ArtworkRecords artworks, DecodedArt decoded) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.store = store;
        this.print = print;
        this.artworks = artworks;
        this.decoded = decoded;
        BuildProperties properties = build.getIfAvailable();
        this.engineVersion = properties != null ? properties.getVersion() : "dev";
        this.timeLimit = timeLimit;
    }

    /**
     * The step's work, outside any transaction: prints the placement's files and stores them; nothing is recorded
     * against the placement until {@link #record}.
     */
    public Rendered render(String placementId) {
        StepTimeLimit.Clock clock = timeLimit.start("Render print files", placementId);
        long started = System.nanoTime();
        PlacementArt art = PlacementArt.load(PlacementJob.load(book, ruleSets, placementId), artworks);
        PlacementJob job = art.job();
        try {
            return print(placementId, clock, art, started);
        } catch (ArtworkDecoderBusy busy) {
            throw busy; // load, not the rules: the step waits and tries again
        } catch (RuntimeException e) {
            // each failed attempt counts against its rule set's guardrail, not only the last one: a candidate
            // whose renders fail is rolled back before its placements have used up their retries
            runs.failed(placementId, job.ruleSet().number());
            throw e;
        }
    }

    /** Records the files and findings against their placement, in the transaction that ends the step. */
    public void record(Rendered rendered) {
        lifecycle.addFindings(rendered.placementId(), rendered.findings());
        lifecycle.recordPrintFiles(rendered.placementId(), rendered.files());
        runs.stepTook(rendered.placementId(), rendered.ruleSet(), PlacementRuns.Step.RENDER, rendered.tookMillis());
    }

    /** Print files made and stored for a placement, not yet recorded against it. */
    public record Rendered(String placementId, List<PrintFileRecord> files, List<Finding> findings, RuleSet ruleSet,
                           long tookMillis) {
        public Rendered {
            files = List.copyOf(files);
            findings = List.copyOf(findings);
        }
    }

    private Rendered print(String placementId, StepTimeLimit.Clock clock, PlacementArt art, long started) {
        PlacementJob job = art.job();
        LayoutTier tier = art.tier();
        Stock stock = art.stock();
        // The file work runs under the step's clock, native colour handles opened and closed on its own thread, so
        // that a step stopped at its time limit cannot close them under a transform still running.
        PlacementPrint.Printed printed = clock.run(() -> {
            try {
                return print.print(store.readablePath(art.artworkId()), art.header(),
                        ppi -> decoded.pixels(art.artworkId(), art.header(), ppi), job.product(), tier, stock,
                        provenance(job, tier, stock), store::newTempFile);
            } catch (IOException e) {
                throw new UncheckedIOException("writing the print files of placement " + placementId + " failed", e);
            }
        });
        return new Rendered(placementId, shelve(printed.files()), printed.findings(), job.ruleSet(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private Provenance provenance(PlacementJob job, LayoutTier tier, Stock stock) {
        return new Provenance(job.placement().artworkId(), artworks.received(job.placement().artworkId()),
                stock.intent().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                stock.blackPointCompensation(), job.product().id(), job.catalogPlacement().id(), tier.id(),
                engineVersion);
    }

    private List<PrintFileRecord> shelve(PrintFiles files) {
        List<PrintFileRecord> records = new ArrayList<>();
        for (PrintFile file : files.files()) {
            try {
                StoredObject stored = store.put(file.path());
                records.add(new PrintFileRecord(file.format().wireName(), file.format().mediaType(), stored.sha256(),
                        stored.bytes(), files.widthPx(), files.heightPx(), files.dpi(), files.profileSha256()));
            } catch (IOException e) {
                throw new UncheckedIOException("storing " + file.path() + " failed", e);
            }
        }
        return records;
    }
}
