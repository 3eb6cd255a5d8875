package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.artwork.PixelCoding;
import dev.platen.artwork.PixelSource;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintArea;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** Upscaled art: enough pixels, no detail; measured on the art's own pixels, judged at the size it prints. */
class UpscalingTest {

    /** Pixels decoded from a JPEG file, and from a lossless one (PNG, TIFF, lossless WebP). */
    private static final PixelSource JPEG_FILE = PixelSource.decoded(PixelCoding.JPEG);
    private static final PixelSource LOSSLESS_FILE = PixelSource.decoded(PixelCoding.LOSSLESS);

    private static final BufferedImage SHARP = TestArt.sharp(2400, 1800, 11);

    private static LayoutTier tier(int width, int height) {
        return new LayoutTier("t", "t", PrintArea.inches(width, height), null, 150, 300, "any", null);
    }

    @Test
    void sharpArtReadsTwoPixelsOfSpreadOrLess() {
        assertThat(Upscaling.measure(SHARP).spread()).isBetween(0.1, 2.2);
    }

    @Test
    void anEightTimesUpscaleSpreadsItsEdgesOverManyPixels() {
        double spread = Upscaling.measure(TestArt.upscaled(SHARP, 0.12)).spread();
        assertThat(spread).isGreaterThan(SoftnessCheck.DEFAULT_UPSCALE_PROBLEM + 0.5);
        // a twofold enlargement is soft but within what a camera photo reads
        assertThat(Upscaling.measure(TestArt.upscaled(SHARP, 0.5)).spread())
                .isLessThan(SoftnessCheck.DEFAULT_UPSCALE_PROBLEM);
    }

    @Test
    void anUpscaledPhotoIsAProblemOnTheShirtFrontAndThePosterWhileTheOriginalPasses() {
        BufferedImage soft = TestArt.upscaled(SHARP, 0.12);
        // 2400 px on 12 x 16 in: 200 DPI, which the 150 DPI working copy reduces, hiding the blur from the old
        // sharpness measure; the art's own pixels still show it
        for (LayoutTier tier : new LayoutTier[] {tier(12, 16), tier(10, 10), tier(8, 10)}) {
            QualityFinding finding = QualityChecks.inspect(soft, tier, JPEG_FILE).stream()
                    .filter(f -> f.code().equals("SOFT_AT_PRINT_SIZE")).findFirst().orElseThrow();
            assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(finding.message()).contains("enlarged");
            assertThat(QualityChecks.inspect(SHARP, tier, JPEG_FILE)).extracting(QualityFinding::code)
                    .doesNotContain("SOFT_AT_PRINT_SIZE");
        }
    }

    @Test
    void anUpscaleThatPrintsSmallEnoughStillCarriesTheDetailAnEyeSees() {
        // the same 8x upscale on a 2 x 1.5 in label: 1200 DPI, so its detail is still finer than 150 DPI
        BufferedImage soft = TestArt.upscaled(SHARP, 0.12);
        assertThat(new SoftnessCheck().check(WorkingCopy.of(soft, PrintArea.inches(2, 1.5), 150, 4_000_000), soft,
                PrintArea.inches(2, 1.5))).isEmpty();
    }

    @Test
    void aRenderedPdfPageIsNotJudgedForUpscaling() {
        // Platen rendered the page and resampled its placed images itself: their resolution is judged from their
        // placed size (EffectiveDpi), not by reading Platen's own interpolation as the customer's enlargement
        BufferedImage page = TestArt.upscaled(SHARP, 0.12);
        assertThat(QualityChecks.inspect(page, tier(12, 16), PixelSource.rendered(PixelCoding.LOSSLESS)))
                .noneSatisfy(f -> assertThat(f.message()).contains("enlarged"));
    }

    @Test
    void flatArtHasNothingToJudge() {
        assertThat(Upscaling.measure(new BufferedImage(600, 600, BufferedImage.TYPE_INT_RGB)).spread()).isNaN();
        assertThat(Upscaling.measure(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB)).spread()).isNaN();
    }
}
