package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class BlockingCheckTest {

    private static BufferedImage sharp;

    @BeforeAll
    static void draw() {
        sharp = TestArt.sharp(640, 480, 2);
    }

    @Test
    void aCarefulJpegIsNotBlocky() {
        BufferedImage good = TestArt.throughJpeg(sharp, 0.95f);
        assertThat(BlockingCheck.measure(good)).isBetween(0.95, 1.2);
        assertThat(new BlockingCheck().check(good)).isEmpty();
        // art that was never compressed has no grid either
        assertThat(BlockingCheck.measure(sharp)).isBetween(0.95, 1.2);
    }

    @Test
    void aQualityFiveJpegIsFlagged() {
        BufferedImage bad = TestArt.throughJpeg(sharp, 0.05f);
        double measured = BlockingCheck.measure(bad);
        assertThat(measured).isBetween(2.3, 5.0);
        QualityFinding finding = new BlockingCheck().check(bad).orElseThrow();
        assertThat(finding.code()).isEqualTo("JPEG_BLOCKING");
        assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(finding.threshold()).isEqualTo(BlockingCheck.DEFAULT_PROBLEM);
        assertThat(finding.message()).contains("8-pixel grid");
    }

    @Test
    void blocksAreFoundInArtCroppedAfterCompression() {
        // cropping 3 px off the left and 5 off the top moves the grid off pixel 0
        BufferedImage bad = TestArt.throughJpeg(sharp, 0.05f);
        BufferedImage cropped = bad.getSubimage(3, 5, bad.getWidth() - 3, bad.getHeight() - 5);
        assertThat(BlockingCheck.measure(cropped)).isBetween(2.3, 5.0);
    }

    @Test
    void blurredArtIsNotMistakenForBlocks() {
        // smooth art has small steps everywhere; the floor keeps their ratio near 1
        assertThat(BlockingCheck.measure(TestArt.blurred(sharp, 3))).isBetween(0.95, 1.1);
    }

    @Test
    void largeArtIsSampledAndStillCaught() {
        // 2600 x 2000 = 5.2 MP: above the 4 MP budget, read in bands of rows
        BufferedImage big = TestArt.sharp(2600, 2000, 3);
        assertThat(BlockingCheck.measure(TestArt.throughJpeg(big, 0.05f))).isGreaterThan(2.3);
        assertThat(BlockingCheck.measure(TestArt.throughJpeg(big, 0.95f))).isLessThan(1.2);
    }

    @Test
    void anEverydayWebJpegPasses() {
        assertThat(new BlockingCheck().check(TestArt.throughJpeg(sharp, 0.75f))).isEmpty();
    }

    @Test
    void aQualityFifteenJpegIsAWarning() {
        QualityFinding finding = new BlockingCheck().check(TestArt.throughJpeg(sharp, 0.15f)).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.measured()).isBetween(BlockingCheck.DEFAULT_WARNING, BlockingCheck.DEFAULT_PROBLEM);
    }

    @Test
    void designEdgesOnTheGridAreNotBlocks() {
        // the logo's bar is drawn at round coordinates: its edges fall on multiples of 8, but only in a few tiles
        assertThat(BlockingCheck.measure(TestArt.logo(400, 0))).isBetween(0.95, 1.3);
        // a white page with a small blocky photo on it is judged on the photo's tiles, not the blank ones
        BufferedImage page = TestArt.throughJpeg(TestArt.onCanvas(sharp, 1600, 1200, 0xffffffff), 0.05f);
        assertThat(BlockingCheck.measure(page)).isGreaterThan(2.3);
    }

    @Test
    void tinyArtHasNoBlocksToJudge() {
        assertThat(BlockingCheck.measure(new BufferedImage(10, 40, BufferedImage.TYPE_INT_RGB))).isNaN();
    }
}
