package dev.platen.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.preflight.QualityThresholds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualityRulesTest {

    @Test
    void namedThresholdsChangeAndTheRestKeepTheirDefaults() {
        QualityRules rules = QualityRules.read("blockingWarningAt: 1.9\nssimFloor: 0.9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rules.ssimFloor()).isEqualTo(0.9);
        assertThat(rules.thresholds().blockingWarningAt()).isEqualTo(1.9);
        assertThat(rules.thresholds().softWarningBelow()).isEqualTo(QualityThresholds.DEFAULTS.softWarningBelow());
        assertThat(rules.thresholds().aspectProblemAt()).isInfinite();
        assertThat(QualityRules.read(null)).isEqualTo(QualityRules.DEFAULTS);
    }

    @Test
    void aMisspeltOrInconsistentThresholdIsRefusedByName() {
        assertThatThrownBy(() -> QualityRules.read("blockingWarnigAt: 1.9".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRuleSet.class).hasMessageContaining("blockingWarnigAt");
        assertThatThrownBy(() -> QualityRules.read("blockingWarningAt: 3\nblockingProblemAt: 2".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRuleSet.class);
        assertThatThrownBy(() -> QualityRules.read("ssimFloor: 1.5".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRuleSet.class).hasMessageContaining("ssimFloor");
    }

    @Test
    void survivesTheJsonItIsRecordedInWithAPlacement() throws Exception {
        // the recorded rules are compared with a candidate's to know whether its proof figures still stand
        ObjectMapper json = new ObjectMapper();
        QualityRules read = json.readValue(json.writeValueAsString(QualityRules.DEFAULTS), QualityRules.class);
        assertThat(read).isEqualTo(QualityRules.DEFAULTS);
    }
}
