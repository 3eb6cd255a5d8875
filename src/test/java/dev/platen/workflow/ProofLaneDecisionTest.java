package dev.platen.workflow;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.Stock;
import dev.platen.routing.ProofLaneFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane table of workflows/proof-lane.dmn, evaluated by Camunda's own DMN engine, rule by rule. The limits it
 * names are the table's own (read from its rules), so the tests hold them to their promise on either side of each
 * limit rather than repeating the numbers.
 */
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

    private static Map<String, Object> clean(String gamutClass) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("gamutClass", gamutClass);
        inputs.put("downgraded", false);
        inputs.put("reviewDowngrades", false);
        inputs.put("operatorChoseTier", false);
        inputs.put("worstSeverity", "NONE");
        inputs.put("worstFinding", "");
        inputs.put("outOfGamutShare", 0.0);
        inputs.put("deltaE95", 1.0);
        return inputs;
    }

    private static DmnDecisionRuleResult lane(Map<String, Object> inputs) {
        return engine.evaluateDecisionTable(decision, inputs).getSingleResult();
    }

    private static String reason(Map<String, Object> inputs) {
        return lane(inputs).getEntry("laneReason");
    }

    /** The classes the bundled stocks.yaml gives its stocks. */
    private static Set<String> bundledClasses() throws IOException {
        JsonNode stocks = new ObjectMapper(new YAMLFactory()).readTree(Path.of("icc-profiles/stocks.yaml").toFile())
                .path("stocks");
        Set<String> classes = new TreeSet<>();
        stocks.forEach(s -> classes.add(s.path("gamutClass").asText()));
        return classes;
    }

    @Test
    void everyBundledStockHasARuleThatApprovesCleanWork() throws IOException {
        assertThat(bundledClasses()).isNotEmpty().doesNotContain("");
        for (String gamutClass : bundledClasses()) {
            assertThat(lane(clean(gamutClass)).<String>getEntry("lane")).as(gamutClass).isEqualTo("AUTO");
            assertThat(reason(clean(gamutClass))).isEqualTo("CLEAN");
        }
    }

    @Test
    void aStockNoRuleNamesIsNeverApprovedByDefault() {
        // a shop adds a newsprint stock to stocks.yaml, with or without a class the table knows nothing of
        for (String gamutClass : List.of("", "newsprint", "Coated-Paper")) {
            Map<String, Object> perfect = clean(gamutClass);
            assertThat(lane(perfect).<String>getEntry("lane")).as("class '%s'", gamutClass).isEqualTo("REVIEW");
            assertThat(reason(perfect)).isEqualTo("NO_RULE");
            Map<String, Object> checkerboard = clean(gamutClass);
            checkerboard.put("outOfGamutShare", 0.5);
            assertThat(lane(checkerboard).<String>getEntry("lane")).isEqualTo("REVIEW");
        }
    }

    @Test
    void aNewsprintStockAddedToStocksYamlIsReviewedUntilItHasARule(@TempDir Path dir) throws IOException {
        // the bundled stocks.yaml with one stock more, as a shop adds it: no class, or a class no rule names
        Path profiles = Files.createDirectories(dir.resolve("icc-profiles"));
        try (var bundled = Files.list(Path.of("icc-profiles"))) {
            for (Path file : bundled.filter(f -> f.toString().endsWith(".icc")).toList()) {
                Files.copy(file, profiles.resolve(file.getFileName()));
            }
        }
        String newsprint = """
                  - id: newsprint
                    name: Newsprint
                    profile: platen-uncoated-v1.icc
                    intent: relative-colorimetric
                    blackPointCompensation: true
                    inkLimit: 240
                    outputs: [tiff]
                """;
        for (String gamutClass : List.of("", "    gamutClass: newsprint\n")) {
            Path stocks = profiles.resolve("stocks.yaml");
            Files.writeString(stocks, Files.readString(Path.of("icc-profiles/stocks.yaml")) + newsprint + gamutClass);
            Stock stock = Catalog.load(new CatalogLocations(Path.of("layout-tiers"), stocks)).stock("newsprint")
                    .orElseThrow();
            // the cleanest figures there are: nothing out of gamut, no shift, no finding
            ProofLaneFacts perfect = new ProofLaneFacts(stock.gamutClass(), false, false, false, null, null, 0, 0);
            DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, perfect.decisionInputs())
                    .getSingleResult();
            assertThat(result.<String>getEntry("lane")).as("class '%s'", stock.gamutClass()).isEqualTo("REVIEW");
            assertThat(result.<String>getEntry("laneReason")).isEqualTo("NO_RULE");
        }
    }

    @Test
    void aFigureThatIsNotANumberMatchesNoApprovingRule() throws IOException {
        for (String gamutClass : bundledClasses()) {
            Map<String, Object> failed = clean(gamutClass);
            failed.put("deltaE95", Double.NaN);
            assertThat(reason(failed)).as(gamutClass).isEqualTo("NO_RULE");
        }
    }

    @Test
    void aDowngradeToATestedTierIsApprovedUnlessTheProductAsksForReview() {
        Map<String, Object> inputs = clean("garment");
        inputs.put("downgraded", true);
        assertThat(lane(inputs).<String>getEntry("lane")).isEqualTo("AUTO");
        inputs.put("reviewDowngrades", true);
        assertThat(lane(inputs).<String>getEntry("lane")).isEqualTo("REVIEW");
        assertThat(reason(inputs)).isEqualTo("DOWNGRADED");
    }

    @Test
    void theOperatorWhoChoseATierSeesItsProof() {
        Map<String, Object> inputs = clean("coated-paper");
        inputs.put("operatorChoseTier", true);
        assertThat(reason(inputs)).isEqualTo("OPERATOR_CHOSE_TIER");
    }

    @Test
    void aPreflightProblemGoesToReviewUnderItsOwnNameButAWarningDoesNot() {
        Map<String, Object> inputs = clean("coated-paper");
        inputs.put("downgraded", true);
        inputs.put("reviewDowngrades", true);
        inputs.put("worstSeverity", "PROBLEM");
        inputs.put("worstFinding", "JPEG_BLOCKING");
        assertThat(lane(inputs).<String>getEntry("lane")).isEqualTo("REVIEW");
        assertThat(reason(inputs)).isEqualTo("JPEG_BLOCKING");
        inputs.put("worstFinding", "");
        assertThat(reason(inputs)).isEqualTo("PREFLIGHT_PROBLEM");

        Map<String, Object> warned = clean("coated-paper");
        warned.put("worstSeverity", "WARNING");
        warned.put("worstFinding", "BELOW_TARGET_DPI");
        assertThat(lane(warned).<String>getEntry("lane")).isEqualTo("AUTO");
    }

    @Test
    void gamutAndColourShiftLimitsHoldOnEitherSidePerClass() throws IOException {
        for (String gamutClass : bundledClasses()) {
            double gamutLimit = limit(gamutClass + "-gamut", 5);
            double shiftLimit = limit(gamutClass + "-colour-shift", 6);

            Map<String, Object> atLimits = clean(gamutClass);
            atLimits.put("outOfGamutShare", gamutLimit);
            atLimits.put("deltaE95", shiftLimit);
            assertThat(lane(atLimits).<String>getEntry("lane")).as(gamutClass + " exactly at its limits")
                    .isEqualTo("AUTO");

            Map<String, Object> outside = clean(gamutClass);
            outside.put("outOfGamutShare", gamutLimit + 0.001);
            assertThat(reason(outside)).as(gamutClass).isEqualTo("OUT_OF_GAMUT");

            Map<String, Object> shifted = clean(gamutClass);
            shifted.put("deltaE95", shiftLimit + 0.01);
            assertThat(reason(shifted)).as(gamutClass).isEqualTo("COLOUR_SHIFT");
        }
    }

    @Test
    void paperIsHeldToTighterLimitsThanAGarment() {
        // the gamut share is already relative to each stock's own gamut; what differs is how far a print may drift
        assertThat(limit("coated-paper-gamut", 5)).isLessThanOrEqualTo(limit("garment-gamut", 5));
        assertThat(limit("coated-paper-colour-shift", 6)).isLessThan(limit("garment-colour-shift", 6));
    }

    /** The number in a rule's "> n" entry for the given input column. */
    private static double limit(String ruleId, int column) {
        DmnDecisionTableImpl table = (DmnDecisionTableImpl) decision.getDecisionLogic();
        DmnDecisionTableRuleImpl rule = table.getRules().stream().filter(r -> r.getId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + ruleId));
        String entry = rule.getConditions().get(column).getExpression();
        return Double.parseDouble(entry.replace(">", "").trim());
    }
}
