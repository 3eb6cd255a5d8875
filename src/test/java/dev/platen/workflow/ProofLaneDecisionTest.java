package dev.platen.workflow;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lane table of workflows/proof-lane.dmn, evaluated by Camunda's own DMN engine, rule by rule. */
class ProofLaneDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("workflows/proof-lane.dmn"))) {
            decision = engine.parseDecision("proof-lane", in);
        }
    }

    private static Map<String, Object> clean(String stock) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("stock", stock);
        inputs.put("downgraded", false);
        inputs.put("worstSeverity", "NONE");
        inputs.put("outOfGamutShare", 0.01);
        inputs.put("deltaE95", 2.0);
        return inputs;
    }

    private static DmnDecisionRuleResult lane(Map<String, Object> inputs) {
        return engine.evaluateDecisionTable(decision, inputs).getSingleResult();
    }

    @Test
    void aCleanPlacementIsApprovedWithoutAPerson() {
        assertThat(lane(clean("coated-gloss")).<String>getEntry("lane")).isEqualTo("AUTO");
        assertThat(lane(clean("dtg-white-cotton")).<String>getEntry("laneReason")).isEqualTo("CLEAN");
    }

    @Test
    void aDowngradeAlwaysGoesToReviewFirst() {
        Map<String, Object> inputs = clean("coated-gloss");
        inputs.put("downgraded", true);
        inputs.put("worstSeverity", "PROBLEM");
        assertThat(lane(inputs).<String>getEntry("lane")).isEqualTo("REVIEW");
        assertThat(lane(inputs).<String>getEntry("laneReason")).isEqualTo("DOWNGRADED");
    }

    @Test
    void aPreflightProblemGoesToReviewButAWarningDoesNot() {
        Map<String, Object> inputs = clean("coated-gloss");
        inputs.put("worstSeverity", "PROBLEM");
        assertThat(lane(inputs).<String>getEntry("laneReason")).isEqualTo("PREFLIGHT_PROBLEM");
        inputs.put("worstSeverity", "WARNING");
        assertThat(lane(inputs).<String>getEntry("lane")).isEqualTo("AUTO");
    }

    @Test
    void gamutThresholdsDifferPerStock() {
        Map<String, Object> paper = clean("coated-gloss");
        paper.put("outOfGamutShare", 0.10);
        assertThat(lane(paper).<String>getEntry("laneReason")).isEqualTo("OUT_OF_GAMUT");

        Map<String, Object> shirt = clean("dtg-white-cotton");
        shirt.put("outOfGamutShare", 0.10);
        assertThat(lane(shirt).<String>getEntry("lane")).isEqualTo("AUTO");
        shirt.put("outOfGamutShare", 0.25);
        assertThat(lane(shirt).<String>getEntry("laneReason")).isEqualTo("OUT_OF_GAMUT");
    }

    @Test
    void exactlyAtAThresholdStillPassesAutomatically() {
        Map<String, Object> paper = clean("uncoated-offset");
        paper.put("outOfGamutShare", 0.05);
        paper.put("deltaE95", 6.0);
        assertThat(lane(paper).<String>getEntry("lane")).isEqualTo("AUTO");
    }

    @Test
    void aVisibleColourShiftGoesToReviewSoonerOnPaperThanOnAGarment() {
        Map<String, Object> poster = clean("coated-gloss");
        poster.put("deltaE95", 7.5);
        assertThat(lane(poster).<String>getEntry("laneReason")).isEqualTo("COLOUR_SHIFT");

        Map<String, Object> mug = clean("sublimation-mug");
        mug.put("deltaE95", 7.5);
        assertThat(lane(mug).<String>getEntry("lane")).isEqualTo("AUTO");
        mug.put("deltaE95", 10.5);
        assertThat(lane(mug).<String>getEntry("laneReason")).isEqualTo("COLOUR_SHIFT");
    }
}
