package dev.platen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The order system's side of the running engine, for integration tests: the demo key on every request, every
 * status answered (the tests assert on 4xx themselves), every exchange held to the OpenAPI document
 * ({@link OpenApiConformance}), uploads, and waiting for the process to settle an order.
 */
public final class PlatenApi {

    public static final String DEMO_KEY = "platen-demo-shop-key";
    /** A second order system's key, known to test runs only ({@code src/test/resources/config/application.yml}). */
    public static final String SECOND_SHOP_KEY = "platen-test-second-shop-key";

    private final RestClient http;
    private final ObjectMapper json;

    public PlatenApi(int port, ObjectMapper json) {
        this(port, json, DEMO_KEY);
    }

    /** The same for another order system, by its key (the test configuration lists a second shop). */
    public PlatenApi(int port, ObjectMapper json, String key) {
        this.http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-Api-Key", key)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .requestInterceptor(new OpenApiConformance())
                .build();
        this.json = json;
    }

    public RestClient http() {
        return http;
    }

    /** Posts a file as multipart field {@code file}, whatever the answer. */
    public ResponseEntity<String> post(byte[] bytes, String name) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return http.post().uri("/api/v1/artworks").contentType(MediaType.MULTIPART_FORM_DATA).body(form)
                .retrieve().toEntity(String.class);
    }

    /** Uploads artwork that must be accepted, and returns the engine's description of it. */
    public JsonNode upload(byte[] bytes, String name) {
        ResponseEntity<String> response = post(bytes, name);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 201);
        return read(response.getBody());
    }

    public JsonNode order(String orderId) {
        return read(http.get().uri("/api/v1/orders/" + orderId).retrieve().body(String.class));
    }

    /**
     * Polls the order until it is settled as the test expects. The process runs on the engine's job executor,
     * so there is no event to wait on over HTTP; the deadline is generous for a loaded 2-core machine.
     */
    public JsonNode awaitOrder(String orderId, Predicate<JsonNode> settled, Duration atMost) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        last.set(order(orderId));
                        return last.get();
                    }, settled::test);
        } catch (ConditionTimeoutException e) {
            return fail("order not settled within " + atMost + ": " + last.get());
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
