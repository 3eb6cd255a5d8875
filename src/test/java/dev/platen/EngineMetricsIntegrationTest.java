package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's metrics over Actuator after an order went through: how many of each step ran here and how long they
 * took, and the shared queue, empty again once the order settled.
 */
// Alone in its test JVM: it reads the engine's gauges (failed jobs, open reviews, jobs due), which another class's
// orders beside it would move.
@Isolated
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class EngineMetricsIntegrationTest {

    @LocalServerPort
    int port;
    /** Camunda's REST API is asked for this context's engine by name: another context's may be the default one. */
    @Value("${camunda.bpm.process-engine-name:default}")
    String engine;
    @Autowired
    ObjectMapper json;

    @Test
    void stepsAreTimedAndTheQueueIsCounted() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        double rendersBefore = before("/actuator/metrics/platen.step?tag=step:RenderPrintFiles&tag=outcome:done", "COUNT");
        double stickersBefore = before("/actuator/metrics/platen.placement.effective-dpi?tag=product:sticker&tag=tier:sticker-3in", "COUNT");
        double proofsBefore = before("/actuator/metrics/platen.proof.delta-e-p95", "COUNT");
        // 900 px on a 3 in sticker (no other test orders that tier): 300 DPI, neutral grey, nothing for an operator
        String art = api.upload(TestArtwork.neutral(900, 900, 1), "sticker.png").path("id").asText();
        Map<String, Object> order = Map.of("reference", "metrics-1", "partner", "acme", "items", List.of(
                Map.of("product", "sticker", "quantity", 1, "placements", List.of(
                        Map.of("placement", "face", "tier", "sticker-3in", "artwork", art)))));
        ResponseEntity<String> created = api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String id = json.readTree(created.getBody()).path("id").asText();
        JsonNode done = api.awaitOrder(id, o -> o.path("status").asText().matches("READY_FOR_PRINT|NEEDS_REVIEW|FAILED"),
                Duration.ofSeconds(180));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("READY_FOR_PRINT");
        assertThat(done.path("placements").get(0).path("printFiles")).as(done.toString()).isNotEmpty();

        // other tests sharing this engine may have orders still running: at least this order's steps were counted
        assertThat(measurement("/actuator/metrics/platen.step?tag=step:RenderPrintFiles&tag=outcome:done", "COUNT"))
                .isGreaterThanOrEqualTo(rendersBefore + 1);
        assertThat(measurement("/actuator/metrics/platen.step?tag=step:RenderPrintFiles&tag=outcome:done", "TOTAL_TIME"))
                .isPositive();
        assertThat(measurement("/actuator/metrics/platen.step?tag=step:InspectArtwork", "COUNT")).isPositive();
        assertThat(measurement("/actuator/metrics/platen.placement.effective-dpi?tag=product:sticker&tag=tier:sticker-3in", "COUNT"))
                .isEqualTo(stickersBefore + 1);
        assertThat(measurement("/actuator/metrics/platen.placement.effective-dpi?tag=product:sticker&tag=tier:sticker-3in", "MAX"))
                .isBetween(150.0, 300.0);
        assertThat(measurement("/actuator/metrics/platen.proof.delta-e-p95", "COUNT")).isGreaterThanOrEqualTo(proofsBefore + 1);
        assertThat(measurement("/actuator/metrics/platen.jobs.failed", "VALUE")).isZero();
        // the queue gauges count what the engine holds: open operator tasks, and jobs that can run now. Other tests'
        // orders may still be moving, so the gauge and the engine's own count are read until they agree.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(measurement("/actuator/metrics/platen.review.open", "VALUE"))
                    .isEqualTo(engineCount("/engine-rest/engine/" + engine + "/task/count?active=true"));
            assertThat(measurement("/actuator/metrics/platen.jobs.due", "VALUE"))
                    .isEqualTo(engineCount("/engine-rest/engine/" + engine + "/job/count?executable=true"));
        });
    }

    /** The figures are for administrators: the demo operator has the ADMIN role. */
    private ResponseEntity<String> admin(String path) {
        return new PlatenApi(port, json).http().get().uri(path).headers(h -> h.setBasicAuth("demo", "demo"))
                .retrieve().toEntity(String.class);
    }

    /** A count as Camunda's REST API gives it, to hold a gauge against. */
    private double engineCount(String path) throws Exception {
        ResponseEntity<String> response = new PlatenApi(port, json).http().get().uri(path)
                .headers(h -> h.setBasicAuth("demo", "demo")).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody()).path("count").asDouble();
    }

    /**
     * A reading before the order: a meter Micrometer has not seen yet (no step of its kind has run in this JVM) does
     * not exist, which Actuator answers with 404; that reads as zero, and only here.
     */
    private double before(String path, String statistic) throws Exception {
        return admin(path).getStatusCode().value() == 404 ? 0 : measurement(path, statistic);
    }

    /** A reading that must exist. */
    private double measurement(String path, String statistic) throws Exception {
        ResponseEntity<String> response = admin(path);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        for (JsonNode m : json.readTree(response.getBody()).path("measurements")) {
            if (m.path("statistic").asText().equals(statistic)) {
                return m.path("value").asDouble();
            }
        }
        throw new AssertionError("no " + statistic + " in " + response.getBody());
    }
}
