package dev.platen.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Holds every exchange of a test's HTTP client to the OpenAPI document integrators get ({@code docs/openapi.json},
 * which {@code OpenApiDocumentIntegrationTest} holds to the served one): the answer must be one the document lists
 * for the operation, in its schema (nulls, required fields, no undocumented fields), and a request the engine
 * accepted must be one the document allows. A request the engine refused is not checked: tests send bad requests
 * on purpose, and the refusal itself must still be a documented problem answer. Paths outside {@code /api/} (the
 * review pages, Camunda's REST API, actuator) are not in the document and pass unchecked.
 */
public final class OpenApiConformance implements ClientHttpRequestInterceptor {

    public static final Path DOCUMENT = Path.of("docs/openapi.json");

    private static volatile OpenApiInteractionValidator validator;

    @Override
    public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        String path = request.getURI().getRawPath();
        if (path == null || !path.startsWith("/api/")) {
            return response;
        }
        byte[] answer;
        try (InputStream in = response.getBody()) {
            answer = in.readAllBytes();
        }
        Request asked = request(request, body);
        SimpleResponse.Builder answered = new SimpleResponse.Builder(response.getStatusCode().value());
        response.getHeaders().forEach(answered::withHeader);
        if (answer.length > 0) {
            // the validator checks JSON against its schema; of other bodies (files, images) only that there is one
            answered.withBody(answer);
        }
        ValidationReport report = response.getStatusCode().value() < 400
                ? validator().validate(asked, answered.build())
                : validator().validateResponse(asked.getPath(), asked.getMethod(), answered.build());
        if (report.hasErrors()) {
            throw new AssertionError(request.getMethod() + " " + request.getURI() + " answered "
                    + response.getStatusCode().value() + ", which " + DOCUMENT + " does not describe:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report)
                    + "\nanswer: " + new String(answer, 0, Math.min(answer.length, 2000), StandardCharsets.UTF_8));
        }
        return new Buffered(response, answer);
    }

    private static Request request(HttpRequest request, byte[] body) {
        SimpleRequest.Builder asked = new SimpleRequest.Builder(request.getMethod().name(),
                request.getURI().getRawPath());
        UriComponentsBuilder.fromUri(request.getURI()).build(true).getQueryParams().forEach((name, values) ->
                asked.withQueryParam(name, values.stream()
                        .map(v -> v == null ? "" : java.net.URLDecoder.decode(v, StandardCharsets.UTF_8)).toList()));
        request.getHeaders().forEach(asked::withHeader);
        if (body.length > 0) {
            asked.withBody(body);
        }
        return asked.build();
    }

    /** Reading the document takes a moment; every client in the test JVM shares the one reading. */
    static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator read = validator;
        if (read == null) {
            synchronized (OpenApiConformance.class) {
                read = validator;
                if (read == null) {
                    try {
                        read = OpenApiInteractionValidator
                                .createForInlineApiSpecification(Files.readString(DOCUMENT, StandardCharsets.UTF_8))
                                .build();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    validator = read;
                }
            }
        }
        return read;
    }

    /** The answer after its body was read for checking: the same status and headers, the body from memory. */
    private record Buffered(ClientHttpResponse response, byte[] body) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
