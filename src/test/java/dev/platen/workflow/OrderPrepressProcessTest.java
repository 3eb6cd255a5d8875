package dev.platen.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.TestArtwork;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The paths of workflows/order-prepress.bpmn, with the real engine, database and modules behind it. The job
 * executor is off: the test runs each asynchronous step itself, the way the engine would pick it up.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:order-prepress-process;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "platen.storage.root=target/process-test-objects"
})
@AutoConfigureMockMvc
class OrderPrepressProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    dev.platen.orders.OrderBook orders;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(engine);
    }

    @AfterEach
    void forgetTheOperator() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void allPlacementsFit() throws Exception {
        String big = upload(TestArtwork.png(2400, 3200));
        String poster = upload(TestArtwork.png(2700, 3600));
        JsonNode order = postOrder(List.of(
                item("tshirt", placement("front", "full-front", big)),
                item("poster", placement("face", null, poster))));
        ProcessInstance process = processOf(order);

        assertThat(process).isStarted().isWaitingAt("OrderAccepted");
        runJobsOf(process);

        assertThat(process).isEnded().hasPassed("InspectArtwork", "ChooseTier", "PlacementReady")
                .hasNotPassed("ResolvePlacement");
        JsonNode done = getOrder(order);
        assertThat(done.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        assertThat(done.path("placements")).allSatisfy(p -> {
            assertThat(p.path("status").asText()).isEqualTo("READY_FOR_PRINT");
            assertThat(p.path("downgraded").asBoolean()).isFalse();
        });
    }

    @Test
    void aDowngradeStillPrintsWithoutAnOperator() throws Exception {
        String art = upload(TestArtwork.png(1500, 2000));
        JsonNode order = postOrder(List.of(item("tshirt", placement("front", "full-front", art))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isEnded().hasNotPassed("ResolvePlacement");
        JsonNode placement = getOrder(order).path("placements").get(0);
        assertThat(placement.path("tier").asText()).isEqualTo("centred");
        assertThat(placement.path("downgraded").asBoolean()).isTrue();
        assertThat(placement.path("reasons").toString()).contains("LOW_DPI_DOWNGRADED");
        assertThat(getOrder(order).path("status").asText()).isEqualTo("READY_FOR_PRINT");
    }

    @Test
    void noTierFitsSoAnOperatorPicksOneAndTheOrderCompletes() throws Exception {
        String small = upload(TestArtwork.png(300, 300));
        String fine = upload(TestArtwork.png(2400, 3200));
        JsonNode order = postOrder(List.of(
                item("tshirt", placement("front", "full-front", small), placement("back", null, fine))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isWaitingAt("ResolvePlacement");
        Task resolve = task(process);
        assertThat(resolve).hasCandidateGroup("prepress");
        JsonNode waiting = getOrder(order);
        assertThat(waiting.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(waiting.path("placements").get(0).path("reasons").toString()).contains("NO_TIER_FITS");
        assertThat(waiting.path("placements").get(1).path("status").asText()).isEqualTo("READY_FOR_PRINT");

        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(resolve, withVariables("decision", "TIER", "tier", "left-chest", "note", "customer accepts a soft print"));
        runJobsOf(process);

        assertThat(process).isEnded().hasPassed("ApplyOperatorDecision", "PlacementReady");
        JsonNode done = getOrder(order);
        assertThat(done.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        JsonNode front = done.path("placements").get(0);
        assertThat(front.path("tier").asText()).isEqualTo("left-chest");
        assertThat(front.path("decidedBy").asText()).isEqualTo("olga");
        assertThat(front.path("reasons").toString()).contains("OPERATOR_CHOSE_TIER", "BELOW_MINIMUM_DPI");
        assertThat(front.path("effectiveDpi").decimalValue()).isEqualByComparingTo("75.0");

        // the placement's history says who did what, with the hashes of the files concerned
        var history = orders.history(front.path("id").asText());
        assertThat(history).extracting(dev.platen.orders.PlacementEvent::action)
                .containsExactly("RECEIVED", "HELD_FOR_OPERATOR", "OPERATOR_CHOSE_TIER", "FINDINGS", "PRINT_FILES_MADE", "FINDINGS", "SOFT_PROOF_MADE", "APPROVED");
        assertThat(history.get(0).fileHashes()).containsExactly(small);
        assertThat(history.get(2).actor()).isEqualTo("olga");
        assertThat(history.get(2).detail()).contains("left-chest", "customer accepts a soft print");
        assertThat(history.get(3).detail()).contains("UNTAGGED_RGB");
        assertThat(history.get(4).fileHashes()).containsExactlyElementsOf(
                front.path("printFiles").findValuesAsText("sha256"));
    }

    @Test
    void theOperatorRejectsThePlacementAndTheOrderIsRejected() throws Exception {
        String small = upload(TestArtwork.png(200, 260));
        JsonNode order = postOrder(List.of(item("poster", placement("face", null, small))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isWaitingAt("ResolvePlacement");
        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(task(process), withVariables("decision", "REJECT", "note", "art is a thumbnail; ask for the original"));
        runJobsOf(process);

        assertThat(process).isEnded();
        JsonNode done = getOrder(order);
        assertThat(done.path("status").asText()).isEqualTo("REJECTED");
        assertThat(done.path("placements").get(0).path("decisionNote").asText()).contains("thumbnail");
    }

    @Test
    void aDecisionThatCannotBeAppliedIsRefusedAndTheTaskStays() throws Exception {
        String small = upload(TestArtwork.png(210, 250));
        JsonNode order = postOrder(List.of(item("mug", placement("wrap", null, small))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);
        Task resolve = task(process);

        assertThatThrownBy(() -> engine.getTaskService().complete(resolve.getId(),
                Map.of("decision", "TIER", "tier", "full-front")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("has no tier 'full-front'");
        assertThatThrownBy(() -> engine.getTaskService().complete(resolve.getId(), Map.of("decision", "REJECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("needs a reason");

        assertThat(process).isWaitingAt("ResolvePlacement");
        assertThat(getOrder(order).path("status").asText()).isEqualTo("NEEDS_REVIEW");
    }

    @Test
    void anOverdueOperatorTaskIsEscalatedAndStaysWithTheOperator() throws Exception {
        String small = upload(TestArtwork.png(220, 240));
        JsonNode order = postOrder(List.of(item("tshirt", placement("front", null, small))));
        ProcessInstance process = processOf(order);
        java.util.Date start = new java.util.Date();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(start);
        try {
            runJobsOf(process);
            Task resolve = task(process);
            // due one day after it was created, on the engine's clock
            assertThat(resolve.getDueDate()).isCloseTo(new java.util.Date(start.getTime() + 24 * 3600_000L), 5_000);
            assertThat(resolve.getPriority()).isEqualTo(50);
            assertThat(jobQuery().processInstanceId(process.getId()).executable().count()).isZero();

            // a day and an hour later the escalation timer is due
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(start.getTime() + 25 * 3600_000L));
            Job timer = jobQuery().processInstanceId(process.getId()).timers().executable().singleResult();
            assertThat(timer).isNotNull();
            execute(timer);

            assertThat(process).hasPassed("Escalate").isWaitingAt("ResolvePlacement");
            assertThat(task(process).getPriority()).isEqualTo(EscalateReviewDelegate.ESCALATED_PRIORITY);
            String placementId = getOrder(order).path("placements").get(0).path("id").asText();
            assertThat(orders.history(placementId)).extracting(dev.platen.orders.PlacementEvent::action).contains("ESCALATED");

            // the operator still decides
            engine.getIdentityService().setAuthenticatedUserId("olga");
            complete(task(process), withVariables("decision", "REJECT", "note", "no answer from the shop"));
            runJobsOf(process);
            assertThat(process).isEnded();
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void artWhosePixelsBelieItsHeaderWaitsForAnOperator() throws Exception {
        // a WebP whose VP8X canvas claims 96 x 64 px while its frames hold 48 x 32 (made as in WebpArtworkTest)
        byte[] webp;
        try (var in = getClass().getResourceAsStream("/artwork/webp_animated_2frames_48x32.webp")) {
            webp = in.readAllBytes();
        }
        webp[24] = 95;
        webp[27] = 63;
        String art = upload(webp);
        JsonNode order = postOrder(List.of(item("sticker", placement("face", "sticker-2in", art))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isWaitingAt("ResolvePlacement");
        JsonNode placement = getOrder(order).path("placements").get(0);
        assertThat(placement.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(placement.path("reasons").toString()).contains("ARTWORK_DOUBTFUL");
        assertThat(placement.path("findings").toString()).contains("HEADER_MISMATCH");
    }

    @Test
    void aStepThatKeepsFailingBecomesAnIncidentAndTheOrderFails() throws Exception {
        String art = upload(TestArtwork.png(2400, 3200));
        JsonNode order = postOrder(List.of(item("tshirt", placement("front", null, art))));
        ProcessInstance process = processOf(order);
        execute(jobQuery().processInstanceId(process.getId()).singleResult()); // the start; inspection is next
        assertThat(process).isWaitingAt("InspectArtwork");
        // the stored artwork disappears (a disk fault, an operator's rm): the engine's fault, not the shop's
        java.nio.file.Files.delete(java.nio.file.Path.of("target/process-test-objects/sha256", art.substring(0, 2), art));

        for (int attempt = 0; attempt < 5; attempt++) {
            for (Job job : jobQuery().processInstanceId(process.getId()).withRetriesLeft().list()) {
                assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                        .hasMessageContaining("cannot be read from the store");
            }
        }

        var incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("InspectArtwork");
        assertThat(incidents.get(0).getIncidentMessage()).contains("cannot be read from the store");
        JsonNode failed = getOrder(order);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("placements").get(0).path("decisionNote").asText()).contains("cannot be read from the store");
    }

    // --- the shop's side, through the real HTTP layer -------------------------------------------------------

    private String upload(byte[] bytes) throws Exception {
        String body = mvc.perform(multipart("/api/v1/artworks").file(new MockMultipartFile("file", "art.png",
                        "application/octet-stream", bytes)).header("X-Api-Key", "platen-demo-shop-key"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).path("id").asText();
    }

    private JsonNode postOrder(List<Map<String, Object>> items) throws Exception {
        Map<String, Object> order = Map.of("reference", "process-test", "partner", "acme", "items", items);
        var response = mvc.perform(post("/api/v1/orders").header("X-Api-Key", "platen-demo-shop-key").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(order))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode getOrder(JsonNode order) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/orders/" + order.path("id").asText()).header("X-Api-Key", "platen-demo-shop-key"))
                .andReturn().getResponse().getContentAsString());
    }

    @SafeVarargs
    private static Map<String, Object> item(String product, Map<String, Object>... placements) {
        return Map.of("product", product, "quantity", 1, "placements", List.of(placements));
    }

    private static Map<String, Object> placement(String placement, String tier, String artwork) {
        return tier == null ? Map.of("placement", placement, "artwork", artwork)
                : Map.of("placement", placement, "tier", tier, "artwork", artwork);
    }

    private ProcessInstance processOf(JsonNode order) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(order.path("id").asText()).singleResult();
    }

    /** Runs the process's due jobs until none is left (bounded: a loop here would be a modelling error). */
    private void runJobsOf(ProcessInstance process) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = jobQuery().processInstanceId(process.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> execute(job));
        }
        throw new AssertionError("jobs still pending after 50 rounds");
    }
}
