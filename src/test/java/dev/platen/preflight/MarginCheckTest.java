package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarginCheckTest {

    private static BufferedImage photo;

    @BeforeAll
    static void draw() {
        photo = TestArt.sharp(600, 400, 4);
    }

    @Test
    void fullBleedArtHasNoMargin() {
        assertThat(MarginCheck.measure(photo).emptyShare()).isEqualTo(0.0);
        assertThat(new MarginCheck().check(photo)).isEmpty();
    }

    @Test
    void aWhiteBorderIsMeasuredAndTrimmedExactly() {
        // 600 x 400 content centred on 1000 x 800: 1 - 240,000 / 800,000 = 70% empty
        BufferedImage art = TestArt.onCanvas(photo, 1000, 800, 0xffffffff);
        MarginCheck.Measurement m = MarginCheck.measure(art);
        assertThat(m.emptyShare()).isCloseTo(0.70, within(1e-9));
        assertThat(m.border()).isEqualTo("#FFFFFF");

        QualityFinding finding = new MarginCheck().check(art).orElseThrow();
        assertThat(finding.code()).isEqualTo("EMPTY_MARGINS");
        assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(finding.trim()).contains(new TrimSuggestion(200, 200, 600, 400));
        assertThat(finding.message()).contains("70%").contains("600 x 400 px at (200, 200)");
    }

    @Test
    void aTransparentBorderCounts() {
        // 600 x 400 on 800 x 500: 40% empty, a warning
        BufferedImage art = TestArt.onCanvas(photo, 800, 500, 0x00000000);
        QualityFinding finding = new MarginCheck().check(art).orElseThrow();
        assertThat(finding.measured()).isCloseTo(0.40, within(1e-9));
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.trim()).contains(new TrimSuggestion(100, 50, 600, 400));
        assertThat(finding.message()).contains("transparent");
    }

    @Test
    void jpegNoiseInAWhiteBorderIsStillBorder() {
        BufferedImage art = TestArt.throughJpeg(TestArt.onCanvas(photo, 1000, 800, 0xffffffff), 0.9f);
        MarginCheck.Measurement m = MarginCheck.measure(art);
        TrimSuggestion box = m.content().orElseThrow();
        // JPEG ringing may spill a block's width around the content, never more
        assertThat(box.x()).isBetween(192, 200);
        assertThat(box.y()).isBetween(192, 200);
        assertThat(box.width()).isBetween(600, 616);
        assertThat(box.height()).isBetween(400, 416);
        assertThat(m.emptyShare()).isBetween(0.68, 0.70);
    }

    @Test
    void emptyArtIsAllMargin() {
        BufferedImage blank = TestArt.onCanvas(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB), 300, 300,
                0xffffffff);
        blank.setRGB(150, 150, 0xffffffff);
        QualityFinding finding = new MarginCheck().check(blank).orElseThrow();
        assertThat(finding.measured()).isEqualTo(1.0);
        assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(finding.trim()).isEmpty();
        assertThat(finding.message()).contains("nothing to print");
    }

    @Test
    void cornersThatDisagreeMeanNoUniformBorder() {
        // a photo whose corners differ has no border to trim, whatever colour its edge rows happen to be
        BufferedImage art = TestArt.onCanvas(photo, 700, 500, 0xffffffff);
        art.setRGB(0, 0, 0xff000000);
        art.setRGB(699, 0, 0xffff0000);
        art.setRGB(0, 499, 0xff00ff00);
        assertThat(MarginCheck.measure(art).emptyShare()).isEqualTo(0.0);
    }

    @Test
    void aFlatDarkBackgroundIsDesignNotEmptyMargin() {
        // a poster on dark blue: the background prints as ink edge to edge, however small the content on it
        BufferedImage poster = TestArt.onCanvas(photo, 1600, 1200, 0xff0a1e50);
        MarginCheck.Measurement m = MarginCheck.measure(poster);
        assertThat(m.emptyShare()).isZero();
        assertThat(m.content()).isEmpty();
        assertThat(new MarginCheck().check(poster)).isEmpty();
    }

    @Test
    void aLogoLostInATransparentCanvasIsAProblem() {
        // art filling 1 % of its canvas: it would print as a dot
        BufferedImage lost = TestArt.onCanvas(TestArt.logo(120, 0), 1200, 1200, 0x00000000);
        QualityFinding finding = new MarginCheck().check(lost).orElseThrow();
        assertThat(finding.severity()).isEqualTo(QualityFinding.Severity.PROBLEM);
        assertThat(finding.measured()).isGreaterThan(0.98);
        assertThat(finding.message()).contains("transparent");
        // the same on paper white
        BufferedImage onWhite = TestArt.onCanvas(TestArt.logo(120, 0), 1200, 1200, 0xffffffff);
        assertThat(new MarginCheck().check(onWhite).orElseThrow().severity())
                .isEqualTo(QualityFinding.Severity.PROBLEM);
    }
}
