package dev.platen.proof;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.PdfArtPage;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import dev.platen.render.SourceColour;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soft proof and colour report of PDF art from its true colours: the print's CMYK (rendered ink by ink, as the
 * print files are made) against every colour of the page through its own profile, never against PDFBox's sRGB
 * rendering of the page. Measured beside what Platen reported before (the page rasterised to sRGB and proofed as
 * an sRGB picture), printed for the note.
 */
class PdfProofTest {

    private static final Product STICKER = ProofFixtures.product("sticker");
    private static final LayoutTier TIER = ProofFixtures.tier(STICKER, "sticker-4in");
    private static final Stock COATED = ProofFixtures.stock("coated-gloss");
    private static final TransformCache CACHE = new TransformCache(16);

    @TempDir
    Path dir;

    @AfterAll
    static void closeCache() {
        CACHE.close();
    }

    /** A 4 x 4 in page, the left half one colour, the right half another, in {@code space}. */
    static void halves(Path file, boolean iccSrgb, float[] left, float[] right) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(288, 288));
            doc.addPage(page);
            PDColorSpace space = PDDeviceCMYK.INSTANCE;
            if (iccSrgb) {
                PDICCBased srgb = new PDICCBased(doc);
                try (ColorProfile p = ColorProfile.srgb(); OutputStream out = srgb.getPDStream().createOutputStream()) {
                    out.write(p.bytes());
                }
                srgb.getPDStream().getCOSObject().setInt(COSName.N, 3);
                srgb.getPDStream().getCOSObject().setItem(COSName.ALTERNATE, COSName.DEVICERGB);
                space = srgb;
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(new PDColor(left, space));
                cs.addRect(0, 0, 144, 288);
                cs.fill();
                cs.setNonStrokingColor(new PDColor(right, space));
                cs.addRect(144, 0, 144, 288);
                cs.fill();
            }
            doc.save(file.toFile());
        }
    }

    Optional<ProofSheet> vectorProof(Path pdf) throws Exception {
        try (PdfArtPage page = new ArtworkInspector(ArtworkLimits.defaults()).pdfPage(pdf)) {
            return ProofSheet.ofPdf(page, COATED, STICKER, TIER, 600, CACHE);
        }
    }

    /** What MakeSoftProof did before: the page rasterised by PDFBox to sRGB, proofed as sRGB art. */
    static ColourReport rasterProof(Path pdf) throws Exception {
        ArtworkPixels pixels = new ArtworkInspector(ArtworkLimits.defaults()).pixels(pdf, 150);
        try (ColorProfile press = COATED.openProfile(); SourceColour source = SourceColour.of(pixels, COATED, press)) {
            return ProofSheet.make(source, COATED, STICKER, TIER, 600, CACHE).report();
        }
    }

    static String figures(ColourReport r) {
        return String.format(Locale.ROOT, "mean %.2f p95 %.2f out-of-gamut %.3f max ink %.0f %% ssim %.3f",
                r.deltaE2000Mean(), r.deltaE2000P95(), r.outOfGamutShare(), r.maxTotalInk(), r.ssim());
    }

    @Test
    void cmykInTheStocksOwnConditionIsItsOwnPrint() throws Exception {
        Path pdf = dir.resolve("c100.pdf");
        // No output intent: DeviceCMYK is the stock's assumed CMYK, the coated stock's own profile.
        halves(pdf, false, new float[] {1, 0, 0, 0}, new float[] {0, 0, 0, 1});
        ProofSheet sheet = vectorProof(pdf).orElseThrow();
        ColourReport before = rasterProof(pdf);
        System.out.println("PDF C100 | K100 in the stock's condition, proof from true colours: "
                + figures(sheet.report()) + "; before (sRGB rendering): " + figures(before));
        // The print is the art: what is left is the 8-bit Lab reference's rounding (half a count of L*, a*, b*).
        assertThat(sheet.report().deltaE2000P95()).isLessThan(0.5);
        assertThat(sheet.report().outOfGamutShare()).isZero();
        assertThat(sheet.report().maxTotalInk()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.5));
        assertThat(sheet.report().ssim()).isGreaterThan(0.99);
        // Before, C100 was measured through PDFBox's own CMYK to sRGB, clipped to sRGB, then separated again.
        assertThat(before.deltaE2000P95()).isGreaterThan(sheet.report().deltaE2000P95() + 1);
    }

    @Test
    void srgbPrimariesAreOutOfGamutMeasuredFromTheirTrueColours() throws Exception {
        Path pdf = dir.resolve("primaries.pdf");
        halves(pdf, true, new float[] {1, 0, 0}, new float[] {0, 0, 1});
        ProofSheet sheet = vectorProof(pdf).orElseThrow();
        ColourReport before = rasterProof(pdf);
        System.out.println("PDF sRGB red | blue, proof from true colours: " + figures(sheet.report())
                + "; before (sRGB rendering): " + figures(before));
        // Measured: one of the two halves prints more than ΔE2000 10 off on coated stock (half the page out of
        // gamut), the other close to it; as the raster path reports for the same sRGB primaries: an sRGB picture
        // loses nothing of sRGB colours, so the two must agree, and now they agree from the art's own numbers.
        assertThat(sheet.report().outOfGamutShare()).isBetween(0.45, 0.55);
        assertThat(sheet.report().deltaE2000Mean()).isGreaterThan(8);
        assertThat(sheet.report().deltaE2000Mean()).isCloseTo(before.deltaE2000Mean(),
                org.assertj.core.data.Offset.offset(1.0));
        assertThat(sheet.report().outOfGamutShare()).isCloseTo(before.outOfGamutShare(),
                org.assertj.core.data.Offset.offset(0.02));
    }

    @Test
    void theProofShowsThePrintOnTheStockAndTheSheetIsComplete() throws Exception {
        Path pdf = dir.resolve("c100-sheet.pdf");
        halves(pdf, false, new float[] {1, 0, 0, 0}, new float[] {0, 0, 0, 0});
        ProofSheet sheet = vectorProof(pdf).orElseThrow();
        // 4 x 4 in fitted into the 4 in sticker at 300 DPI is 1200 px, capped at the 600 px asked for
        assertThat(sheet.proof().getWidth()).isEqualTo(600);
        assertThat(sheet.proof().getHeight()).isEqualTo(600);
        // the right half is paper: the proof shows the stock's paper white (absolute colorimetric), not 255
        int paper = sheet.proof().getRGB(450, 300) & 0xFFFFFF;
        int cyan = sheet.proof().getRGB(150, 300) & 0xFFFFFF;
        assertThat((cyan >> 16) & 0xFF).as("cyan ink has little red").isLessThan(60);
        assertThat(paper).isNotEqualTo(cyan);
    }
}
