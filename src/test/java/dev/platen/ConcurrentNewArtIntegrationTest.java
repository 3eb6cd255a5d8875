package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shop that sends new art for a placement five times at once (a retrying client, a double click), while the
 * engine is working on the placement: every answer is the order (200) or "busy, send it again" (409 with
 * Retry-After), never a 500, and the same art five times starts the placement again once. Before: two rounds in
 * three answered 500 (Camunda's optimistic lock) and five identical requests restarted it five times; later, on
 * PostgreSQL, a request that read the art just committed by another "replaced" it by itself, a second restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class ConcurrentNewArtIntegrationTest {

    private static final int ROUNDS = 20;

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void newArtSentFiveTimesAtOnceDuringARenderAnswersNeverFiveHundredAndRestartsOnce() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        // art large enough that a render is under way while the requests arrive
        List<String> arts = List.of(
                api.upload(TestArtwork.printableJpeg(3000, 4000), "first.jpg").path("id").asText(),
                api.upload(TestArtwork.printableJpeg(2400, 3200), "second.jpg").path("id").asText());
        String order = json.writeValueAsString(Map.of("reference", "new-art-race", "partner", "acme", "items", List.of(
                Map.of("product", "poster", "quantity", 1, "placements", List.of(
                        Map.of("placement", "face", "artwork", arts.get(0)))))));
        JsonNode placed = json.readTree(api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(order).retrieve().body(String.class));
        String orderId = placed.path("id").asText();
        String placementId = placed.path("placements").get(0).path("id").asText();
        String uri = "/api/v1/orders/" + orderId + "/placements/" + placementId + "/artwork";

        ExecutorService shop = Executors.newFixedThreadPool(5);
        try {
            // twenty rounds: the race a round can lose (a request reading the art another just committed) showed in
            // about one round in fifty on PostgreSQL
            for (int round = 1; round <= ROUNDS; round++) {
                String art = arts.get(round % 2);
                long restartsBefore = restarts(api, orderId, placementId);
                List<Callable<ResponseEntity<String>>> sends = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    sends.add(() -> api.http().put().uri(uri).contentType(MediaType.APPLICATION_JSON)
                            .body("{\"artwork\":\"" + art + "\"}").retrieve().toEntity(String.class));
                }
                int taken = 0;
                for (Future<ResponseEntity<String>> sent : shop.invokeAll(sends)) {
                    ResponseEntity<String> answer = sent.get();
                    int status = answer.getStatusCode().value();
                    assertThat(status).as("round %d: %s", round, answer.getBody()).isIn(200, 409);
                    if (status == 409) {
                        assertThat(json.readTree(answer.getBody()).path("code").asText()).isEqualTo("PLACEMENT_BUSY");
                        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
                    } else {
                        taken++;
                    }
                }
                JsonNode now = api.order(orderId).path("placements").get(0);
                if (taken > 0) {
                    assertThat(now.path("artwork").asText()).as("round %d", round).isEqualTo(art);
                    assertThat(restarts(api, orderId, placementId)).as("round %d: restarts; history %s", round,
                            history(api, orderId, placementId)).isEqualTo(restartsBefore + 1);
                } else {
                    assertThat(restarts(api, orderId, placementId)).isEqualTo(restartsBefore);
                }
            }
        } finally {
            shop.shutdownNow();
        }
    }

    /** Restarts for new art, each checked to name two different files (art is never "replaced" by itself). */
    private long restarts(PlatenApi api, String orderId, String placementId) throws Exception {
        long n = 0;
        for (JsonNode event : history(api, orderId, placementId)) {
            if (event.path("action").asText().equals("ARTWORK_REPLACED")) {
                JsonNode files = event.path("fileHashes");
                assertThat(files.get(0).asText()).as("old and new art of %s", event).isNotEqualTo(files.get(1).asText());
                n++;
            }
        }
        return n;
    }

    private JsonNode history(PlatenApi api, String orderId, String placementId) throws Exception {
        return json.readTree(api.http().get().uri("/api/v1/orders/" + orderId + "/placements/" + placementId + "/history")
                .retrieve().body(String.class));
    }
}
