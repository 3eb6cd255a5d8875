package dev.platen.render;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.DecodedArt;
import dev.platen.artwork.Finding;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.storage.ObjectStore;
import dev.platen.storage.StoredObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The print files of a placement's art, as the "Render print files" step asks for them: {@link PlacementPrint} on
 * the tier's stock (PDF art as vectors, raster art separated, each saying what happened to its colours), the art
 * read from the object store and its pixels from {@link DecodedArt} (decoded by the inspection for raster art, kept
 * for the soft proof next), then the files stored in the object store. The render module's front door: what it
 * prints with (the canvas, the files, their provenance) stays inside it.
 */
@Component
public class RenderPrintFiles {

    /**
     * One placement's art at its tier, as the print files need it.
     *
     * @param placementId      the order's placement, named when the work fails
     * @param artworkId        the artwork's SHA-256, its name in the object store
     * @param header           the header read at upload: it is not read from the file again
     * @param received         when the art was first stored: the date the files carry
     * @param catalogPlacement the catalog's placement (e.g. {@code front}), written into the files' provenance
     */
    public record PrintJob(String placementId, String artworkId, ArtworkHeader header, Instant received,
                           Product product, String catalogPlacement, LayoutTier tier, Stock stock) {
        public PrintJob {
            Objects.requireNonNull(artworkId, "artworkId");
            Objects.requireNonNull(header, "header");
        }
    }

    /**
     * A print file in the object store under {@code sha256}.
     *
     * @param format  {@code pdfx4} or {@code tiff}
     * @param widthPx the canvas in pixels, bleed included
     */
    public record StoredPrintFile(String format, String mediaType, String sha256, long bytes, int widthPx,
                                  int heightPx, int dpi, String profileSha256) {
    }

    /**
     * Print files written to the store's temporary files by {@link #print}, not yet stored: handed to
     * {@link #store} as they are.
     */
    public static final class Written {
        private final PlacementPrint.Printed printed;

        private Written(PlacementPrint.Printed printed) {
            this.printed = printed;
        }
    }

    /** Print files stored in the object store, and what happened to the art's colours on the way. */
    public record Rendered(List<StoredPrintFile> files, List<Finding> findings) {
        public Rendered {
            files = List.copyOf(files);
            findings = List.copyOf(findings);
        }
    }

    private final PlacementPrint print;
    private final DecodedArt decoded;
    private final ObjectStore store;
    private final String engineVersion;

    RenderPrintFiles(PlacementPrint print, DecodedArt decoded, ObjectStore store,
                     ObjectProvider<BuildProperties> build) {
        this.print = print;
        this.decoded = decoded;
        this.store = store;
        BuildProperties properties = build.getIfAvailable();
        this.engineVersion = properties != null ? properties.getVersion() : "dev";
    }

    /**
     * Writes the print files of the job into the store's temporary files; all file work, which the caller runs on
     * its step's clock (native colour handles are opened and closed on the thread that runs it).
     */
    public Written print(PrintJob job) {
        try {
            return new Written(print.print(store.readablePath(job.artworkId()), job.header(),
                    ppi -> decoded.pixels(job.artworkId(), job.header(), ppi), job.product(), job.tier(), job.stock(),
                    provenance(job), store::newTempFile));
        } catch (IOException e) {
            throw new UncheckedIOException("writing the print files of placement " + job.placementId() + " failed", e);
        }
    }

    /** Stores the files written by {@link #print} in the object store, content-addressed. */
    public Rendered store(Written written) {
        PrintFiles files = written.printed.files();
        List<StoredPrintFile> stored = new ArrayList<>();
        for (PrintFile file : files.files()) {
            try {
                StoredObject object = store.put(file.path());
                stored.add(new StoredPrintFile(file.format().wireName(), file.format().mediaType(), object.sha256(),
                        object.bytes(), files.widthPx(), files.heightPx(), files.dpi(), files.profileSha256()));
            } catch (IOException e) {
                throw new UncheckedIOException("storing " + file.path() + " failed", e);
            }
        }
        return new Rendered(stored, written.printed.findings());
    }

    /**
     * The pixels per inch a PDF page is rasterised at for the print files of the tier (raster art: the tier's DPI),
     * so that the soft proof asks {@link DecodedArt} for the very pixels the print was made from.
     */
    public static double pdfPixelsPerInch(ArtworkHeader header, LayoutTier tier) {
        return PlacementPrint.pdfPixelsPerInch(header, tier);
    }

    private Provenance provenance(PrintJob job) {
        return new Provenance(job.artworkId(), job.received(),
                job.stock().intent().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                job.stock().blackPointCompensation(), job.product().id(), job.catalogPlacement(), job.tier().id(),
                engineVersion);
    }
}
