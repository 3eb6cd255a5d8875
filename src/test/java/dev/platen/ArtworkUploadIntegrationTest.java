package dev.platen;

import dev.platen.testing.PlatenApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.HostileFiles;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over real HTTP, good and bad. Every bad file gets a 4xx problem+json with a stable code, the engine
 * stays healthy, and what was stored before is still there afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class ArtworkUploadIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private RestClient http() {
        return new PlatenApi(port, json).http();
    }

    @Test
    void goodArtIsDescribedFromItsHeader() throws Exception {
        ResponseEntity<String> response = upload(TestArtwork.jpeg(1800, 2400), "photo.jpg");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 201);
        JsonNode art = json.readTree(response.getBody());
        assertThat(art.path("format").asText()).isEqualTo("jpeg");
        assertThat(art.path("widthPx").asInt()).isEqualTo(1800);
        assertThat(art.path("heightPx").asInt()).isEqualTo(2400);
        assertThat(art.path("colorSpace").asText()).isEqualTo("RGB");
        assertThat(art.path("alpha").asBoolean()).isFalse();
        assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/artworks/" + art.path("id").asText());
    }

    @Test
    void pngBytesNamedJpgAreAPng() throws Exception {
        JsonNode art = json.readTree(upload(TestArtwork.png(320, 200), "holiday.jpg").getBody());
        assertThat(art.path("format").asText()).isEqualTo("png");
    }

    @Test
    void badFilesGetA4xxWithAStableCodeAndLoseNothing() throws Exception {
        JsonNode kept = json.readTree(upload(TestArtwork.png(500, 400), "kept.png").getBody());

        byte[] jpeg = TestArtwork.jpeg(800, 600);
        byte[] png = TestArtwork.png(800, 600);
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("empty.png", new byte[0]);
        bad.put("random.jpg", HostileFiles.randomBytes(4096, 42));
        bad.put("truncated-jpeg-header.jpg", HostileFiles.truncated(jpeg, 100));
        bad.put("truncated-png-header.png", HostileFiles.truncated(png, 40));
        bad.put("png-declaring-50000x50000.png", HostileFiles.pngDeclaring(50_000, 50_000));
        bad.put("no-pages.pdf", HostileFiles.pdfWithNoPages());

        Map<String, String> expectedCodes = Map.of(
                "empty.png", "EMPTY_FILE",
                "random.jpg", "UNSUPPORTED_FORMAT",
                "png-declaring-50000x50000.png", "IMAGE_TOO_LARGE",
                "no-pages.pdf", "PDF_NO_PAGES");
        for (Map.Entry<String, byte[]> file : bad.entrySet()) {
            ResponseEntity<String> response = upload(file.getValue(), file.getKey());
            int status = response.getStatusCode().value();
            assertThat(status).as(file.getKey() + ": " + response.getBody()).isBetween(400, 499);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            JsonNode problem = json.readTree(response.getBody());
            assertThat(problem.path("code").asText()).as(file.getKey()).isNotBlank();
            if (expectedCodes.containsKey(file.getKey())) {
                assertThat(problem.path("code").asText()).as(file.getKey()).isEqualTo(expectedCodes.get(file.getKey()));
            }
        }
        assertThat(json.readTree(upload(HostileFiles.pngDeclaring(50_000, 50_000), "bomb.png").getBody())
                .path("code").asText()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(upload(HostileFiles.pngDeclaring(50_000, 50_000), "bomb.png").getStatusCode().value()).isEqualTo(413);

        JsonNode health = json.readTree(http().get().uri("/actuator/health").retrieve().body(String.class));
        assertThat(health.path("status").asText()).isEqualTo("UP");
        ResponseEntity<String> stillThere = http().get().uri("/api/v1/artworks/" + kept.path("id").asText())
                .retrieve().toEntity(String.class);
        assertThat(stillThere.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(stillThere.getBody()).path("widthPx").asInt()).isEqualTo(500);
    }

    @Test
    void aRequestWithoutTheFilePartIsA400() throws Exception {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("other", "x");
        ResponseEntity<String> response = http().post().uri("/api/v1/artworks").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).path("code").asText()).isEqualTo("MISSING_FILE");
    }

    private ResponseEntity<String> upload(byte[] bytes, String name) {
        return new PlatenApi(port, json).post(bytes, name);
    }
}
