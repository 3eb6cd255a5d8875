package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.OpenApiConformance;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Proof images show the customer's art: nobody without the shop's key, a signed link or an operator's session sees
 * them (the operator's session is proved by the browser test, whose review page loads the proof and the mockup).
 */
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class ProofImagePrivacyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void aProofImageNeedsTheKeyOrASignedLink() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        String art = api.upload(TestArtwork.neutral(900, 900, 4242), "private.png").path("id").asText();
        ResponseEntity<String> created = api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("reference", "privacy-1", "partner", "acme", "items", List.of(
                        Map.of("product", "sticker", "quantity", 1, "placements", List.of(
                                Map.of("placement", "face", "tier", "sticker-3in", "artwork", art)))))))
                .retrieve().toEntity(String.class);
        String orderId = json.readTree(created.getBody()).path("id").asText();
        JsonNode proof = api.awaitOrder(orderId, o -> !o.path("placements").get(0).path("softProof").isNull(),
                Duration.ofMinutes(3)).path("placements").get(0).path("softProof");
        String before = proof.path("beforeAfter").asText();
        String other = proof.path("gamut").asText();

        // no key: refused, as problem+json
        ResponseEntity<String> anonymous = open().get().uri(before).retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(json.readTree(anonymous.getBody()).path("code").asText()).isEqualTo("API_KEY_REQUIRED");
        ResponseEntity<String> wrongKey = open().get().uri(before).header("X-Api-Key", "not-a-key").retrieve()
                .toEntity(String.class);
        assertThat(wrongKey.getStatusCode().value()).isEqualTo(401);

        // the shop's key
        ResponseEntity<byte[]> withKey = api.http().get().uri(before).retrieve().toEntity(byte[].class);
        assertThat(withKey.getStatusCode().value()).isEqualTo(200);
        assertThat(withKey.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        // byte ranges, as the OpenAPI document lists them
        ResponseEntity<byte[]> part = api.http().get().uri(before).header("Range", "bytes=0-15").retrieve()
                .toEntity(byte[].class);
        assertThat(part.getStatusCode().value()).isEqualTo(206);
        assertThat(part.getBody()).isEqualTo(java.util.Arrays.copyOfRange(withKey.getBody(), 0, 16));
        assertThat(api.http().get().uri(before).header("Range", "bytes=" + withKey.getBody().length + "-").retrieve()
                .toEntity(byte[].class).getStatusCode().value()).isEqualTo(416);
        // far past the end: refused as a problem that names the image's length, not answered with the image
        ResponseEntity<String> beyond = api.http().get().uri(before).header("Range", "bytes=999999999-").retrieve()
                .toEntity(String.class);
        assertThat(beyond.getStatusCode().value()).isEqualTo(416);
        assertThat(beyond.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */" + withKey.getBody().length);
        assertThat(beyond.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(beyond.getBody()).path("code").asText()).isEqualTo("RANGE_NOT_SATISFIABLE");

        // a signed link, minted with the key, opens that image and no other
        JsonNode link = json.readTree(api.http().get().uri(before + "/link?validFor=PT1H").retrieve().body(String.class));
        String url = link.path("url").asText();
        ResponseEntity<byte[]> signed = open().get().uri(url).retrieve().toEntity(byte[].class);
        assertThat(signed.getStatusCode().value()).isEqualTo(200);
        assertThat(signed.getBody()).isEqualTo(withKey.getBody());
        String elsewhere = other + url.substring(url.indexOf('?'));
        assertThat(code(open().get().uri(elsewhere).retrieve().toEntity(String.class))).isEqualTo("LINK_INVALID");
        assertThat(code(open().get().uri(url.replaceAll("expires=[0-9]+", "expires=9999999999")).retrieve()
                .toEntity(String.class))).isEqualTo("LINK_INVALID");
        // a signed link cannot mint another
        String minted = url.replace("?", "/link?");
        ResponseEntity<String> reminted = open().get().uri(minted).retrieve().toEntity(String.class);
        assertThat(reminted.getStatusCode().value()).as(reminted.getBody()).isIn(401, 403);

        // and it expires
        JsonNode brief = json.readTree(api.http().get().uri(before + "/link?validFor=PT1S").retrieve().body(String.class));
        Thread.sleep(2_100);
        assertThat(code(open().get().uri(brief.path("url").asText()).retrieve().toEntity(String.class)))
                .isEqualTo("LINK_EXPIRED");
    }

    private RestClient open() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .requestInterceptor(new OpenApiConformance()).build();
    }

    private String code(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(403);
        return json.readTree(response.getBody()).path("code").asText();
    }
}
