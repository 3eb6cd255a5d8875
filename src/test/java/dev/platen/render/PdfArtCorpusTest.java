package dev.platen.render;

import dev.platen.testing.EngineTransforms;
import dev.platen.testing.PrintTools;
import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfArtPage;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import java.awt.image.Raster;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real PDFs of {@code ../shared/corpus/good} (read in place, never copied into the repository) through the
 * vector path on the coated stock: each reaches a PDF/X-4 and a TIFF, keeps its fonts and images, and its black-only
 * pixels stay black-only. Skipped where the corpus is not checked out. Prints the figures for the notes: fonts
 * (source / print, embedded), images, and the share of inked pixels that are K only in the source (Ghostscript's
 * device CMYK render) and in the print's TIFF.
 */
class PdfArtCorpusTest {

    static final Path CORPUS = Path.of("../shared/corpus/good");
    static final int DPI = 100;

    @TempDir
    Path dir;

    @Test
    void everyCorpusPdfReachesVectorPrintFilesWithItsFontsAndBlackOnlyPixels() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not checked out next to the project");
        List<Path> pdfs;
        try (Stream<Path> files = Files.list(CORPUS)) {
            pdfs = files.filter(p -> p.getFileName().toString().startsWith("pdf_")).sorted().toList();
        }
        assumeTrue(!pdfs.isEmpty(), "no pdf_* files in the corpus");
        Stock stock = PdfArtPrintTest.coated(Stock.SpotColours.KEEP, Stock.Registration.NONE);
        System.out.println("file | findings | fonts source/print (embedded in print) | images source/print"
                + " | K-only share of inked pixels source -> print");
        for (Path source : pdfs) {
            String name = source.getFileName().toString();
            Path pdf = dir.resolve(name + ".print.pdf");
            Path tiff = dir.resolve(name + ".print.tif");
            PdfArtPrint.Result result;
            ArtworkInspector reader = new ArtworkInspector(ArtworkLimits.defaults());
            double widthIn;
            double heightIn;
            try (PdfArtPage page = reader.pdfPage(source); ColorProfile press = stock.openProfile()) {
                org.apache.pdfbox.pdmodel.common.PDRectangle trim = page.page().getTrimBox();
                boolean turned = Math.floorMod(page.page().getRotation(), 180) == 90;
                widthIn = (turned ? trim.getHeight() : trim.getWidth()) / 72.0;
                heightIn = (turned ? trim.getWidth() : trim.getHeight()) / 72.0;
                PrintArea area = PrintArea.inches(BigDecimal.valueOf(widthIn).setScale(3, RoundingMode.HALF_UP)
                        .doubleValue(), BigDecimal.valueOf(heightIn).setScale(3, RoundingMode.HALF_UP).doubleValue());
                PdfArtPrint.Job job = new PdfArtPrint.Job(page, area, 0, DPI, stock,
                        OutputCondition.forStock(stock, press.bytes()),
                        java.util.Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF), TestJobs.provenance());
                result = PdfArtPrint.write(job, press, EngineTransforms.CACHE, pdf, tiff);
            }
            List<String> codes = result.findings().stream().map(Finding::code).toList();
            if (result.rasterised()) {
                System.out.println(name + " | " + result.findings() + " | - | - | -");
                continue;
            }
            assertThat(pdf).exists();
            assertThat(tiff).exists();
            List<String> sourceFonts = rows(PrintTools.run(List.of("pdffonts", "-l", "1", source.toString())));
            List<String> printFonts = rows(PrintTools.run(List.of("pdffonts", pdf.toString())));
            long embedded = printFonts.stream().filter(r -> r.matches(".*\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$")
                    && r.replaceAll(".*\\s(yes|no)\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$", "$1").equals("yes")).count();
            List<String> sourceImages = rows(PrintTools.run(List.of("pdfimages", "-list", "-l", "1", source.toString())));
            List<String> printImages = rows(PrintTools.run(List.of("pdfimages", "-list", pdf.toString())));
            assertThat(printFonts).as(name + ": fonts").hasSameSizeAs(sourceFonts);
            assertThat(printImages).as(name + ": images").hasSameSizeAs(sourceImages);

            Path sourceRender = dir.resolve(name + ".gs.tif");
            PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dFirstPage=1", "-dLastPage=1",
                    "-dUseTrimBox", "-sDEVICE=tiff32nc", "-r" + DPI, "-sOutputFile=" + sourceRender,
                    source.toString()));
            double[] before = kOnlyShare(ImageIO.read(sourceRender.toFile()).getRaster());
            double[] after = kOnlyShare(ImageIO.read(tiff.toFile()).getRaster());
            System.out.printf("%s | %s | %d/%d (%d) | %d/%d | %.1f %% of %.0f px -> %.1f %% of %.0f px%n", name,
                    codes, sourceFonts.size(), printFonts.size(), embedded, sourceImages.size(), printImages.size(),
                    100 * before[0], before[1], 100 * after[0], after[1]);
            if (before[0] > 0.01) {
                // black-only art stays black-only: the share may move by the edge pixels of resampling only
                assertThat(after[0]).as(name + ": K-only share").isGreaterThan(before[0] * 0.8);
            }
        }
    }

    private static List<String> rows(String tool) {
        return tool.lines().skip(2).filter(l -> !l.isBlank()).toList();
    }

    /** The share of inked pixels that carry K only, and the number of inked pixels. */
    private static double[] kOnlyShare(Raster r) {
        long inked = 0;
        long kOnly = 0;
        int[] p = new int[4];
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                r.getPixel(x, y, p);
                if (p[0] + p[1] + p[2] + p[3] > 0) {
                    inked++;
                    if (p[3] > 0 && p[0] == 0 && p[1] == 0 && p[2] == 0) {
                        kOnly++;
                    }
                }
            }
        }
        return new double[] {inked == 0 ? 0 : (double) kOnly / inked, inked};
    }
}
