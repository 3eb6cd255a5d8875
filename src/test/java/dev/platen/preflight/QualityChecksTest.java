package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PixelCoding;
import dev.platen.artwork.PixelSource;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.TierPosition;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityChecksTest {

    /** Pixels decoded from a JPEG file, and from a lossless one (PNG, TIFF, lossless WebP). */
    private static final PixelSource JPEG_FILE = PixelSource.decoded(PixelCoding.JPEG);
    private static final PixelSource LOSSLESS_FILE = PixelSource.decoded(PixelCoding.LOSSLESS);

    private static LayoutTier tier(PrintArea area) {
        return new LayoutTier("front-a4", "Front", area, null, 150, 300, "cotton", null);
    }

    @Test
    void goodArtPassesEveryCheck() {
        // 1800 x 2400 on 6 x 8 in: 300 DPI, the area's own shape, no border, never compressed
        BufferedImage art = TestArt.sharp(1800, 2400, 5);
        assertThat(QualityChecks.inspect(art, tier(PrintArea.inches(6, 8)), JPEG_FILE)).isEmpty();
    }

    @Test
    void findingsComeInJobTicketOrder() {
        // a blurred RGBA logo on a 9 x 16 in area: soft, fringed by the blur of its alpha, a transparent border,
        // and square on a tall area
        BufferedImage logo = TestArt.blurred(TestArt.logo(400, 0), 3);
        List<QualityFinding> findings = QualityChecks.inspect(logo, tier(PrintArea.inches(9, 16)),
                LOSSLESS_FILE);
        assertThat(findings).extracting(QualityFinding::code)
                .containsExactly("SOFT_AT_PRINT_SIZE", "ALPHA_FRINGE", "EMPTY_MARGINS", "ASPECT_MISMATCH");

        // a heavily compressed banner on a white canvas, on a portrait area: blocking comes before the margins
        BufferedImage content = TestArt.throughJpeg(TestArt.sharp(600, 300, 6), 0.05f);
        BufferedImage banner = TestArt.onCanvas(content, 1000, 400, 0xffffffff);
        List<QualityFinding> bannerFindings = QualityChecks.inspect(banner, tier(PrintArea.inches(10, 12)),
                JPEG_FILE);
        assertThat(bannerFindings).extracting(QualityFinding::code)
                .containsExactly("JPEG_BLOCKING", "EMPTY_MARGINS", "ASPECT_MISMATCH");
        assertThat(bannerFindings.get(1).trim()).contains(new TrimSuggestion(200, 50, 600, 300));
        assertThat(bannerFindings).allSatisfy(f -> assertThat(f.code()).matches("[A-Z_]+"));
    }

    @Test
    void aFeatheredLogoIsFlaggedForItsFringeAndBorderOnly() {
        // 400 px logo on 4 x 4 in: 100 DPI, square, never compressed. Its 6-pixel feather is 1.5 mm of soft edge
        // on paper, and its only edges are feathered, so it is soft too; its bounding box with feather and halo
        // is 360 x 264 of 400 x 400, so 41% of the canvas is transparent border. Not blocky, not misshapen.
        List<QualityFinding> findings = QualityChecks.inspect(TestArt.logo(400, 6), tier(PrintArea.inches(4, 4)),
                LOSSLESS_FILE);
        assertThat(findings).extracting(QualityFinding::code)
                .containsExactly("SOFT_AT_PRINT_SIZE", "ALPHA_FRINGE", "EMPTY_MARGINS");
        assertThat(findings.get(2).trim()).contains(new TrimSuggestion(20, 68, 360, 264));
    }

    @Test
    void worstIsTheMostSevereThenTheFurthestPastItsThreshold() {
        QualityFinding info = new QualityFinding("UNTAGGED_COLOUR", Severity.INFO, 0, 1, "profiles", "i");
        QualityFinding slightlyBlocky = new QualityFinding("JPEG_BLOCKING", Severity.WARNING, 1.5, 1.4, "ratio", "b");
        QualityFinding veryEmpty = new QualityFinding("ASPECT_MISMATCH", Severity.WARNING, 0.7, 0.35, "share", "a");
        QualityFinding soft = new QualityFinding("SOFT_AT_PRINT_SIZE", Severity.WARNING, 0.2, 0.35, "ratio", "s");
        // relative excess: blocking 0.07, aspect 1.0, softness 0.43 (below its limit, counted the same way)
        assertThat(QualityChecks.worst(List.of(info, slightlyBlocky, veryEmpty, soft))).contains(veryEmpty);
        QualityFinding problem = new QualityFinding("JPEG_BLOCKING", Severity.PROBLEM, 2.01, 2.0, "ratio", "p");
        assertThat(QualityChecks.worst(List.of(veryEmpty, problem, info))).contains(problem);
        assertThat(QualityChecks.worst(List.of())).isEmpty();
    }

    @Test
    void colourFindingsGoThroughThePublicEntry() {
        assertThat(QualityChecks.fromColour(List.of(new Finding("UNTAGGED_RGB", "none")), null)).isEmpty();
        assertThat(QualityChecks.fromColour(List.of(), "Display P3")).extracting(QualityFinding::severity)
                .containsExactly(Severity.INFO);
    }

    @Test
    void aShopCanTuneTheThresholds() {
        BufferedImage blocky = TestArt.throughJpeg(TestArt.sharp(640, 480, 7), 0.05f);
        LayoutTier tier = tier(PrintArea.inches(4, 3));
        assertThat(QualityChecks.inspect(blocky, tier, JPEG_FILE)).extracting(QualityFinding::code)
                .contains("JPEG_BLOCKING");
        QualityThresholds d = QualityThresholds.DEFAULTS;
        QualityThresholds tolerant = new QualityThresholds(d.softWarningBelow(), d.softProblemBelow(),
                d.upscaleWarningAt(), d.upscaleProblemAt(), 10, 20,
                d.fringeWarningAt(), d.fringeProblemAt(), d.haloWarningAt(), d.haloProblemAt(),
                d.marginWarningAt(), d.marginProblemAt(),
                d.aspectWarningAt(), d.aspectProblemAt(), d.wideGamutInfoAt(), d.wideGamutWarningAt(),
                d.workingDpi(), d.workingMaxPixels());
        assertThat(QualityChecks.inspect(blocky, tier, JPEG_FILE, tolerant)).extracting(QualityFinding::code)
                .doesNotContain("JPEG_BLOCKING");
    }

    @Test
    void limitsInTheWrongOrderAreRejected() {
        QualityThresholds d = QualityThresholds.DEFAULTS;
        // a problem limit for blocking below its warning limit
        assertThatThrownBy(() -> new QualityThresholds(d.softWarningBelow(), d.softProblemBelow(),
                d.upscaleWarningAt(), d.upscaleProblemAt(), 2.0, 1.5,
                d.fringeWarningAt(), d.fringeProblemAt(), d.haloWarningAt(), d.haloProblemAt(),
                d.marginWarningAt(), d.marginProblemAt(),
                d.aspectWarningAt(), d.aspectProblemAt(), d.wideGamutInfoAt(), d.wideGamutWarningAt(),
                d.workingDpi(), d.workingMaxPixels())).isInstanceOf(IllegalArgumentException.class);
        // for sharpness, lower is worse: the problem limit must be below the warning limit
        assertThatThrownBy(() -> new QualityThresholds(0.1, 0.3, d.upscaleWarningAt(), d.upscaleProblemAt(),
                d.blockingWarningAt(), d.blockingProblemAt(),
                d.fringeWarningAt(), d.fringeProblemAt(), d.haloWarningAt(), d.haloProblemAt(),
                d.marginWarningAt(), d.marginProblemAt(),
                d.aspectWarningAt(), d.aspectProblemAt(), d.wideGamutInfoAt(), d.wideGamutWarningAt(),
                d.workingDpi(), d.workingMaxPixels())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void largeArtIsCheckedOnABoundedCopy() {
        // 8000 x 6000 px (48 MP) of grey art for a 24 x 18 in poster; the checks read it a bounded number of times
        BufferedImage big = new BufferedImage(8000, 6000, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) big.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int x = i % 8000;
            int y = i / 8000;
            // crisp 37 px checks (a period that is a multiple of 8 would read as JPEG blocks: see BlockingCheck)
            pixels[i] = (byte) (((x / 37) + (y / 37)) % 2 == 0 ? 30 : 220);
        }
        LayoutTier poster = tier(PrintArea.inches(24, 18));
        WorkingCopy copy = WorkingCopy.of(big, poster.printArea(), 150, 4_000_000);
        assertThat((long) copy.width() * copy.height()).isLessThanOrEqualTo(4_000_000L);
        // how long the checks take is the benchmark's business, not this test's (README, Benchmark)
        assertThat(QualityChecks.inspect(big, poster, JPEG_FILE)).isEmpty();
    }

    @Test
    void blockingIsLookedForOnlyInPixelsThatWentThroughJpeg() {
        BufferedImage blocky = TestArt.throughJpeg(TestArt.sharp(640, 480, 7), 0.05f);
        LayoutTier tier = tier(PrintArea.inches(4, 3));
        assertThat(QualityChecks.inspect(blocky, tier, JPEG_FILE)).filteredOn(f -> f.code().equals(
                "JPEG_BLOCKING")).singleElement().extracting(QualityFinding::severity).isEqualTo(Severity.PROBLEM);
        // the same pixels saved as PNG (or lossless TIFF or WebP) are what the designer made: a grid of steps there
        // is the design's own, never compression
        assertThat(QualityChecks.inspect(blocky, tier, LOSSLESS_FILE)).extracting(QualityFinding::code)
                .doesNotContain("JPEG_BLOCKING");
        // pixel art drawn on the 8-pixel grid, lossless: not blocking
        BufferedImage checker = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                checker.setRGB(x, y, ((x / 8) + (y / 8)) % 2 == 0 ? 0x203040 : 0xe0d0c0);
            }
        }
        assertThat(QualityChecks.inspect(checker, tier, LOSSLESS_FILE)).extracting(QualityFinding::code)
                .doesNotContain("JPEG_BLOCKING");
    }

    @Test
    void thePixelChecksMeasureADecodersLayoutAsTheyDidThroughGetRgb() throws Exception {
        // A JPEG's 3-byte BGR photograph and a PNG's 4-byte ABGR cut-out (transparent border, feathered edge) are
        // read straight from their rasters; the copies only through their colour model, as every check read before.
        for (String name : new String[] {"photo_mate_LadyBird.jpg", "illustration_sharp_bird_rgba.png",
                "logo_debian_emerald_rgba.png"}) {
            BufferedImage art = javax.imageio.ImageIO.read(
                    java.nio.file.Path.of("../shared/corpus/good", name).toFile());
            BufferedImage viaColourModel = TestArt.throughColourModel(art);
            assertThat(Double.valueOf(BlockingCheck.measure(art))).as(name)
                    .isEqualTo(Double.valueOf(BlockingCheck.measure(viaColourModel)));
            assertThat(Upscaling.measure(art)).as(name).isEqualTo(Upscaling.measure(viaColourModel));
            assertThat(AlphaFringeCheck.measure(art)).as(name).isEqualTo(AlphaFringeCheck.measure(viaColourModel));
            assertThat(MarginCheck.measure(art)).as(name).isEqualTo(MarginCheck.measure(viaColourModel));
            LayoutTier poster = tier(PrintArea.inches(18, 24));
            assertThat(QualityChecks.inspect(art, poster, JPEG_FILE)).as(name)
                    .isEqualTo(QualityChecks.inspect(viaColourModel, poster, JPEG_FILE));
        }
    }

    @Test
    void aTruncatedFileIsAProblemWhateverItsPixelsScore() {
        List<QualityFinding> findings = QualityChecks.fromDecoding(List.of(new Finding("UNTAGGED_RGB", "x"),
                new Finding(Finding.TRUNCATED_IMAGE, "The JPEG file is cut short: ...")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("TRUNCATED_IMAGE");
            assertThat(f.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(f.message()).contains("cut short");
        });
        assertThat(QualityChecks.fromDecoding(List.of())).isEmpty();
    }
}
