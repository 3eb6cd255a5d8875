package dev.platen;

import dev.platen.testing.PlatenApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole engine on a random port, its job executor running: a shop uploads art it made at chosen pixel
 * sizes, posts an order with several placements, reads the verdict in the 201, and follows the order over
 * HTTP until the engine has settled every placement.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class OrderVerdictIntegrationTest {

    @LocalServerPort
    int port;
    /** Camunda's REST API is asked for this context's engine by name: another context's may be the default one. */
    @Value("${camunda.bpm.process-engine-name:default}")
    String engine;
    @Autowired
    ObjectMapper json;

    private RestClient http() {
        return api().http();
    }

    private PlatenApi api() {
        return new PlatenApi(port, json);
    }

    @Test
    void anOrderWithSeveralPlacementsGetsItsVerdictAtOnceAndSettles() throws Exception {
        String fullFront = upload(TestArtwork.printableJpeg(2400, 3200), "front.jpg").path("id").asText();
        String downgrade = upload(TestArtwork.printablePng(1500, 2000), "back.png").path("id").asText();
        String tiny = upload(TestArtwork.printablePng(300, 300), "logo.png").path("id").asText();

        Map<String, Object> order = Map.of("reference", "shop-1001", "partner", "acme", "items", List.of(
                Map.of("product", "tshirt", "quantity", 2, "placements", List.of(
                        Map.of("placement", "front", "tier", "full-front", "artwork", fullFront),
                        Map.of("placement", "back", "artwork", downgrade))),
                Map.of("product", "tshirt", "quantity", 1, "placements", List.of(
                        Map.of("placement", "front", "artwork", tiny)))));
        ResponseEntity<String> created = http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order)).retrieve().toEntity(String.class);

        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode verdict = json.readTree(created.getBody());
        JsonNode placements = verdict.path("placements");
        assertThat(placements).hasSize(3);

        assertThat(placements.get(0).path("tier").asText()).isEqualTo("full-front");
        assertThat(placements.get(0).path("effectiveDpi").decimalValue()).isEqualByComparingTo("200.0");
        assertThat(placements.get(0).path("downgraded").asBoolean()).isFalse();

        assertThat(placements.get(1).path("requestedTier").asText()).isEqualTo("full-back");
        assertThat(placements.get(1).path("tier").asText()).isEqualTo("centred-back");
        assertThat(placements.get(1).path("downgraded").asBoolean()).isTrue();
        assertThat(placements.get(1).path("reasons").toString()).contains("LOW_DPI_DOWNGRADED");

        assertThat(placements.get(2).path("tier").isNull()).isTrue();
        assertThat(placements.get(2).path("reasons").toString()).contains("NO_TIER_FITS");

        String id = verdict.path("id").asText();
        // the clean placement is approved by the engine, and so is the downgrade to a tested tier (its reason stays
        // on it); the third waits for an operator to choose a tier
        JsonNode settled = waitUntil(id, o -> o.path("placements").get(0).path("status").asText().equals("READY_FOR_PRINT")
                && o.path("placements").get(1).path("status").asText().equals("READY_FOR_PRINT")
                && o.path("placements").get(2).path("status").asText().equals("NEEDS_REVIEW"));
        assertThat(settled.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(settled.path("placements").get(0).path("approval").path("automatic").asBoolean()).isTrue();
        assertThat(settled.path("placements").get(1).path("approval").path("automatic").asBoolean()).isTrue();
        assertThat(settled.path("placements").get(1).path("reasons").toString()).contains("LOW_DPI_DOWNGRADED");
        assertThat(settled.path("placements").get(1).path("printFiles")).isNotEmpty();

        // the operator works over Camunda's REST API, which answers only to engine users
        String tasksUri = "/engine-rest/engine/" + engine + "/task?processInstanceBusinessKey=" + id
                + "&sortBy=name&sortOrder=asc";
        assertThat(http().get().uri(tasksUri).retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(401);
        JsonNode tasks = json.readTree(http().get().uri(tasksUri).headers(h -> h.setBasicAuth("demo", "demo"))
                .retrieve().body(String.class));
        // Tasklist names the task for its placement, and says why it waits
        assertThat(tasks).extracting(t -> t.path("name").asText())
                .containsExactly("Resolve placement · shop-1001 · tshirt / front · no tier fits (asked full-front)");
        assertThat(tasks.get(0).path("description").asText()).contains("NO_TIER_FITS");

        // Tasklist shows the task's Camunda Form: "Print at" is a choice of the placement's tiers, fed by a JSON
        // variable, each with the DPI this art gives there
        String taskUri = "/engine-rest/engine/" + engine + "/task/" + tasks.get(0).path("id").asText();
        JsonNode form = engineGet(taskUri + "/form");
        assertThat(form.path("camundaFormRef").path("key").asText()).isEqualTo("ResolvePlacementForm");
        JsonNode deployed = engineGet(taskUri + "/deployed-form");
        JsonNode printAt = null;
        for (JsonNode component : deployed.path("components")) {
            if (component.path("key").asText().equals("tier")) {
                printAt = component;
            }
        }
        assertThat(printAt).as(deployed.toString()).isNotNull();
        assertThat(printAt.path("type").asText()).isEqualTo("select");
        // as Tasklist asks for them: serialized, so a JSON variable comes as its text
        JsonNode choices = engineGet(taskUri + "/form-variables?deserializeValues=false")
                .path(printAt.path("valuesKey").asText());
        assertThat(choices.path("type").asText()).isEqualTo("Json");
        JsonNode tiers = json.readTree(choices.path("value").asText());
        // the catalog's T-shirt front tiers, largest first; the 300 px art reaches none of their minimums
        assertThat(tiers).as(choices.toString()).extracting(t -> t.path("value").asText())
                .containsExactly("full-front", "centred", "centred-mini", "left-chest");
        assertThat(tiers.get(3).path("label").asText())
                .isEqualTo("Left chest 4 x 4 (4 x 4 in) · 75.0 DPI, below its tested 150 DPI minimum");
        // a tier below its minimum is refused until the operator confirms it
        ResponseEntity<String> unconfirmed = http().post().uri(taskUri + "/submit-form")
                .headers(h -> h.setBasicAuth("demo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("variables", Map.of("decision", Map.of("value", "TIER"),
                        "tier", Map.of("value", "left-chest"), "note", Map.of("value", "shop agreed")))))
                .retrieve().toEntity(String.class);
        assertThat(unconfirmed.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(unconfirmed.getBody()).contains("below the 150 DPI it was test-printed at");
        submitForm(tasks.get(0), Map.of("decision", "TIER", "tier", "left-chest", "note", "shop agreed to a small soft print",
                "belowMinimumConfirmed", "true"));

        // the chosen tier has new print files and a proof, which come back for review
        waitUntil(id, o -> o.path("placements").get(2).path("laneReason").asText().equals("OPERATOR_CHOSE_TIER"));
        JsonNode again = json.readTree(http().get().uri(tasksUri).headers(h -> h.setBasicAuth("demo", "demo"))
                .retrieve().body(String.class));
        assertThat(again).extracting(t -> t.path("name").asText())
                .containsExactly("Review proof · shop-1001 · tshirt / front · left-chest");
        assertThat(again.get(0).path("description").asText()).isEqualTo("Proof lane: OPERATOR_CHOSE_TIER");
        submitForm(again.get(0), Map.of("decision", "APPROVE"));

        JsonNode ready = waitFor(id, "READY_FOR_PRINT");
        JsonNode resolved = ready.path("placements").get(2);
        assertThat(resolved.path("tier").asText()).isEqualTo("left-chest");
        assertThat(resolved.path("decidedBy").asText()).isEqualTo("demo");
        assertThat(resolved.path("reasons").toString()).contains("OPERATOR_CHOSE_TIER");
        assertThat(resolved.path("approval").path("approvedBy").asText()).isEqualTo("demo");
        assertThat(ready.path("placements").get(1).path("approval").path("approvedBy").asText()).isEqualTo("platen");
    }

    private JsonNode engineGet(String uri) throws Exception {
        ResponseEntity<String> answer = http().get().uri(uri).headers(h -> h.setBasicAuth("demo", "demo"))
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(uri + ": " + answer.getBody()).isEqualTo(200);
        return json.readTree(answer.getBody());
    }

    private void submitForm(JsonNode task, Map<String, String> values) throws Exception {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        ResponseEntity<String> submitted = http().post()
                .uri("/engine-rest/engine/" + engine + "/task/" + task.path("id").asText() + "/submit-form")
                .headers(h -> h.setBasicAuth("demo", "demo")).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("variables", variables))).retrieve().toEntity(String.class);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstOrderAgain() throws Exception {
        String art = upload(TestArtwork.png(1200, 1200), "sticker.png").path("id").asText();
        String body = json.writeValueAsString(Map.of("reference", "shop-2002", "partner", "acme", "items", List.of(
                Map.of("product", "sticker", "quantity", 50, "placements", List.of(Map.of("placement", "face", "artwork", art))))));

        ResponseEntity<String> first = postOrder(body, "key-2002");
        ResponseEntity<String> again = postOrder(body, "key-2002");
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(again.getBody()).path("id").asText()).isEqualTo(json.readTree(first.getBody()).path("id").asText());
        assertThat(json.readTree(again.getBody())).isEqualTo(json.readTree(first.getBody()));

        ResponseEntity<String> otherBody = postOrder(body.replace("shop-2002", "shop-2003"), "key-2002");
        assertThat(otherBody.getStatusCode().value()).isEqualTo(422);
        assertThat(json.readTree(otherBody.getBody()).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(otherBody.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void aDryRunAnswersTheVerdictWithoutCreatingAnOrder() throws Exception {
        String art = upload(TestArtwork.png(1500, 2000), "dry.png").path("id").asText();
        String body = json.writeValueAsString(Map.of("reference", "shop-3003", "partner", "acme", "items", List.of(
                Map.of("product", "tshirt", "quantity", 1, "placements", List.of(Map.of("placement", "front", "artwork", art))))));
        ResponseEntity<String> dry = http().post().uri("/api/v1/orders?dryRun=true").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
        assertThat(dry.getStatusCode().value()).isEqualTo(200);
        JsonNode verdict = json.readTree(dry.getBody());
        assertThat(verdict.path("id").isNull()).isTrue();
        assertThat(verdict.path("dryRun").asBoolean()).isTrue();
        assertThat(verdict.path("placements").get(0).path("tier").asText()).isEqualTo("centred");
    }

    @Test
    void unknownNamesAreRefusedWith422NamingThem() throws Exception {
        String art = upload(TestArtwork.png(100, 100), "x.png").path("id").asText();
        assertProblem(order("hoodie", "front", null, art), 422, "UNKNOWN_PRODUCT", "hoodie");
        assertProblem(order("tshirt", "sleeve", null, art), 422, "UNKNOWN_PLACEMENT", "sleeve");
        assertProblem(order("tshirt", "front", "giant", art), 422, "UNKNOWN_TIER", "giant");
        assertProblem(order("tshirt", "front", null, "f".repeat(64)), 422, "UNKNOWN_ARTWORK", "f".repeat(64));
        ResponseEntity<String> broken = postOrder("{\"reference\": ", null);
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(broken.getBody()).path("code").asText()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void theSameBytesTwiceGiveTheSameArtworkId() throws Exception {
        byte[] bytes = TestArtwork.png(640, 480);
        JsonNode first = upload(bytes, "a.png");
        JsonNode second = upload(bytes, "b.png");
        assertThat(second.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(first.path("sha256").asText()).hasSize(64);
        assertThat(first.path("format").asText()).isEqualTo("png");
        assertThat(first.path("widthPx").asInt()).isEqualTo(640);
        assertThat(first.path("heightPx").asInt()).isEqualTo(480);
    }

    @Test
    void theOrderApiAnswersOnlyToAnOrderSystemsKey() throws Exception {
        RestClient noKey = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { }).build();
        ResponseEntity<String> without = noKey.get().uri("/api/v1/orders/anything").retrieve().toEntity(String.class);
        assertThat(without.getStatusCode().value()).isEqualTo(401);
        assertThat(without.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(without.getBody()).path("code").asText()).isEqualTo("API_KEY_REQUIRED");

        ResponseEntity<String> wrong = noKey.post().uri("/api/v1/orders").header("X-Api-Key", "guess")
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toEntity(String.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(wrong.getBody()).path("code").asText()).isEqualTo("API_KEY_INVALID");

        // the catalog and health stay open
        assertThat(noKey.get().uri("/api/v1/catalog").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(noKey.get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theCatalogOpenApiAndHealthAreServed() throws Exception {
        JsonNode catalog = json.readTree(http().get().uri("/api/v1/catalog").retrieve().body(String.class));
        assertThat(catalog.path("products").findValuesAsText("id")).contains("tshirt", "poster", "mug", "sticker");
        JsonNode api = json.readTree(http().get().uri("/v3/api-docs").retrieve().body(String.class));
        assertThat(api.path("paths").has("/api/v1/orders")).isTrue();
        assertThat(api.path("paths").has("/api/v1/artworks")).isTrue();
        JsonNode ready = json.readTree(http().get().uri("/actuator/health/readiness").retrieve().body(String.class));
        assertThat(ready.path("status").asText()).isEqualTo("UP");
    }

    // ---------------------------------------------------------------------------------------------------------

    private String order(String product, String placement, String tier, String artwork) throws Exception {
        Map<String, Object> p = tier == null ? Map.of("placement", placement, "artwork", artwork)
                : Map.of("placement", placement, "tier", tier, "artwork", artwork);
        return json.writeValueAsString(Map.of("reference", "bad", "partner", "acme", "items", List.of(
                Map.of("product", product, "quantity", 1, "placements", List.of(p)))));
    }

    private void assertProblem(String body, int status, String code, String named) throws Exception {
        ResponseEntity<String> response = postOrder(body, null);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).contains(named);
    }

    private ResponseEntity<String> postOrder(String body, String idempotencyKey) {
        var request = http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).retrieve().toEntity(String.class);
    }

    private JsonNode upload(byte[] bytes, String name) {
        return api().upload(bytes, name);
    }

    private JsonNode waitFor(String orderId, String status) {
        return waitUntil(orderId, o -> o.path("status").asText().equals(status));
    }

    private JsonNode waitUntil(String orderId, java.util.function.Predicate<JsonNode> settled) {
        return api().awaitOrder(orderId, settled, Duration.ofSeconds(120));
    }
}
