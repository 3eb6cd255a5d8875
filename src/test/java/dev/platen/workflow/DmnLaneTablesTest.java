package dev.platen.workflow;

import dev.platen.routing.LaneTable;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ProofLaneFacts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lane tables a rule set brings, read as the engine reads them: the lanes they give are the engine's. */
class DmnLaneTablesTest {

    private static final ProofLaneFacts CLEAN_ON_COATED = new ProofLaneFacts("coated-paper", false, false, false,
            null, null, 0.01, 2);

    private final DmnLaneTables tables = new DmnLaneTables();

    @Test
    void theBundledTableGivesTheEnginesLanes() throws IOException {
        LaneTable table = tables.read(bundled().getBytes(StandardCharsets.UTF_8));

        assertThat(table.decide(CLEAN_ON_COATED)).isEqualTo(new ProofLane(ProofLane.Lane.AUTO, "CLEAN"));
        assertThat(table.decide(new ProofLaneFacts("", false, false, false, null, null, 0, 0)).lane())
                .isEqualTo(ProofLane.Lane.REVIEW);
    }

    @Test
    void aTableThatNamesALaneTheEngineDoesNotHaveIsRefusedNamingTheRule() throws IOException {
        String fastTrack = bundled().replaceFirst("(?s)(<rule id=\"coated-paper-clean\">.*?)<outputEntry><text>\"AUTO\"",
                "$1<outputEntry><text>\"FAST_TRACK\"");

        assertThatThrownBy(() -> tables.read(fastTrack.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rule 'coated-paper-clean' gives the lane \"FAST_TRACK\"; a lane is \"AUTO\" or \"REVIEW\"");
    }

    @Test
    void aLaneTheTableComputesIsReadWhenAPlacementIsDecided() throws IOException {
        String computed = bundled().replaceFirst("(?s)(<rule id=\"coated-paper-clean\">.*?)<outputEntry><text>\"AUTO\"",
                "$1<outputEntry><text>if outOfGamutShare &lt; 0.5 then \"FAST_TRACK\" else \"REVIEW\"");

        LaneTable table = tables.read(computed.getBytes(StandardCharsets.UTF_8));

        assertThat(table.decide(CLEAN_ON_COATED))
                .isEqualTo(new ProofLane(ProofLane.Lane.REVIEW, "UNKNOWN_LANE_FAST_TRACK"));
    }

    private static String bundled() throws IOException {
        return Files.readString(Path.of("workflows/proof-lane.dmn"));
    }
}
