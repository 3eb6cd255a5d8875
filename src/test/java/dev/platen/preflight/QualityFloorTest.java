package dev.platen.preflight;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityFloorTest {

    private final QualityFloor floor = new QualityFloor(0.8);

    @Test
    void aPrintAtOrAboveTheFloorPasses() {
        assertThat(floor.check(0.8)).isEmpty();
        assertThat(floor.check(0.97)).isEmpty();
    }

    @Test
    void aPrintBelowTheFloorIsAProblemWithItsFigures() {
        QualityFinding finding = floor.check(0.62).orElseThrow();
        assertThat(finding.code()).isEqualTo("PRINT_BELOW_QUALITY_FLOOR");
        assertThat(finding.severity()).isEqualTo(QualityFinding.Severity.PROBLEM);
        assertThat(finding.measured()).isEqualTo(0.62);
        assertThat(finding.threshold()).isEqualTo(0.8);
        assertThat(finding.message()).contains("0.620", "0.80");
    }

    @Test
    void aFloorThatCouldNotBeMeasuredDoesNotPass() {
        assertThat(floor.check(Double.NaN)).isPresent();
    }

    @Test
    void theFloorIsAnSsim() {
        assertThatThrownBy(() -> new QualityFloor(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
