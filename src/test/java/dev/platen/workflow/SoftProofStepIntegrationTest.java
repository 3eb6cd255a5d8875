package dev.platen.workflow;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.orders.PlacementJobs;
import dev.platen.proof.MakeSoftProof;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The soft proof works under the step's time limit like inspection and rendering: a proof past it is stopped and
 * its job fails with the step and placement named, instead of holding a job thread for as long as the art takes.
 */
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class SoftProofStepIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlacementJobs jobs;
    @Autowired
    MakeSoftProof proof;

    @Test
    void aSoftProofPastTheStepTimeLimitIsStoppedNamingStepAndPlacement() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        String art = api.upload(TestArtwork.printableJpeg(2400, 3200), "front.jpg").path("id").asText();
        String order = json.writeValueAsString(Map.of("reference", "proof-limit", "partner", "acme", "items", List.of(
                Map.of("product", "tshirt", "quantity", 1, "placements", List.of(
                        Map.of("placement", "front", "artwork", art))))));
        String id = json.readTree(api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(order).retrieve().body(String.class)).path("id").asText();
        JsonNode settled = api.awaitOrder(id, o -> o.path("placements").get(0).path("softProof").isObject(),
                Duration.ofSeconds(180));
        String placementId = settled.path("placements").get(0).path("id").asText();

        // the same step as the engine runs it, with a limit no proof can meet
        SoftProofStep tooSlow = new SoftProofStep(jobs, proof, new StepTimeLimit(Duration.ofMillis(1)));
        StepTimedOut stopped = assertThrows(StepTimedOut.class, () -> tooSlow.work(placementId));
        assertThat(stopped.getMessage()).contains("Make soft proof", placementId, "platen.orders.step-time-limit");
    }
}
