package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.catalog.PrintArea;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class SoftnessCheckTest {

    /** 900 px on 6 in prints at exactly the 150 DPI working resolution: measured on its own pixels. */
    private static final PrintArea SIX_INCHES = PrintArea.inches(6, 6);

    private static BufferedImage sharp;

    @BeforeAll
    static void draw() {
        sharp = TestArt.sharp(900, 900, 1);
    }

    private static WorkingCopy atPrintSize(BufferedImage art, PrintArea area) {
        return WorkingCopy.of(art, area, WorkingCopy.DEFAULT_DPI, WorkingCopy.DEFAULT_MAX_PIXELS);
    }

    @Test
    void sharpArtPasses() {
        WorkingCopy copy = atPrintSize(sharp, SIX_INCHES);
        assertThat(SoftnessCheck.measure(copy)).isBetween(1.5, 4.0);
        assertThat(new SoftnessCheck().check(copy)).isEmpty();
    }

    @Test
    void aTwoPixelBlurIsSoftAndAThreePixelBlurIsAProblem() {
        double sharpScore = SoftnessCheck.measure(atPrintSize(sharp, SIX_INCHES));
        WorkingCopy soft = atPrintSize(TestArt.blurred(sharp, 2), SIX_INCHES);
        WorkingCopy mushy = atPrintSize(TestArt.blurred(sharp, 3), SIX_INCHES);

        double softScore = SoftnessCheck.measure(soft);
        assertThat(softScore).isBetween(0.15, 0.35).isLessThan(sharpScore / 5);
        QualityFinding finding = new SoftnessCheck().check(soft).orElseThrow();
        assertThat(finding.code()).isEqualTo("SOFT_AT_PRINT_SIZE");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.measured()).isEqualTo(softScore);
        assertThat(finding.threshold()).isEqualTo(SoftnessCheck.DEFAULT_WARNING);
        // sigma 2 at 150 DPI is 0.34 mm; the message estimates it from the score
        assertThat(finding.message()).containsPattern("about 0\\.3\\d mm on paper");

        assertThat(SoftnessCheck.measure(mushy)).isBetween(0.08, 0.15);
        QualityFinding problem = new SoftnessCheck().check(mushy).orElseThrow();
        assertThat(problem.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(problem.threshold()).isEqualTo(SoftnessCheck.DEFAULT_PROBLEM);
    }

    @Test
    void blurThatDisappearsAtPrintSizeDoesNotCount() {
        // the same 2-pixel blur, but the art prints at 300 DPI on a 3 in area: halved on the way to 150 DPI, its
        // edges are half as wide on paper, and a customer sees a sharp print
        BufferedImage soft = TestArt.blurred(sharp, 2);
        WorkingCopy printed = atPrintSize(soft, PrintArea.inches(3, 3));
        assertThat(printed.width()).isEqualTo(450);
        assertThat(SoftnessCheck.measure(printed)).isGreaterThan(0.5);
        assertThat(new SoftnessCheck().check(printed)).isEmpty();
    }

    @Test
    void flatArtHasNothingToJudge() {
        BufferedImage flat = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        WorkingCopy copy = atPrintSize(flat, SIX_INCHES);
        assertThat(SoftnessCheck.measure(copy)).isNaN();
        assertThat(new SoftnessCheck().check(copy)).isEmpty();
    }

    @Test
    void thresholdsAreTheShopsToTune() {
        WorkingCopy soft = atPrintSize(TestArt.blurred(sharp, 2), SIX_INCHES);
        assertThat(new SoftnessCheck(0.2, 0.1, 2.6, 2.9).check(soft)).isEmpty();
        assertThat(new SoftnessCheck(0.5, 0.3, 2.6, 2.9).check(soft).orElseThrow().severity())
                .isEqualTo(Severity.PROBLEM);
    }
}
