package dev.platen.render;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfArtPage;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The print files of one piece of art on one tier, whatever the art is: PDF art placed as vectors with its colours
 * converted in place ({@link PdfArtPrint}), rasterised only when the page has something that cannot be converted
 * ({@code PDF_RASTERISED} says what); raster art (and a rasterised PDF page) decoded, its colours said
 * ({@link SourceColour}), separated for the stock ({@link ArtSeparation}) and written ({@link PrintFileWriter}).
 * The files carry the date the art was received (seconds only) and ids derived from their provenance: the same art,
 * tier and stock give the same bytes.
 */
@Component
class PlacementPrint {

    /** Where a print file is written before the caller stores it: a fresh temporary path. */
    @FunctionalInterface
    public interface FileSpace {
        Path newFile() throws IOException;
    }

    /**
     * The art's pixels for printing at a scale (pixels per inch of a PDF page; raster art is the same at every
     * scale), from wherever the caller keeps them: {@link ArtworkReader#pixels} on the art, or art already decoded.
     */
    @FunctionalInterface
    public interface ArtPixels {
        ArtworkPixels at(double pdfPixelsPerInch);
    }

    /** The files written (in the caller's file space) and what happened to the art's colours on the way. */
    public record Printed(PrintFiles files, List<Finding> findings) {
        public Printed {
            Objects.requireNonNull(files, "files");
            findings = List.copyOf(findings);
        }
    }

    private final ArtworkReader reader;
    private final TransformCache transforms;
    private final PrintFileWriter writer;
    public PlacementPrint(ArtworkReader reader, TransformCache transforms) {
        this.reader = reader;
        this.transforms = transforms;
        this.writer = new PrintFileWriter();
    }

    /**
     * The print files of {@code art} (a file the artwork module accepted) on {@code tier}, reading the art itself:
     * a sequential JPEG is decoded row by row as the canvas is made ({@link ArtworkReader#pixelsInRows}), so art of
     * any size prints in a small heap. Nothing is left in {@code files} when it fails.
     */
    public Printed print(Path art, Product product, LayoutTier tier, Stock stock, Provenance provenance,
                         FileSpace files) throws IOException {
        return print(art, reader.readHeader(art), ppi -> reader.pixelsInRows(art, ppi), product, tier, stock,
                provenance, files);
    }

    /**
     * The same, with the art's header and pixels as the caller already has them (the orders step: the header read
     * at upload, the pixels decoded once for the print files and the soft proof). {@code art} is opened only as a
     * PDF page, for vectors; {@code pixels} is asked only when the art is printed as pixels.
     */
    public Printed print(Path art, ArtworkHeader header, ArtPixels pixels, Product product, LayoutTier tier,
                         Stock stock, Provenance provenance, FileSpace files) throws IOException {
        List<Finding> findings = new ArrayList<>();
        if (header.pdf() != null) {
            PdfArtPrint.Result vector = vector(art, product, tier, stock, provenance, files);
            if (vector.files() != null) { // placed as vectors, not rasterised
                return new Printed(vector.files(), vector.findings());
            }
            findings.addAll(vector.findings());
        }
        Printed raster = raster(pixels, header, product, tier, stock, provenance, files);
        findings.addAll(raster.findings());
        return new Printed(raster.files(), findings);
    }

    /**
     * The pixels per inch a PDF page is rasterised at so that, fitted "contain" into the print area, it lands on
     * the tier's DPI grid; the tier's DPI for raster art.
     */
    public static double pdfPixelsPerInch(ArtworkHeader header, LayoutTier tier) {
        double ppi = tier.targetDpi();
        if (header.pdf() != null) {
            ppi *= Math.min(tier.printArea().widthInches().doubleValue() * 72 / header.pdf().pageWidthPt(),
                    tier.printArea().heightInches().doubleValue() * 72 / header.pdf().pageHeightPt());
        }
        return ppi;
    }

    private PdfArtPrint.Result vector(Path art, Product product, LayoutTier tier, Stock stock, Provenance provenance,
                                      FileSpace files) throws IOException {
        Path pdf = null;
        Path tiff = null;
        try (PdfArtPage page = reader.pdfPage(art); ColorProfile press = stock.openProfile()) {
            pdf = stock.outputs().contains(PrintFileFormat.PDF_X4) ? files.newFile() : null;
            tiff = stock.outputs().contains(PrintFileFormat.TIFF) ? files.newFile() : null;
            PdfArtPrint.Job job = new PdfArtPrint.Job(page, tier.printArea(), product.bleedInches(), tier.targetDpi(),
                    stock, OutputCondition.forStock(stock, press.bytes()), stock.outputs(), provenance);
            PdfArtPrint.Result result = PdfArtPrint.write(job, press, transforms, pdf, tiff);
            if (result.rasterised()) {
                deleteQuietly(pdf);
                deleteQuietly(tiff);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(pdf);
            deleteQuietly(tiff);
            throw e;
        }
    }

    private Printed raster(ArtPixels pixels, ArtworkHeader header, Product product, LayoutTier tier, Stock stock,
                           Provenance provenance, FileSpace files) throws IOException {
        try (ColorProfile press = stock.openProfile();
             SourceColour source = SourceColour.of(pixels.at(pdfPixelsPerInch(header, tier)), stock, press);
             ArtSeparation separation = ArtSeparation.of(source, press, stock, transforms)) {
            RenderJob job = RenderJob.forTier(source.image(), product, tier, separation,
                    OutputCondition.forStock(stock, press.bytes()), stock.outputs(), provenance);
            Path pdf = stock.outputs().contains(PrintFileFormat.PDF_X4) ? files.newFile() : null;
            Path tiff = stock.outputs().contains(PrintFileFormat.TIFF) ? files.newFile() : null;
            PrintFiles written;
            try {
                written = writer.write(job, pdf, tiff);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(pdf);
                deleteQuietly(tiff);
                throw e;
            }
            List<Finding> findings = new ArrayList<>(source.findings());
            findings.addAll(separation.findings());
            return new Printed(written, findings);
        }
    }


    private static void deleteQuietly(@Nullable Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray temporary file; the store's tmp folder is for such leftovers
            } catch (UncheckedIOException ignored) {
                // likewise
            }
        }
    }
}
