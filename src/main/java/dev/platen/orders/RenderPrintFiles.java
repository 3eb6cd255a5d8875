package dev.platen.orders;

import dev.platen.artwork.ArtworkReader;
import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import dev.platen.render.OutputCondition;
import dev.platen.render.PdfArtPrint;
import dev.platen.render.PrintFile;
import dev.platen.render.PrintFileWriter;
import dev.platen.render.PrintFiles;
import dev.platen.render.Provenance;
import dev.platen.render.RenderJob;
import dev.platen.render.SourceColour;
import dev.platen.render.ArtSeparation;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredObject;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of a placement, the job ticket of a print file: decode the art, say what its colours mean, separate it
 * for the stock, write the files the stock's press takes, store them, record them.
 */
@Component
public class RenderPrintFiles {

    private final OrderBook book;
    private final Catalog catalog;
    private final ArtworkReader reader;
    private final ObjectStore store;
    private final PrintFileWriter writer;
    private final TransformCache transforms;
    private final String engineVersion;
    private final StepTimeLimit timeLimit;

    RenderPrintFiles(OrderBook book, Catalog catalog, ArtworkReader reader, ObjectStore store, PrintFileWriter writer,
                     TransformCache transforms, ObjectProvider<BuildProperties> build, StepTimeLimit timeLimit) {
        this.book = book;
        this.catalog = catalog;
        this.reader = reader;
        this.store = store;
        this.writer = writer;
        this.transforms = transforms;
        BuildProperties properties = build.getIfAvailable();
        this.engineVersion = properties != null ? properties.getVersion() : "dev";
        this.timeLimit = timeLimit;
    }

    public void render(String placementId) {
        StepTimeLimit.Clock clock = timeLimit.start("Render print files", placementId);
        PlacementJob job = PlacementJob.load(book, catalog, placementId);
        // The file work runs under the step's clock, native colour handles opened and closed on its own thread, so
        // that a step stopped at its time limit cannot close them under a transform still running.
        Rendered rendered = clock.run(() -> {
            // PDF art: placed as vectors with its colours converted in place; rasterised below only when the page
            // has something that cannot be converted (the finding says what).
            List<dev.platen.artwork.Finding> pdfFindings = new ArrayList<>();
            if (isPdf(job)) {
                Rendered vector = renderPdf(job, pdfFindings);
                if (vector != null) {
                    return vector;
                }
            }
            PlacementArt art = PlacementArt.load(job, catalog, reader, store);
            try (ColorProfile press = art.stock().openProfile();
                 SourceColour source = SourceColour.of(art.pixels(), art.stock(), press);
                 ArtSeparation separation = ArtSeparation.of(source, press, art.stock(), transforms)) {
                PrintFiles files = write(art.job(), art.tier(), art.stock(), press, source, separation);
                List<dev.platen.artwork.Finding> findings = new ArrayList<>(pdfFindings);
                findings.addAll(source.findings());
                findings.addAll(separation.findings());
                return new Rendered(shelve(files), findings);
            }
        });
        book.addFindings(placementId, rendered.findings());
        book.recordPrintFiles(placementId, rendered.stored());
    }

    private record Rendered(List<PrintFileRecord> stored, List<dev.platen.artwork.Finding> findings) {
    }

    private boolean isPdf(PlacementJob job) {
        try {
            return reader.readHeader(store.readablePath(job.placement().artworkId())).pdf() != null;
        } catch (IOException e) {
            throw new UncheckedIOException("artwork " + job.placement().artworkId() + " cannot be read from the store", e);
        }
    }

    /** PDF art as vectors; null (with PDF_RASTERISED in {@code findings}) when the page has to be rasterised. */
    private Rendered renderPdf(PlacementJob job, List<dev.platen.artwork.Finding> findings) {
        String tierId = job.placement().chosenTier();
        LayoutTier tier = job.catalogPlacement().tier(tierId)
                .orElseThrow(() -> new IllegalStateException("tier '" + tierId + "' is no longer in the catalog"));
        Stock stock = catalog.stock(tier.stock())
                .orElseThrow(() -> new IllegalStateException("stock '" + tier.stock() + "' is no longer in the catalog"));
        Path pdf = null;
        Path tiff = null;
        try (dev.platen.artwork.PdfArtPage page = reader.pdfPage(store.readablePath(job.placement().artworkId()));
             ColorProfile press = stock.openProfile()) {
            pdf = stock.outputs().contains(PrintFileFormat.PDF_X4) ? store.newTempFile() : null;
            tiff = stock.outputs().contains(PrintFileFormat.TIFF) ? store.newTempFile() : null;
            PdfArtPrint.Job vector = new PdfArtPrint.Job(page, tier.printArea(), job.product().bleedInches(),
                    tier.targetDpi(), stock, OutputCondition.forStock(stock, press.bytes()), stock.outputs(),
                    provenance(job, tier, stock));
            PdfArtPrint.Result result = PdfArtPrint.write(vector, press, transforms, pdf, tiff,
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            if (result.rasterised()) {
                findings.addAll(result.findings());
                deleteQuietly(pdf);
                deleteQuietly(tiff);
                return null;
            }
            return new Rendered(shelve(result.files()), result.findings());
        } catch (IOException e) {
            deleteQuietly(pdf);
            deleteQuietly(tiff);
            throw new UncheckedIOException("writing the print files of placement " + job.placement().id() + " failed", e);
        } catch (RuntimeException e) {
            deleteQuietly(pdf);
            deleteQuietly(tiff);
            throw e;
        }
    }

    private Provenance provenance(PlacementJob job, LayoutTier tier, Stock stock) {
        return new Provenance(job.placement().artworkId(),
                stock.intent().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                stock.blackPointCompensation(), job.product().id(), job.catalogPlacement().id(), tier.id(),
                engineVersion);
    }

    private PrintFiles write(PlacementJob job, LayoutTier tier, Stock stock, ColorProfile press, SourceColour source,
                             ArtSeparation separation) {
        try {
            OutputCondition condition = OutputCondition.forStock(stock, press.bytes());
            Provenance provenance = new Provenance(job.placement().artworkId(),
                    stock.intent().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    stock.blackPointCompensation(), job.product().id(), job.catalogPlacement().id(), tier.id(),
                    engineVersion);
            RenderJob render = RenderJob.forTier(source.image(), job.product(), tier, separation, condition,
                    stock.outputs(), provenance);
            Path pdf = stock.outputs().contains(PrintFileFormat.PDF_X4) ? store.newTempFile() : null;
            Path tiff = stock.outputs().contains(PrintFileFormat.TIFF) ? store.newTempFile() : null;
            try {
                return writer.write(render, pdf, tiff);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(pdf);
                deleteQuietly(tiff);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the print files of placement " + job.placement().id() + " failed", e);
        }
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

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray temporary file; the store's tmp folder is for such leftovers
            }
        }
    }
}
