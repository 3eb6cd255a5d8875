package dev.platen.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.platen.testing.MockShop;
import dev.platen.testing.TestArtwork;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
 * The paths of workflows/partner-webhook.bpmn with the real engine, database and a receiver on loopback. The job
 * executor is off: the test runs each delivery job itself. A placement put on hold and then rejected tells its
 * partner both; a receiver that keeps failing uses up the back-off cycle and leaves an incident (what Cockpit
 * shows), without failing the placement the event was about.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:partner-webhook-process;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "platen.storage.root=target/webhook-process-test-objects",
        "platen.delivery.webhook-retry-cycle=PT1M,PT5M"
})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerWebhookProcessTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    private void runJobsOf(ProcessInstance process) {
        new ProcessJobs(context).runJobsOf(process);
    }

    private static HttpServer receiver;
    private static final AtomicInteger answer = new AtomicInteger(204);
    private static final List<Map<String, String>> posts = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void acmeListens(DynamicPropertyRegistry registry) throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(Map.of("id", exchange.getRequestHeaders().getFirst("Platen-Event-Id"),
                    "type", exchange.getRequestHeaders().getFirst("Platen-Event-Type"), "body", body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        registry.add("platen.partners[0].id", () -> "acme");
        registry.add("platen.partners[0].key-sha256s[0]",
                () -> "85cc05c7dabc15ac947ccc3bed03ed413760893c9b608737461de91f9aba7330"); // platen-demo-acme-key
        registry.add("platen.partners[0].webhook-url", () -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        registry.add("platen.partners[0].webhook-secret", () -> "acme-process-test-secret");
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(engine);
        posts.clear();
        answer.set(204);
    }

    @AfterEach
    void forgetTheOperator() {
        engine.getIdentityService().clearAuthentication();
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aPlacementOnHoldAndThenRejectedIsToldToItsPartnerOnceEach() throws Exception {
        JsonNode order = postOrder(upload(TestArtwork.png(200, 240)));
        ProcessInstance prepress = prepressOf(order);
        runJobsOf(prepress);
        assertThat(prepress).isWaitingAt("ResolvePlacement");

        ProcessInstance onHold = single(webhookInstances());
        String onHoldEvent = onHold.getBusinessKey();
        assertThat(onHold).isWaitingAt("DeliverWebhook");
        execute(jobQuery().processInstanceId(onHold.getId()).singleResult());
        assertThat(onHold).isEnded().hasPassed("Delivered");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).get("type")).isEqualTo("placement.on_hold");
        assertThat(posts.get(0).get("id")).isEqualTo(onHoldEvent);
        JsonNode held = json.readTree(posts.get(0).get("body")).path("placement");
        assertThat(held.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        // the partner hears why: no tier of the placement holds a 200 px thumbnail
        assertThat(held.path("reasons").toString()).contains("NO_TIER_FITS");
        assertThat(held.path("downgraded").asBoolean()).isFalse();

        engine.getIdentityService().setAuthenticatedUserId("olga");
        complete(task(prepress), withVariables("decision", "REJECT", "note", "art is a thumbnail"));
        runJobsOf(prepress);
        assertThat(prepress).isEnded();

        // one new event (the order is rejected, not ready: no order event)
        List<ProcessInstance> pending = webhookInstances();
        ProcessInstance rejected = single(pending);
        execute(jobQuery().processInstanceId(rejected.getId()).singleResult());
        assertThat(posts).hasSize(2);
        JsonNode body = json.readTree(posts.get(1).get("body"));
        assertThat(posts.get(1).get("type")).isEqualTo("placement.rejected");
        assertThat(body.path("placement").path("reason").asText()).isEqualTo("art is a thumbnail");
        assertThat(posts.get(1).get("id")).isEqualTo(rejected.getBusinessKey()).isNotEqualTo(onHoldEvent);
    }

    @Test
    void aReceiverThatKeepsFailingUsesUpTheBackOffAndLeavesAnIncident() throws Exception {
        answer.set(503);
        JsonNode order = postOrder(upload(TestArtwork.png(210, 230)));
        ProcessInstance prepress = prepressOf(order);
        runJobsOf(prepress);
        ProcessInstance webhook = single(webhookInstances());

        Date before = new Date();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Job job = jobQuery().processInstanceId(webhook.getId()).singleResult();
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("answered HTTP 503");
            Job after = jobQuery().processInstanceId(webhook.getId()).singleResult();
            assertThat(after.getRetries()).isEqualTo(3 - attempt);
            // the configured back-off: a minute after the first failure, five after the second
            if (attempt == 1) {
                assertThat(after.getDuedate()).isBetween(new Date(before.getTime() + 55_000), new Date(before.getTime() + 90_000));
            } else if (attempt == 2) {
                assertThat(after.getDuedate()).isBetween(new Date(before.getTime() + 295_000), new Date(before.getTime() + 330_000));
            }
        }
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(p -> p.get("id")).containsOnly(webhook.getBusinessKey());

        Incident incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(webhook.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("DeliverWebhook");
        assertThat(incident.getIncidentMessage()).contains("503");
        // the webhook's failure is not the placement's: it still waits for its operator
        JsonNode now = json.readTree(mvc.perform(get("/api/v1/orders/" + order.path("id").asText())
                .header("X-Api-Key", MockShop.KEY)).andReturn().getResponse().getContentAsString());
        assertThat(now.path("placements").get(0).path("status").asText()).isEqualTo("NEEDS_REVIEW");

        // and the partner sees all three attempts
        JsonNode log = json.readTree(mvc.perform(get("/api/v1/partner/webhook-deliveries")
                        .param("event", webhook.getBusinessKey()).header("Authorization", "Bearer platen-demo-acme-key"))
                .andReturn().getResponse().getContentAsString());
        assertThat(log.path("deliveries").findValuesAsText("statusCode")).containsExactly("503", "503", "503");
        assertThat(log.path("deliveries").findValuesAsText("delivered")).containsOnly("false");
    }

    private List<ProcessInstance> webhookInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(PartnerWebhookStarter.PROCESS_KEY).active().list().stream()
                .filter(p -> jobQuery().processInstanceId(p.getId()).withRetriesLeft().count() > 0).toList();
    }

    private static ProcessInstance single(List<ProcessInstance> instances) {
        assertThat(instances).hasSize(1);
        return instances.get(0);
    }

    private String upload(byte[] bytes) throws Exception {
        return shop().upload(bytes);
    }

    private JsonNode postOrder(String art) throws Exception {
        return shop().postOrder("webhook-test", List.of(Map.of("product", "poster", "quantity", 1, "placements",
                List.of(Map.of("placement", "face", "artwork", art)))));
    }

    private MockShop shop() {
        return new MockShop(mvc, json);
    }

    private ProcessInstance prepressOf(JsonNode order) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(OrderProcessStarter.PROCESS_KEY)
                .processInstanceBusinessKey(order.path("id").asText()).singleResult();
    }

}
