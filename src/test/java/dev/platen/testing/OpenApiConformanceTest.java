package dev.platen.testing;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The interceptor the integration tests rely on does fail an exchange the document does not describe. */
class OpenApiConformanceTest {

    private static final String PROBLEM = """
            {"type":"urn:platen:problem:ORDER_NOT_FOUND","title":"Not Found","status":404,
             "detail":"No order with id 'x'.","instance":"/api/v1/orders/x","code":"ORDER_NOT_FOUND"}""";

    @Test
    void aDocumentedProblemPasses() throws Exception {
        ClientHttpResponse answer = exchange("/api/v1/orders/x", HttpStatus.NOT_FOUND, MediaType.APPLICATION_PROBLEM_JSON, PROBLEM);

        assertThat(new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(PROBLEM);
    }

    @Test
    void aProblemWithoutItsCodeFails() {
        assertThatThrownBy(() -> exchange("/api/v1/orders/x", HttpStatus.NOT_FOUND, MediaType.APPLICATION_PROBLEM_JSON,
                PROBLEM.replace(",\"code\":\"ORDER_NOT_FOUND\"", "")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("code");
    }

    @Test
    void aStatusTheOperationDoesNotDocumentFails() {
        assertThatThrownBy(() -> exchange("/api/v1/orders/x", HttpStatus.CONFLICT, MediaType.APPLICATION_PROBLEM_JSON,
                PROBLEM.replace("404", "409")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("409");
    }

    @Test
    void aNullInAFieldNotDocumentedAsNullableFails() {
        String order = """
                {"id":"o-1","reference":null,"partner":"acme","status":"RECEIVED","dryRun":false,
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","placements":[]}""";

        assertThatThrownBy(() -> exchange("/api/v1/orders/o-1", HttpStatus.OK, MediaType.APPLICATION_JSON, order))
                .isInstanceOf(AssertionError.class).hasMessageContaining("reference");
    }

    @Test
    void pathsOutsideTheApiAreNotChecked() throws Exception {
        ClientHttpResponse answer = exchange("/actuator/health", HttpStatus.OK, MediaType.APPLICATION_JSON, "{\"status\":\"UP\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    private static ClientHttpResponse exchange(String path, HttpStatus status, MediaType type, String body)
            throws Exception {
        MockClientHttpRequest request = new MockClientHttpRequest(HttpMethod.GET, URI.create("http://localhost" + path));
        request.getHeaders().set("X-Api-Key", PlatenApi.DEMO_KEY);
        return new OpenApiConformance().intercept(request, new byte[0], (r, b) -> {
            MockClientHttpResponse response = new MockClientHttpResponse(body.getBytes(StandardCharsets.UTF_8), status);
            response.getHeaders().setContentType(type);
            return response;
        });
    }
}
