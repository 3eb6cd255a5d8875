package dev.platen.proof;

import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.PixelFormat;
import dev.platen.color.TransformCache;
import dev.platen.artwork.PdfArtPage;
import dev.platen.artwork.ScreenPng;
import dev.platen.render.PdfArtPrint;
import dev.platen.render.SourceColour;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a customer or operator needs to judge a print before it is made, for one piece of art on one tier.
 * All images are 8-bit sRGB, ready for a browser. (Images are mutable and compared by identity; treat them as
 * read-only.)
 *
 * @param proof       the art as it will print on the stock, paper white simulated, at screen size
 * @param gamutView   the same proof with what {@link ColourReport#outOfGamutShare()} counts painted magenta: where
 *                    the print, seen from its viewing distance, is a different colour from what the stock is
 *                    asked to print (black printed as the stock's black is not painted)
 * @param mockup      the proof on a to-scale drawing of the product, at the tier's place and size
 * @param beforeAfter the art as supplied beside its proof
 * @param report      the colour figures, computed on the screen-size image
 */
public record ProofSheet(BufferedImage proof, BufferedImage gamutView, Mockup mockup, BufferedImage beforeAfter,
                         ColourReport report) {

    public ProofSheet {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(gamutView, "gamutView");
        Objects.requireNonNull(mockup, "mockup");
        Objects.requireNonNull(beforeAfter, "beforeAfter");
        Objects.requireNonNull(report, "report");
    }

    /**
     * A proof sheet whose proof has at most {@code longEdge} pixels on its long side, with transforms from
     * {@code cache} (the engine's shared one, so repeated proofs of one art profile on one stock build nothing). The
     * art is not closed: its owner closes it.
     */
    public static ProofSheet make(SourceColour art, Stock stock, Product product, LayoutTier tier, int longEdge,
                                  TransformCache cache) {
        // In the art's own channels: grey and CMYK are measured from their true colours, never from an sRGB copy.
        ScreenImage screen = ScreenImage.of(art.image(), art.samples().channels(), longEdge);
        StockProof.Result result = StockProof.run(screen, art, stock, cache);
        return sheet(screen.width(), screen.height(), result, art.profile().description(), stock, product, tier);
    }

    /**
     * A proof sheet when the caller has both pictures pixel by pixel at the size to show and measure (at most a
     * screen's, say 2048 px on the long edge): the reference (what the stock is asked to print) as 8-bit samples in
     * {@code referenceFormat} under {@code referenceProfile}, and the print as 8-bit CMYK in the stock's condition,
     * one pixel for each reference pixel, rows top to bottom. For art whose separation is not Platen's
     * {@link dev.platen.render.ArtSeparation} (a PDF whose colours were converted in place): the report compares
     * exactly these two, the target black point compensated as the stock's intent does.
     */
    public static ProofSheet ofPrint(int width, int height, byte[] reference, ColorProfile referenceProfile,
                                     PixelFormat referenceFormat, byte[] printCmyk, Stock stock, Product product,
                                     LayoutTier tier, TransformCache cache) {
        StockProof.Result result = StockProof.ofPrint(width, height, reference, referenceProfile, referenceFormat,
                printCmyk, stock, cache);
        return sheet(width, height, result, referenceProfile.description(), stock, product, tier);
    }

    /**
     * The proof sheet of PDF art from its true colours: the page (its TrimBox) at the size it prints at on the tier
     * (fitted "contain" into the print area at the tier's DPI), at most {@code longEdge} pixels on its long side;
     * the print's CMYK rendered ink by ink as the print files are made, measured against every colour of the page
     * through its own profile ({@link PdfArtPrint#proof}), never through an sRGB rendering. The page is rewritten
     * in place.
     *
     * @return empty when the page has something that cannot be converted in place: the print files rasterise it
     *         ({@code PDF_RASTERISED}), and so does the proof, from the art's pixels
     */
    public static Optional<ProofSheet> ofPdf(PdfArtPage art, Stock stock, Product product, LayoutTier tier,
                                             int longEdge, TransformCache cache) {
        PDRectangle trim = art.page().getTrimBox();
        double inchesPerPoint = Math.min(tier.printArea().widthInches().doubleValue() / trim.getWidth(),
                tier.printArea().heightInches().doubleValue() / trim.getHeight());
        double pixelsPerPoint = tier.targetDpi() * inchesPerPoint;
        pixelsPerPoint = Math.min(pixelsPerPoint, longEdge / Math.max(trim.getWidth(), trim.getHeight()));
        int width = Math.max(1, (int) Math.round(trim.getWidth() * pixelsPerPoint));
        int height = Math.max(1, (int) Math.round(trim.getHeight() * pixelsPerPoint));
        PdfArtPrint.ProofPair pair;
        try (ColorProfile press = stock.openProfile()) {
            pair = PdfArtPrint.proof(art, stock, press, cache, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the proof of PDF art failed", e);
        }
        if (pair == null) {
            return Optional.empty();
        }
        try (ColorProfile lab = ColorProfile.lab()) {
            StockProof.Result result = StockProof.ofPrint(width, height, pair.targetLab(), lab, PixelFormat.LAB_8,
                    pair.printCmyk(), stock, cache, true);
            return Optional.of(sheet(width, height, result, "PDF colours through their own profiles", stock,
                    product, tier));
        }
    }

    private static ProofSheet sheet(int width, int height, StockProof.Result result, String artProfile, Stock stock,
                                    Product product, LayoutTier tier) {
        BufferedImage proof = ScreenImage.toImage(width, height, result.proof());
        BufferedImage gamutView = ScreenImage.toImage(width, height, result.gamutView());
        BufferedImage artOnScreen = ScreenImage.toImage(width, height, result.artOnScreen());
        Mockup mockup = ProductDrawing.draw(product, tier, proof,
                product.name() + " - proof on " + stock.name());
        BufferedImage beforeAfter = BeforeAfter.draw(artOnScreen, "Art as supplied (" + artProfile + ")",
                proof, String.format(Locale.ROOT, "Proof on %s, paper white simulated", stock.name()));
        return new ProofSheet(proof, gamutView, mockup, beforeAfter, result.report());
    }

    /** The same sheet with the caller's effective DPI in its report. */
    public ProofSheet withEffectiveDpi(double dpi) {
        return new ProofSheet(proof, gamutView, mockup, beforeAfter, report.withEffectiveDpi(dpi));
    }

    /** An image as PNG bytes (lossless: the proof's colours are the point). */
    public static byte[] png(BufferedImage image) {
        return ScreenPng.of(image);
    }

    /** Writes proof.png, gamut.png, mockup.png and before-after.png into {@code directory}. */
    public void writePngs(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve("proof.png"), png(proof));
        Files.write(directory.resolve("gamut.png"), png(gamutView));
        Files.write(directory.resolve("mockup.png"), png(mockup.image()));
        Files.write(directory.resolve("before-after.png"), png(beforeAfter));
    }
}
