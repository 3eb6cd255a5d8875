package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import dev.platen.testing.TestS3Server;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine with its objects in an S3-compatible bucket (S3Proxy, started on loopback by the test): artwork
 * and print files land in the bucket under their SHA-256, and print files download from it whole and by range.
 */
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it-s3;DB_CLOSE_DELAY=-1",
        // A second engine in this JVM (the other tests' context stays cached): under its own name, or it would
        // take the name "default" from theirs in Camunda's static engine registry and answer their REST calls
        // (the starter ignores names with a hyphen).
        "camunda.bpm.process-engine-name=platenS3It"
})
class S3StorageIntegrationTest {

    private static final String BUCKET = TestS3Server.shared().newBucket("engine");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) throws Exception {
        TestS3Server.shared().register(registry, BUCKET);
        registry.add("platen.storage.s3.prefix", () -> "it/");
    }

    @Test
    void printFilesAreStoredInTheBucketAndDownloadWholeAndByRange() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        String art = api.upload(TestArtwork.printablePng(1200, 1500), "poster.png").path("id").asText();
        Map<String, Object> order = Map.of("reference", "s3-1", "partner", "acme", "items", List.of(
                Map.of("product", "poster", "quantity", 1, "placements", List.of(
                        Map.of("placement", "face", "tier", "poster-8x10", "artwork", art)))));
        ResponseEntity<String> created = api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode ready = api.awaitOrder(json.readTree(created.getBody()).path("id").asText(),
                o -> o.path("status").asText().matches("READY_FOR_PRINT|FAILED"), Duration.ofSeconds(180));
        assertThat(ready.path("status").asText()).as(ready.toString()).isEqualTo("READY_FOR_PRINT");

        JsonNode tiff = null;
        for (JsonNode f : ready.path("placements").get(0).path("printFiles")) {
            if (f.path("format").asText().equals("tiff")) {
                tiff = f;
            }
        }
        assertThat(tiff).as(ready.toString()).isNotNull();
        String sha = tiff.path("sha256").asText();

        try (S3Client s3 = TestS3Server.shared().client()) {
            List<String> keys = s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
            assertThat(keys).contains("it/sha256/" + art.substring(0, 2) + "/" + art, "it/sha256/" + sha.substring(0, 2) + "/" + sha);
        }

        ResponseEntity<byte[]> whole = api.http().get().uri(tiff.path("href").asText()).retrieve().toEntity(byte[].class);
        assertThat(whole.getStatusCode().value()).isEqualTo(200);
        assertThat(whole.getHeaders().getContentLength()).isEqualTo(tiff.path("bytes").asLong());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole.getBody()))).isEqualTo(sha);

        ResponseEntity<byte[]> part = api.http().get().uri(tiff.path("href").asText()).header("Range", "bytes=1000-1999")
                .retrieve().toEntity(byte[].class);
        assertThat(part.getStatusCode().value()).isEqualTo(206);
        assertThat(part.getHeaders().getFirst("Content-Range")).isEqualTo("bytes 1000-1999/" + whole.getBody().length);
        assertThat(part.getBody()).isEqualTo(Arrays.copyOfRange(whole.getBody(), 1000, 2000));

        ResponseEntity<byte[]> tail = api.http().get().uri(tiff.path("href").asText()).header("Range", "bytes=-500")
                .retrieve().toEntity(byte[].class);
        assertThat(tail.getStatusCode().value()).isEqualTo(206);
        assertThat(tail.getBody()).isEqualTo(Arrays.copyOfRange(whole.getBody(), whole.getBody().length - 500, whole.getBody().length));
    }
}
