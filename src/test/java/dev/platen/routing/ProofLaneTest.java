package dev.platen.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProofLaneTest {

    @Test
    void theTableSaysAutoOrReview() {
        assertThat(ProofLane.of("AUTO", "CLEAN")).isEqualTo(new ProofLane(ProofLane.Lane.AUTO, "CLEAN"));
        assertThat(ProofLane.of(" review ", "DOWNGRADED")).isEqualTo(new ProofLane(ProofLane.Lane.REVIEW, "DOWNGRADED"));
    }

    @Test
    void aLaneTheCodeDoesNotKnowIsReviewedNotPrintedUnseen() {
        assertThat(ProofLane.of("FAST_TRACK", "SHOP_SAYS_SO"))
                .isEqualTo(new ProofLane(ProofLane.Lane.REVIEW, "UNKNOWN_LANE_FAST_TRACK"));
        assertThat(ProofLane.of(null, null)).isEqualTo(new ProofLane(ProofLane.Lane.REVIEW, "UNKNOWN_LANE_"));
    }

    @Test
    void aLaneNeedsItsReason() {
        assertThatThrownBy(() -> new ProofLane(ProofLane.Lane.AUTO, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFactsAreTheTablesInputs() {
        assertThat(new ProofLaneFacts("coated-paper", true, false, true, null, null, 0.12, 7.5).decisionInputs())
                .containsEntry("gamutClass", "coated-paper").containsEntry("downgraded", true)
                .containsEntry("reviewDowngrades", false).containsEntry("operatorChoseTier", true)
                .containsEntry("worstSeverity", "NONE")
                .containsEntry("worstFinding", "").containsEntry("outOfGamutShare", 0.12)
                .containsEntry("deltaE95", 7.5);
        assertThat(new ProofLaneFacts(null, false, false, false, "PROBLEM", "JPEG_BLOCKING", 0, 0).decisionInputs())
                .containsEntry("gamutClass", "").containsEntry("worstFinding", "JPEG_BLOCKING");
    }
}
