package dev.platen.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.EngineContext;
import dev.platen.testing.MockShop;
import dev.platen.testing.PrintTools;
import dev.platen.testing.StartedFirst;
import dev.platen.testing.VectorArt;
import dev.platen.testing.TestArt;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.awt.image.BufferedImage;
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
@StartedFirst
@EngineContext
class OrderPrepressProcessTest {

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
    OperatorTasks operatorTasks;
    @Autowired
    dev.platen.storage.ObjectStore store;
    @Autowired
    ObjectMapper json;
    @Autowired
    dev.platen.orders.PlacementHistory history;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(engine);
    }

    @AfterEach
    void forgetTheOperator() {
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aCleanOrderIsApprovedWithoutAnOperator() throws Exception {
        String big = upload(TestArtwork.printablePng(2400, 3200));
        String poster = upload(TestArtwork.printablePng(1200, 1500));
        JsonNode order = postOrder(List.of(
                item("tshirt", placement("front", "full-front", big)),
                item("poster", placement("face", "poster-8x10", poster))));
        ProcessInstance process = processOf(order);

        assertThat(process).isStarted().isWaitingAt("OrderAccepted");
        runJobsOf(process);

        JsonNode done = getOrder(order);
        assertThat(process).as(done.toString()).isEnded()
                .hasPassed("InspectArtwork", "ChooseTier", "SoftProof", "ChooseProofLane", "PlacementReady")
                .hasNotPassed("ResolvePlacement", "ReviewProof");
        assertThat(done.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        assertThat(done.path("placements")).allSatisfy(p -> {
            assertThat(p.path("status").asText()).isEqualTo("READY_FOR_PRINT");
            assertThat(p.path("downgraded").asBoolean()).isFalse();
            assertThat(p.path("lane").asText()).isEqualTo("AUTO");
            assertThat(p.path("laneReason").asText()).isEqualTo("CLEAN");
            // the engine's approval names exactly the files it made and the proof it judged
            JsonNode approval = p.path("approval");
            assertThat(approval.path("automatic").asBoolean()).isTrue();
            assertThat(approval.path("approvedBy").asText()).isEqualTo("platen");
            assertThat(approval.path("printFiles").toString())
                    .isEqualTo(json.valueToTree(p.path("printFiles").findValuesAsText("sha256")).toString());
            assertThat(p.path("softProof").path("proof").asText()).endsWith(approval.path("proof").asText());
        });
    }

    /**
     * The proof lanes on art the test makes itself, damaged the way customer art is (the labelled set beside the
     * repository is measured by LabelledLanesIntegrationTest; this proves the same kinds on a fresh clone): a
     * photo-like design as supplied is approved by the engine, and each damaged copy waits for an operator under
     * the name of its defect. A 4 in sticker on coated paper, 600 x 600 px: 150 DPI, the tier's tested minimum.
     */
    @Test
    void goodArtIsApprovedAndEachKindOfDamageReachesAnOperatorUnderItsOwnName() throws Exception {
        BufferedImage photo = TestArt.muted(TestArt.sharp(600, 600, 3), 0.4);
        byte[] progressive = TestArt.jpeg(photo, 0.9f, true);
        Map<String, byte[]> art = new java.util.LinkedHashMap<>();
        art.put("CLEAN", TestArt.jpeg(photo, 0.9f, false));
        art.put("JPEG_BLOCKING", TestArt.jpeg(photo, 0.05f, false));
        art.put("SOFT_AT_PRINT_SIZE", TestArt.jpeg(TestArt.upscaled(photo, 0.12), 0.9f, false));
        art.put("TRUNCATED_IMAGE", java.util.Arrays.copyOf(progressive, progressive.length * 45 / 100));
        art.put("ALPHA_FRINGE", TestArt.png(TestArt.cutOut(600, 0xff1f3a93, 0xffffffff, 2, 3)));
        art.put("OUT_OF_GAMUT", TestArtwork.neon(600, 600));
        art.put("EMPTY_MARGINS", TestArt.png(TestArt.onCanvas(TestArt.cutOut(60, 0xff1f3a93, 0xff1f3a93, 0, 0),
                600, 600, 0)));
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (byte[] bytes : art.values()) {
            items.add(item("sticker", placement("face", "sticker-4in", upload(bytes))));
        }
        JsonNode order = postOrder(items);
        runJobsOf(processOf(order));

        JsonNode placements = getOrder(order).path("placements");
        List<String> expected = List.copyOf(art.keySet());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode p = placements.get(i);
            String want = expected.get(i);
            assertThat(p.path("lane").asText()).as(want + ": " + p).isEqualTo(want.equals("CLEAN") ? "AUTO" : "REVIEW");
            assertThat(p.path("laneReason").asText()).as(p.toString()).isEqualTo(want);
            assertThat(p.path("status").asText()).isEqualTo(want.equals("CLEAN") ? "READY_FOR_PRINT" : "NEEDS_REVIEW");
        }
    }

    /**
     * PDF art through the real process on coated paper: the print file keeps the page's embedded font as a font
     * (poppler's pdffonts lists it) and its PANTONE spot as a Separation of the same name, the placement says so
     * (SPOT_COLOUR_KEPT); a PDF whose font is not embedded waits for an operator under FONT_NOT_EMBEDDED.
     */
    @Test
    void pdfArtKeepsItsFontAndSpotAndAFontNotEmbeddedReachesAnOperator() throws Exception {
        JsonNode order = postOrder(List.of(
                item("sticker", placement("face", "sticker-4in", upload(VectorArt.bytes()))),
                item("sticker", placement("face", "sticker-4in", upload(VectorArt.withFontNotEmbedded())))));
        runJobsOf(processOf(order));

        JsonNode placements = getOrder(order).path("placements");
        JsonNode vector = placements.get(0);
        assertThat(vector.path("findings").findValuesAsText("code")).as(vector.toString())
                .contains("SPOT_COLOUR_KEPT").doesNotContain("PDF_RASTERISED", "FONT_NOT_EMBEDDED");
        String pdfSha = null;
        for (JsonNode file : vector.path("printFiles")) {
            if (file.path("format").asText().equals("pdfx4")) {
                pdfSha = file.path("sha256").asText();
            }
        }
        assertThat(pdfSha).as(vector.toString()).isNotNull();
        java.nio.file.Path pdf = store.readablePath(pdfSha);
        String fonts = PrintTools.run(List.of("pdffonts", pdf.toString()));
        assertThat(fonts).contains("LiberationSans").containsPattern("LiberationSans\\S*\\s+CID TrueType.*\\byes\\b");
        // Ghostscript separates the print file into one plate per ink, each spot under its own name.
        java.nio.file.Path plates = java.nio.file.Files.createTempDirectory("plates");
        PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r36",
                "-sOutputFile=" + plates.resolve("p.tif"), pdf.toString()));
        assertThat(plates.resolve("p(" + VectorArt.SPOT + ").tif")).exists();

        JsonNode unembedded = placements.get(1);
        assertThat(unembedded.path("lane").asText()).as(unembedded.toString()).isEqualTo("REVIEW");
        assertThat(unembedded.path("laneReason").asText()).isEqualTo("FONT_NOT_EMBEDDED");
    }

    @Test
    void aDowngradeToATestedTierIsApprovedByTheEngineAndKeepsItsReason() throws Exception {
        String art = upload(TestArtwork.printablePng(1500, 2000));
        JsonNode order = postOrder(List.of(item("tshirt", placement("front", "full-front", art))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        JsonNode placement = getOrder(order).path("placements").get(0);
        assertThat(process).as(placement.toString()).isEnded().hasPassed("PlacementReady")
                .hasNotPassed("ReviewProof");
        assertThat(placement.path("tier").asText()).isEqualTo("centred");
        assertThat(placement.path("downgraded").asBoolean()).isTrue();
        assertThat(placement.path("reasons").toString()).contains("LOW_DPI_DOWNGRADED");
        assertThat(placement.path("lane").asText()).isEqualTo("AUTO");
        assertThat(placement.path("approval").path("automatic").asBoolean()).isTrue();
    }

    @Test
    void aProofUnderReviewIsEscalatedWhenOverdueAndApprovedOnItsProof() throws Exception {
        String art = upload(TestArtwork.neon(1800, 2400));
        JsonNode order = postOrder(List.of(item("tshirt", placement("front", "full-front", art))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isWaitingAt("ReviewProof").hasNotPassed("ResolvePlacement");
        Task review = task(process);
        assertThat(review).hasCandidateGroup("prepress");
        assertThat(review.getDueDate()).isNotNull();
        // an overdue review escalates like any operator task: the timer runs it up the queue, the task stays
        Job overdue = jobQuery().processInstanceId(process.getId()).timers().activityId("ReviewOverdue").singleResult();
        assertThat(overdue.getDuedate()).isCloseTo(review.getDueDate(), 5_000);
        execute(overdue);
        assertThat(task(process).getPriority()).isEqualTo(EscalateReviewDelegate.ESCALATED_PRIORITY);
        assertThat(process).isWaitingAt("ReviewProof");
        JsonNode waiting = getOrder(order);
        assertThat(waiting.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        JsonNode placement = waiting.path("placements").get(0);
        assertThat(placement.path("tier").asText()).isEqualTo("full-front");
        assertThat(placement.path("lane").asText()).isEqualTo("REVIEW");
        assertThat(placement.path("laneReason").asText()).isEqualTo("OUT_OF_GAMUT");
        assertThat(placement.path("approval").isNull()).isTrue();
        String proof = placement.path("softProof").path("proof").asText().replaceAll(".*/", "");

        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(review, withVariables("decision", "APPROVE", "proofSha256", proof));
        runJobsOf(process);

        assertThat(process).isEnded().hasPassed("ApplyOperatorDecision", "PlacementApproved");
        JsonNode done = getOrder(order);
        assertThat(done.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        JsonNode approval = done.path("placements").get(0).path("approval");
        assertThat(approval.path("approvedBy").asText()).isEqualTo("olga");
        assertThat(approval.path("automatic").asBoolean()).isFalse();
        assertThat(approval.path("proof").asText()).isEqualTo(proof);
        assertThat(approval.path("printFiles").toString()).isEqualTo(
                json.valueToTree(placement.path("printFiles").findValuesAsText("sha256")).toString());
    }

    @Test
    void aNeonDesignOnCoatedPaperIsReviewedForWhatThePaperCannotPrint() throws Exception {
        String photo = upload(TestArtwork.neon(1200, 1500));
        JsonNode order = postOrder(List.of(item("poster", placement("face", "poster-8x10", photo))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        JsonNode placement = getOrder(order).path("placements").get(0);
        assertThat(process).as(placement.toString()).isWaitingAt("ReviewProof");
        assertThat(placement.path("downgraded").asBoolean()).isFalse();
        assertThat(placement.path("softProof").path("outOfGamutShare").asDouble()).isGreaterThan(0.05);
        assertThat(placement.path("laneReason").asText()).isEqualTo("OUT_OF_GAMUT");
    }

    @Test
    void anApprovalIsOnlyGivenOnTheProofUnderReview() throws Exception {
        String small = upload(TestArtwork.printablePng(300, 300));
        JsonNode order = postOrder(List.of(item("tshirt", placement("front", "full-front", small))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        // no tier fits: there is no proof yet, so there is nothing to approve
        assertThat(process).isWaitingAt("ResolvePlacement");
        assertThatThrownBy(() -> engine.getTaskService().complete(task(process).getId(), Map.of("decision", "APPROVE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("no proof to approve");

        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(task(process), withVariables("decision", "TIER", "tier", "left-chest", "belowMinimumConfirmed", true));
        runJobsOf(process);
        assertThat(process).isWaitingAt("ReviewProof");

        // an approval given on another proof (a stale page) approves nothing
        assertThatThrownBy(() -> engine.getTaskService().complete(task(process).getId(),
                Map.of("decision", "APPROVE", "proofSha256", "0".repeat(64))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("proof changed");
        assertThat(process).isWaitingAt("ReviewProof");
        assertThat(getOrder(order).path("placements").get(0).path("approval").isNull()).isTrue();
    }

    @Test
    void newArtCancelsTheOpenReviewAndThePlacementStartsAgain() throws Exception {
        // a sticker in colours no stock prints waits for review; the shop sends a printable design instead
        String soft = upload(TestArtwork.neon(700, 700));
        JsonNode order = postOrder(List.of(item("sticker", placement("face", "sticker-4in", soft))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);
        assertThat(process).isWaitingAt("ReviewProof");
        JsonNode before = getOrder(order).path("placements").get(0);
        assertThat(before.path("laneReason").asText()).isEqualTo("OUT_OF_GAMUT");

        String sharp = upload(TestArtwork.printablePng(700, 700));
        JsonNode replaced = replaceArtwork(order, before.path("id").asText(), sharp, 200);
        JsonNode after = replaced.path("placements").get(0);
        assertThat(after.path("artwork").asText()).isEqualTo(sharp);
        assertThat(after.path("tier").asText()).isEqualTo("sticker-4in");
        assertThat(after.path("printFiles")).isEmpty();
        // the old review is gone at once, with its due-date timer
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(jobQuery().processInstanceId(process.getId()).timers().count()).isZero();

        runJobsOf(process);
        JsonNode done = getOrder(order).path("placements").get(0);
        assertThat(process).as(done.toString()).isEnded().hasPassed("NewArtwork", "PlacementReady");
        assertThat(done.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        assertThat(done.path("approval").path("automatic").asBoolean()).isTrue();
        assertThat(done.path("approval").path("printFiles").toString())
                .doesNotContain(before.path("printFiles").findValuesAsText("sha256").get(0));
        assertThat(history.of(done.path("id").asText())).extracting(dev.platen.orders.PlacementEvent::action)
                .containsSubsequence("HELD_FOR_REVIEW", "ARTWORK_REPLACED", "PRINT_FILES_MADE", "APPROVED");

        // once ready for print, its art no longer changes
        assertThat(replaceArtwork(order, done.path("id").asText(), soft, 409).path("code").asText())
                .isEqualTo("PLACEMENT_SETTLED");
    }

    @Test
    void anOperatorAsksForNewArtAndThePlacementWaitsForTheShop() throws Exception {
        String thumbnail = upload(TestArtwork.printablePng(200, 200));
        JsonNode order = postOrder(List.of(item("poster", placement("face", "poster-8x10", thumbnail))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);
        assertThat(process).isWaitingAt("ResolvePlacement");

        engine.getIdentityService().setAuthenticatedUserId("olga");
        assertThatThrownBy(() -> engine.getTaskService().complete(task(process).getId(), Map.of("decision", "NEW_ART")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Tell the shop");
        complete(task(process), withVariables("decision", "NEW_ART", "note", "send the original, at least 2400 px"));
        runJobsOf(process);

        assertThat(process).isWaitingAt("AwaitNewArtwork");
        JsonNode waiting = getOrder(order);
        assertThat(waiting.path("status").asText()).isEqualTo("AWAITING_ARTWORK");
        assertThat(waiting.path("placements").get(0).path("decisionNote").asText()).contains("at least 2400 px");

        String original = upload(TestArtwork.printablePng(1200, 1500));
        replaceArtwork(order, waiting.path("placements").get(0).path("id").asText(), original, 200);
        runJobsOf(process);
        assertThat(process).isEnded();
        assertThat(getOrder(order).path("status").asText()).isEqualTo("READY_FOR_PRINT");
    }

    @Test
    void noTierFitsSoAnOperatorPicksOneAndApprovesItsProof() throws Exception {
        String small = upload(TestArtwork.png(300, 300));
        String fine = upload(TestArtwork.printablePng(2400, 3200));
        JsonNode order = postOrder(List.of(
                item("tshirt", placement("front", "full-front", small), placement("back", null, fine))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);

        assertThat(process).isWaitingAt("ResolvePlacement");
        Task resolve = task(process);
        assertThat(resolve).hasCandidateGroup("prepress");
        // the review pages find a placement's task by its id in one task query, not by reading every open task
        String frontId = order.path("placements").get(0).path("id").asText();
        assertThat(engine.getTaskService().createTaskQuery()
                .taskVariableValueEquals(PlacementVariables.PLACEMENT_ID, frontId).list())
                .extracting(Task::getId).containsExactly(resolve.getId());
        assertThat(operatorTasks.waitingFor(frontId)).isEqualTo(OperatorTasks.Waiting.RESOLVE);
        assertThat(operatorTasks.waitingTasks()).extracting(WaitingTask::placementId).contains(frontId);
        JsonNode waiting = getOrder(order);
        assertThat(waiting.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(waiting.path("placements").get(0).path("reasons").toString()).contains("NO_TIER_FITS");
        assertThat(waiting.path("placements").get(1).path("status").asText()).isEqualTo("READY_FOR_PRINT");

        engine.getIdentityService().setAuthenticatedUserId("olga");
        // 300 px on a 4 in chest is 75 DPI, half the tier's tested 150: one click must not print it
        assertThatThrownBy(() -> engine.getTaskService().complete(resolve.getId(),
                Map.of("decision", "TIER", "tier", "left-chest", "note", "customer accepts a soft print")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("75.0 DPI, below the 150 DPI");
        assertThat(process).isWaitingAt("ResolvePlacement");
        complete(resolve, withVariables("decision", "TIER", "tier", "left-chest", "note", "customer accepts a soft print",
                "belowMinimumConfirmed", true));
        runJobsOf(process);

        // the proof at the chosen tier comes back for review: the operator chose a tier, not yet its proof
        assertThat(process).isWaitingAt("ReviewProof");
        complete(task(process), withVariables("decision", "APPROVE"));
        runJobsOf(process);

        assertThat(process).isEnded().hasPassed("ApplyOperatorDecision", "PlacementApproved");
        JsonNode done = getOrder(order);
        assertThat(done.path("status").asText()).isEqualTo("READY_FOR_PRINT");
        JsonNode front = done.path("placements").get(0);
        assertThat(front.path("tier").asText()).isEqualTo("left-chest");
        assertThat(front.path("decidedBy").asText()).isEqualTo("olga");
        assertThat(front.path("reasons").toString()).contains("OPERATOR_CHOSE_TIER", "BELOW_MINIMUM_DPI");
        assertThat(front.path("effectiveDpi").decimalValue()).isEqualByComparingTo("75.0");

        // the placement's history says who did what, with the hashes of the files concerned
        var events = history.of(front.path("id").asText());
        assertThat(events).extracting(dev.platen.orders.PlacementEvent::action)
                // one FINDINGS: the render step's UNTAGGED_RGB; the proof step no longer repeats it as UNTAGGED_COLOUR
                .containsExactly("RECEIVED", "HELD_FOR_OPERATOR", "OPERATOR_CHOSE_TIER", "FINDINGS", "PRINT_FILES_MADE",
                        "SOFT_PROOF_MADE", "HELD_FOR_REVIEW", "APPROVED");
        assertThat(events.get(0).fileHashes()).containsExactly(small);
        assertThat(events.get(2).actor()).isEqualTo("olga");
        assertThat(events.get(2).detail()).contains("left-chest", "customer accepts a soft print");
        assertThat(events.get(3).detail()).contains("UNTAGGED_RGB");
        assertThat(events.get(4).fileHashes()).containsExactlyElementsOf(
                front.path("printFiles").findValuesAsText("sha256"));
        assertThat(events.get(7).actor()).isEqualTo("olga");
        assertThat(events.get(7).fileHashes()).containsAll(front.path("printFiles").findValuesAsText("sha256"));
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
        runJobsOf(process);
        Task resolve = task(process);
        // due one day after it was created, on the engine's clock
        assertThat(resolve.getDueDate()).isCloseTo(new java.util.Date(start.getTime() + 24 * 3600_000L), 5_000);
        assertThat(resolve.getPriority()).isEqualTo(50);
        assertThat(jobQuery().processInstanceId(process.getId()).executable().count()).isZero();

        // the escalation timer, due when the task is, run as its time comes. Not by moving Camunda's clock a day on:
        // that clock is one for the whole JVM, and a process test running beside this one (two classes at a time) saw
        // tomorrow in its own timers and retries.
        Job timer = jobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isCloseTo(resolve.getDueDate(), 5_000);
        execute(timer);

        assertThat(process).hasPassed("Escalate").isWaitingAt("ResolvePlacement");
        assertThat(task(process).getPriority()).isEqualTo(EscalateReviewDelegate.ESCALATED_PRIORITY);
        String placementId = getOrder(order).path("placements").get(0).path("id").asText();
        assertThat(history.of(placementId)).extracting(dev.platen.orders.PlacementEvent::action).contains("ESCALATED");

        // the operator still decides
        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(task(process), withVariables("decision", "REJECT", "note", "no answer from the shop"));
        runJobsOf(process);
        assertThat(process).isEnded();
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
        java.nio.file.Files.delete(java.nio.file.Path.of(EngineContext.STORAGE_ROOT, "sha256", art.substring(0, 2), art));

        // every attempt of the step's back-off (platen.orders.step-retry-cycle), run now instead of when due
        ProcessJobs steps = new ProcessJobs(context);
        for (int attempt = 0; attempt < 12 && !Integer.valueOf(0).equals(steps.fileStep(process).orElseThrow().getRetries());
             attempt++) {
            assertThat(steps.runFileStepNow(process)).contains("InspectArtwork");
            assertThat(steps.fileStep(process).orElseThrow().getErrorMessage()).contains("cannot be read from the store");
        }

        var incidents = engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).list();
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).getActivityId()).isEqualTo("InspectArtwork");
        assertThat(incidents.get(0).getIncidentMessage()).contains("cannot be read from the store");
        JsonNode failed = getOrder(order);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("placements").get(0).path("decisionNote").asText()).contains("cannot be read from the store");
    }

    /**
     * A job of the placement (the operator's decision, applied after the task) that keeps failing becomes an incident,
     * and the placement is marked failed with its message (FailedPlacementIncidents), so that the shop learns of it.
     */
    @Test
    void aJobThatKeepsFailingBecomesAnIncidentAndThePlacementFails() throws Exception {
        String small = upload(TestArtwork.png(230, 250));
        JsonNode order = postOrder(List.of(item("poster", placement("face", null, small))));
        ProcessInstance process = processOf(order);
        runJobsOf(process);
        assertThat(process).isWaitingAt("ResolvePlacement");
        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(task(process), withVariables("decision", "REJECT", "note", "art is a thumbnail"));
        // before the decision is applied, the placement's tier is gone from its rule set: the engine's fault, tried
        // again and again in vain
        String placementId = getOrder(order).path("placements").get(0).path("id").asText();
        jdbc.sql("update order_placement set requested_tier = 'withdrawn' where id = ?").param(placementId).update();

        String apply = jobQuery().processInstanceId(process.getId()).singleResult().getId();
        for (int attempt = 0; attempt < 10 && jobQuery().jobId(apply).singleResult().getRetries() > 0; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(apply))
                    .hasMessageContaining("tier 'withdrawn'");
        }

        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ApplyOperatorDecision");
        JsonNode failed = getOrder(order);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("placements").get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("placements").get(0).path("decisionNote").asText())
                .startsWith("Processing failed: ").contains("tier 'withdrawn'");
    }

    // --- the shop's side, through the real HTTP layer -------------------------------------------------------

    private String upload(byte[] bytes) throws Exception {
        return shop().upload(bytes);
    }

    private JsonNode postOrder(List<Map<String, Object>> items) throws Exception {
        return shop().postOrder("process-test", items);
    }

    private JsonNode replaceArtwork(JsonNode order, String placementId, String artwork, int expectedStatus)
            throws Exception {
        var response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .put("/api/v1/orders/" + order.path("id").asText() + "/placements/" + placementId + "/artwork")
                .header("X-Api-Key", MockShop.KEY).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("artwork", artwork)))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode getOrder(JsonNode order) throws Exception {
        return shop().order(order);
    }

    private MockShop shop() {
        return new MockShop(mvc, json);
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

}
