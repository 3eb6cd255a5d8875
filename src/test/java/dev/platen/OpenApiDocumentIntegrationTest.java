package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document integrators read and generate clients from is committed as {@code docs/openapi.json}; the
 * engine must serve exactly that document, so a change to the API that is not in the committed file fails here.
 * {@code -Dopenapi.write=true} writes the served document to the file instead (then review the diff and commit it).
 */
// the integration tests' shared engine (same properties, so one Spring context): nothing here needs one of its own
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class OpenApiDocumentIntegrationTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    @LocalServerPort
    int port;
    @Autowired
    BuildProperties build;

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        String served = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs")
                .retrieve().body(String.class);
        ObjectMapper json = new ObjectMapper();
        // pretty-printed with its keys sorted by the engine (springdoc.writer-with-*), so the file diffs well
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }
        JsonNode committed = json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(json.readTree(served))
                .as("the served /v3/api-docs differs from " + COMMITTED + "; if the API change is intended, run "
                        + "./mvnw failsafe:integration-test@default -Dit.test=OpenApiDocumentIntegrationTest "
                        + "-Dopenapi.write=true (with -Dcodegen.skip=true if the client generated from the old file no "
                        + "longer compiles), review the diff and commit it")
                .isEqualTo(committed);
    }

    /** What an integrator opening Swagger UI needs from the document, whatever else it says. */
    @Test
    void theDocumentNamesPlatenItsThreeKeysAndEachOperationsRealAnswers() throws Exception {
        JsonNode api = new ObjectMapper().readTree(RestClient.create("http://localhost:" + port).get()
                .uri("/v3/api-docs").retrieve().body(String.class));

        assertThat(api.path("openapi").asText()).startsWith("3.0");
        assertThat(api.path("info").path("title").asText()).isEqualTo("Platen");
        assertThat(api.path("info").path("version").asText()).isEqualTo(build.getVersion());
        JsonNode schemes = api.path("components").path("securitySchemes");
        assertThat(schemes.path("shopApiKey").path("type").asText()).isEqualTo("apiKey");
        assertThat(schemes.path("shopApiKey").path("in").asText()).isEqualTo("header");
        assertThat(schemes.path("shopApiKey").path("name").asText()).isEqualTo("X-Api-Key");
        assertThat(schemes.path("partnerKey").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("rulesOperator").path("scheme").asText()).isEqualTo("basic");

        JsonNode placeOrder = api.path("paths").path("/api/v1/orders").path("post");
        assertThat(placeOrder.path("security").toString()).isEqualTo("[{\"shopApiKey\":[]}]");
        assertThat(placeOrder.path("responses").has("201")).as("a new order answers 201").isTrue();
        assertThat(placeOrder.path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(api.path("paths").path("/api/v1/partner/jobs").path("get").path("security").toString())
                .isEqualTo("[{\"partnerKey\":[]}]");
        assertThat(api.path("paths").path("/api/v1/rulesets").path("get").path("security").toString())
                .isEqualTo("[{\"rulesOperator\":[]}]");

        // every operation but the open catalog documents its refusals as problem+json, none answers only 200
        List<String> withoutProblems = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            boolean problems = false;
            for (var answer = op.getValue().path("responses").fields(); answer.hasNext(); ) {
                var entry = answer.next();
                problems |= entry.getKey().startsWith("4") && entry.getValue().path("content").has("application/problem+json");
            }
            if (!problems && !path.getKey().equals("/api/v1/catalog")) {
                withoutProblems.add(op.getKey() + " " + path.getKey());
            }
        }));
        assertThat(withoutProblems).isEmpty();

        // Swagger UI and its configuration are open, like the document: Authorize is where the keys go
        assertThat(RestClient.create("http://localhost:" + port).get().uri("/swagger-ui/index.html")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        assertThat(RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs/swagger-config")
                .retrieve().body(String.class)).contains("/v3/api-docs");
    }
}
