package dev.platen.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.rules.RuleSetRow;
import dev.platen.rules.RuleSetState;
import dev.platen.rules.RuleSets;
import dev.platen.testing.EngineContext;
import dev.platen.testing.MockShop;
import dev.platen.testing.RuleSetZips;
import dev.platen.testing.TestArtwork;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The canary's paths through workflows/order-prepress.bpmn, with the real engine and modules: a clean placement on a
 * canary rule set is approved but held at "Rule set promoted"; a promotion lets it end printable, a rollback starts it
 * again on the live rule set. The job executor and the canary watch are off: the test runs the jobs and gives the
 * verdicts itself.
 */
@EngineContext
class CanaryHoldProcessTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    private void runJobsOf(ProcessInstance process) {
        new ProcessJobs(context).runJobsOf(process);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuleSets ruleSets;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(engine);
    }

    @Test
    void aHeldPlacementEndsPrintableWhenItsRuleSetIsPromoted() throws Exception {
        int candidate = canary("promoted");
        JsonNode order = cleanSticker(1);
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isWaitingAt("AwaitCanaryVerdict");
        JsonNode held = placement(order);
        assertThat(held.path("ruleSet").asInt()).isEqualTo(candidate);
        assertThat(held.path("lane").asText()).isEqualTo("AUTO");
        assertThat(held.path("status").asText()).as("a partner sees nothing to print yet").isEqualTo("IN_PROGRESS");
        assertThat(held.path("approval").isNull()).isTrue();

        assertThat(ruleSets.move(candidate, RuleSetState.CANARY, RuleSetState.LIVE, null, null)).isTrue();

        assertThat(process).isEnded().hasPassed("AwaitCanaryVerdict", "PlacementReady");
        JsonNode printed = placement(order);
        assertThat(printed.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        assertThat(printed.path("approval").path("automatic").asBoolean()).isTrue();
    }

    @Test
    void aHeldPlacementRunsAgainOnTheLiveRuleSetWhenItsRuleSetIsRolledBack() throws Exception {
        int live = ruleSets.live().number();
        int candidate = canary("rolled back");
        JsonNode order = cleanSticker(2);
        ProcessInstance process = processOf(order);
        runJobsOf(process);
        assertThat(process).isWaitingAt("AwaitCanaryVerdict");

        assertThat(ruleSets.move(candidate, RuleSetState.CANARY, RuleSetState.ROLLED_BACK, null, null)).isTrue();

        // the round on the candidate is over (the held approval with it); the placement starts from its art
        assertThat(process).isNotEnded().hasPassed("NewArtwork");
        assertThat(placement(order).path("ruleSet").asInt()).isEqualTo(live);
        runJobsOf(process);
        assertThat(process).isEnded();
        JsonNode printed = placement(order);
        assertThat(printed.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        assertThat(printed.path("ruleSet").asInt()).isEqualTo(live);
    }

    /** A candidate that differs from the live rule set by a word, on every new placement. */
    private int canary(String word) throws Exception {
        String dmn = Files.readString(Path.of("workflows/proof-lane.dmn"))
                .replace("<description>garment:", "<description>(" + word + ") garment:");
        RuleSetRow row = ruleSets.upload(new ByteArrayInputStream(RuleSetZips.bundledWith(Map.of(
                "workflows/proof-lane.dmn", dmn.getBytes(StandardCharsets.UTF_8)))), "test", word).ruleSet();
        assertThat(ruleSets.move(row.number(), RuleSetState.CANDIDATE, RuleSetState.CANARY, 1.0, null)).isTrue();
        return row.number();
    }

    private JsonNode cleanSticker(long seed) throws Exception {
        MockShop shop = new MockShop(mvc, json);
        String art = shop.upload(TestArtwork.neutral(900, 900, 700 + seed));
        return shop.postOrder("canary-process", List.of(Map.of("product", "sticker", "quantity", 1, "placements",
                List.of(Map.of("placement", "face", "tier", "sticker-3in", "artwork", art)))));
    }

    private JsonNode placement(JsonNode order) throws Exception {
        return new MockShop(mvc, json).order(order).path("placements").get(0);
    }

    private ProcessInstance processOf(JsonNode order) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(order.path("id").asText()).singleResult();
    }

}
