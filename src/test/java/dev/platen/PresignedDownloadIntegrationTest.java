package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.OpenApiConformance;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import dev.platen.testing.TestS3Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code platen.storage.s3.presigned-downloads} set, a print-file download is a redirect to a presigned URL
 * of the S3-compatible store (S3Proxy, started on loopback by the test): the shop fetches the bytes from the
 * store without any credentials, and the link says how long it lasts.
 */
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it-presigned;DB_CLOSE_DELAY=-1",
        // A second engine in this JVM (the other tests' context stays cached): under its own name, or it would
        // take the name "default" from theirs in Camunda's static engine registry and answer their REST calls
        // (the starter ignores names with a hyphen).
        "camunda.bpm.process-engine-name=platenPresignedIt",
        "platen.storage.s3.presigned-downloads=5m"
})
class PresignedDownloadIntegrationTest {

    private static final String BUCKET = TestS3Server.shared().newBucket("presigned");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        TestS3Server.shared().register(registry, BUCKET);
    }

    @Test
    void aPrintFileDownloadRedirectsToTheStore() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        String art = api.upload(TestArtwork.neutral(600, 600, 7), "sticker.png").path("id").asText();
        Map<String, Object> order = Map.of("reference", "presigned-1", "partner", "acme", "items", List.of(
                Map.of("product", "sticker", "quantity", 1, "placements", List.of(
                        Map.of("placement", "face", "tier", "sticker-2in", "artwork", art)))));
        ResponseEntity<String> created = api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode ready = api.awaitOrder(json.readTree(created.getBody()).path("id").asText(),
                o -> o.path("status").asText().matches("READY_FOR_PRINT|NEEDS_REVIEW|FAILED"), Duration.ofSeconds(180));
        JsonNode file = ready.path("placements").get(0).path("printFiles").get(0);
        assertThat(file).as(ready.toString()).isNotNull();

        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        // the engine's answer is held to the OpenAPI document; the store's is not the engine's
        ResponseEntity<Void> redirect = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(http))
                .requestInterceptor(new OpenApiConformance()).build()
                .get().uri(URI.create("http://localhost:" + port + file.path("href").asText()))
                .header("X-Api-Key", PlatenApi.DEMO_KEY).retrieve().toBodilessEntity();
        assertThat(redirect.getStatusCode().value()).isEqualTo(302);
        URI link = redirect.getHeaders().getLocation();
        assertThat(link.getPort()).isEqualTo(TestS3Server.shared().endpoint().getPort());
        assertThat(link.getQuery()).contains("X-Amz-Expires=300");

        HttpResponse<byte[]> bytes = http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).hasSize(file.path("bytes").asInt());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.body())))
                .isEqualTo(file.path("sha256").asText());
    }
}
