package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.platen.artwork.MalformedCorpus;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.StartedFirst;
import dev.platen.testing.TestArtwork;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Hostile input over real HTTP: a sample of the generated malformed corpus posted to the running engine, and
 * artwork fetched by URL from a server on loopback. For test runs, {@code src/test/resources/config/application.yml}
 * opens URL fetching to plain http and to 127.0.0.1 alone, which is what lets the test reach its own server; the
 * rest of the guard is as in production. The context is the one the other integration tests share (a second
 * context with a second process engine disturbed theirs).
 */
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class HostileUploadIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void malformedFilesGetA4xxOrAreReadableAndNothingStoredBeforeIsLost() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        JsonNode kept = api.upload(TestArtwork.png(300, 200), "kept-before-the-corpus.png");

        List<MalformedCorpus.Case> all = MalformedCorpus.cases();
        List<MalformedCorpus.Case> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).expected().isEmpty() || i % 20 == 0) {
                sample.add(all.get(i));
            }
        }
        long slowest = 0;
        int rejected = 0;
        for (MalformedCorpus.Case c : sample) {
            long start = System.nanoTime();
            ResponseEntity<String> response = api.post(c.bytes(), c.name());
            long ms = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, ms);
            int status = response.getStatusCode().value();
            assertThat(status).as(c.name() + ": " + response.getBody()).isBetween(200, 499);
            assertThat(ms).as(c.name() + " answered within the promised 10 s").isLessThan(10_000);
            if (status >= 400) {
                rejected++;
                assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                String code = json.readTree(response.getBody()).path("code").asText();
                assertThat(code).as(c.name()).matches("[A-Z][A-Z0-9_]+");
                if (!c.expected().isEmpty()) {
                    assertThat(code).as(c.name()).isIn(c.expected());
                }
            } else {
                // An upload reads headers only: data cut short behind a sound header is found at the inspection
                // step, which decodes every pixel (as MalformedCorpusTest does).
                assertThat(c.expected().isEmpty() || c.expected().contains(MalformedCorpus.ACCEPTED)
                        || c.expected().contains("TRUNCATED_IMAGE")).as(c.name() + " was accepted").isTrue();
            }
        }
        System.out.printf("Hostile sample over HTTP: %d files, %d answered 4xx, none 5xx, slowest %d ms%n",
                sample.size(), rejected, slowest);

        ResponseEntity<String> again = api.http().get().uri("/api/v1/artworks/" + kept.path("id").asText())
                .retrieve().toEntity(String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(again.getBody()).path("sha256").asText()).isEqualTo(kept.path("sha256").asText());
        String health = api.http().get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"UP\"");
    }

    @Test
    void artworkIsFetchedByUrlAndARedirectToTheMetadataAddressIsRefused() throws Exception {
        byte[] png = TestArtwork.png(240, 160);
        HttpServer files = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        files.createContext("/art/poster.png", exchange -> {
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
        files.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/iam/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        files.start();
        try {
            PlatenApi api = new PlatenApi(port, json);
            String base = "http://127.0.0.1:" + files.getAddress().getPort();

            ResponseEntity<String> fetched = api.http().post().uri("/api/v1/artworks")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("url", base + "/art/poster.png"))
                    .retrieve().toEntity(String.class);
            ResponseEntity<String> refused = api.http().post().uri("/api/v1/artworks")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("url", base + "/moved"))
                    .retrieve().toEntity(String.class);

            assertThat(fetched.getStatusCode().value()).as(fetched.getBody()).isIn(200, 201);
            JsonNode art = json.readTree(fetched.getBody());
            assertThat(art.path("format").asText()).isEqualTo("png");
            assertThat(art.path("widthPx").asInt()).isEqualTo(240);
            assertThat(art.path("originalName").asText()).isEqualTo("poster.png");
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            assertThat(json.readTree(refused.getBody()).path("code").asText()).isEqualTo("ARTWORK_URL_BLOCKED");
        } finally {
            files.stop(0);
        }
    }
}
