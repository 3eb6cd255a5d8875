package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.client.ApiClient;
import dev.platen.client.ApiException;
import dev.platen.client.ApiResponse;
import dev.platen.client.api.OrdersApi;
import dev.platen.client.model.Item;
import dev.platen.client.model.OrderRequest;
import dev.platen.client.model.OrderView;
import dev.platen.client.model.PlacementRequest;
import dev.platen.client.model.Problem;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An integrator's view: the Java client generated from {@code docs/openapi.json} at build time (openapi-generator,
 * {@code native} library; never committed) places an order on the running engine and reads it back. A document
 * that misstates a status, a field's type or its nulls fails here the way it would fail the integrator's build or
 * their first call.
 */
// the integration tests' shared engine (same properties, so one Spring context): nothing here needs one of its own
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class GeneratedClientIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private OrdersApi orders() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        // the document's shopApiKey scheme: the native library leaves credentials to the caller
        client.setRequestInterceptor(request -> request.header("X-Api-Key", PlatenApi.DEMO_KEY));
        return new OrdersApi(client);
    }

    @Test
    void theGeneratedClientPlacesAnOrderAndReadsItBack() throws Exception {
        String artwork = new PlatenApi(port, json).upload(TestArtwork.printableJpeg(2400, 3200), "front.jpg")
                .path("id").asText();
        OrderRequest order = new OrderRequest().reference("generated-1").partner("acme").items(List.of(
                new Item().product("tshirt").quantity(1).placements(List.of(
                        new PlacementRequest().placement("front").tier("full-front").artwork(artwork)))));

        OrderView dryRun = orders().placeOrder(order, true, null);
        assertThat(dryRun.getDryRun()).isTrue();
        assertThat(dryRun.getId()).isNull();
        assertThat(dryRun.getPlacements().get(0).getTier()).isEqualTo("full-front");

        ApiResponse<OrderView> created = orders().placeOrderWithHttpInfo(order, false, "generated-client-1");
        assertThat(created.getStatusCode()).isEqualTo(201);
        assertThat(created.getHeaders().get("location")).containsExactly("/api/v1/orders/" + created.getData().getId());
        OrderView placed = created.getData();
        // typed by the document: the client has the statuses as an enum (they were plain strings)
        assertThat(placed.getStatus()).isEqualTo(OrderView.StatusEnum.RECEIVED);
        assertThat(placed.getPlacements()).singleElement().satisfies(p -> {
            assertThat(p.getTier()).isEqualTo("full-front");
            assertThat(p.getEffectiveDpi()).isEqualByComparingTo("200.0");
            assertThat(p.getApproval()).isNull();
        });

        OrderView read = orders().getOrder(placed.getId());
        assertThat(read.getId()).isEqualTo(placed.getId());
        assertThat(read.getReference()).isEqualTo("generated-1");
        assertThat(read.getPlacements()).extracting(p -> p.getId())
                .containsExactlyElementsOf(placed.getPlacements().stream().map(p -> p.getId()).toList());
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsItsDocumentedProblem() throws Exception {
        OrderRequest unknown = new OrderRequest().reference("generated-2").partner("acme").items(List.of(
                new Item().product("hoodie").quantity(1).placements(List.of(
                        new PlacementRequest().placement("front").artwork("0".repeat(64))))));

        ApiException refused = catchThrowableOfType(ApiException.class, () -> orders().placeOrder(unknown, false, null));

        assertThat(refused.getCode()).isEqualTo(422);
        Problem problem = json.readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("UNKNOWN_PRODUCT");
        assertThat(problem.getStatus()).isEqualTo(422);
    }
}
