package dev.platen.preflight;

import dev.platen.catalog.PrintArea;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AspectCheckTest {

    private static final PrintArea FULL_FRONT = PrintArea.inches(12, 16);

    @Test
    void artOfTheAreasShapeFillsIt() {
        assertThat(AspectCheck.measure(2400, 3200, FULL_FRONT)).isCloseTo(0.0, within(1e-12));
        assertThat(new AspectCheck().check(2400, 3200, FULL_FRONT)).isEmpty();
    }

    @Test
    void squareArtOnAShirtFrontIsTheEverydayCase() {
        // 12 x 12 in of 12 x 16: a quarter empty, below the warning
        assertThat(AspectCheck.measure(3000, 3000, FULL_FRONT)).isCloseTo(0.25, within(1e-12));
        assertThat(new AspectCheck().check(3000, 3000, FULL_FRONT)).isEmpty();
    }

    @Test
    void aBannerOnAShirtFrontLeavesMostOfItEmpty() {
        // 2 : 1 placed in 3 : 4 prints 12 x 6 in: 62.5% of the area empty
        QualityFinding finding = new AspectCheck().check(3000, 1500, FULL_FRONT).orElseThrow();
        assertThat(finding.code()).isEqualTo("ASPECT_MISMATCH");
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.measured()).isCloseTo(0.625, within(1e-12));
        assertThat(finding.threshold()).isEqualTo(AspectCheck.DEFAULT_WARNING);
        assertThat(finding.message()).contains("wider than the 12 x 16 in print area").contains("63%")
                .contains("above and below");
    }

    @Test
    void tallArtOnAMugWrapIsFlaggedAndMillimetresWork() {
        // 1000 x 2000 on 228.6 x 88.9 mm (9 x 3.5 in): prints 1.75 x 3.5 in, 80.6% empty
        QualityFinding finding = new AspectCheck().check(1000, 2000, PrintArea.millimetres(228.6, 88.9))
                .orElseThrow();
        assertThat(finding.measured()).isCloseTo(1 - 1.75 / 9, within(1e-9));
        assertThat(finding.message()).contains("taller").contains("at the sides");
        // a shop that does want a PROBLEM level sets one
        assertThat(new AspectCheck(0.35, 0.8).check(1000, 2000, PrintArea.inches(9, 3.5)).orElseThrow()
                .severity()).isEqualTo(Severity.PROBLEM);
    }
}
