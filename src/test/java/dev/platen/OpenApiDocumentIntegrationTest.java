package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document integrators read and generate clients from is committed as {@code docs/openapi.json}; the
 * engine must serve exactly that document, so a change to the API that is not in the committed file fails here.
 * {@code -Dopenapi.write=true} writes the served document to the file instead (then review the diff and commit it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-openapi;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects-openapi",
        "camunda.bpm.process-engine-name=openapidocument"
})
class OpenApiDocumentIntegrationTest {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    @LocalServerPort
    int port;

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
}
