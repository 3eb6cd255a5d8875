package dev.platen.testing;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** An example in the document that its own schema refuses would teach an integrator the wrong thing. */
    @Test
    void everyAnswerExampleInTheDocumentIsOneTheDocumentAllows() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(OpenApiConformance.DOCUMENT.toFile()).path("paths");
        List<String> checked = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(answer ->
                        answer.getValue().path("content").fields().forEachRemaining(media ->
                                media.getValue().path("examples").fields().forEachRemaining(example -> {
                                    String concrete = path.getKey().replaceAll("\\{([^}]+)}", "$1");
                                    ValidationReport report = OpenApiConformance.validator().validateResponse(concrete,
                                            Request.Method.valueOf(operation.getKey().toUpperCase(Locale.ROOT)),
                                            new SimpleResponse.Builder(Integer.parseInt(answer.getKey()))
                                                    .withContentType(media.getKey())
                                                    .withBody(example.getValue().path("value").toString()).build());
                                    assertThat(report.hasErrors()).as(operation.getKey() + " " + path.getKey() + " "
                                            + answer.getKey() + " example " + example.getKey() + ": "
                                            + report.getMessages()).isFalse();
                                    checked.add(example.getKey());
                                })))));
        assertThat(checked).contains("placed", "UNKNOWN_PRODUCT", "PARTNER_KEY_REQUIRED");
    }
}
