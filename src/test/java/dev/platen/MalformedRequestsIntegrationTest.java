package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.RawHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests no client library sends, as a careless or hostile one might: each answers 4xx problem+json with a stable
 * code, never a 500, whether it is refused by the firewall, the multipart parser, the parameter binding or the
 * upload limit, before a controller or in one.
 */
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class MalformedRequestsIntegrationTest {

    private static final String KEY = "X-Api-Key: " + PlatenApi.DEMO_KEY + "\r\n";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    static Stream<Arguments> malformed() {
        String png = "\u0089PNG\r\n\u001a\n";
        return Stream.of(
                Arguments.of("multipart without a boundary", "POST /api/v1/artworks HTTP/1.1\r\n" + KEY
                        + "Content-Type: multipart/form-data\r\n", "--x\r\n\r\nabc\r\n--x--\r\n", 400,
                        "MALFORMED_MULTIPART"),
                Arguments.of("multipart with a NUL in the file name", "POST /api/v1/artworks HTTP/1.1\r\n" + KEY
                        + "Content-Type: multipart/form-data; boundary=x\r\n",
                        "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\n" + png + "\r\n--x--\r\n", 400, "MALFORMED_MULTIPART"),
                Arguments.of("multipart cut short", "POST /api/v1/artworks HTTP/1.1\r\n" + KEY
                        + "Content-Type: multipart/form-data; boundary=x\r\n",
                        "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n" + png,
                        400, "MALFORMED_MULTIPART"),
                Arguments.of("a double slash", "GET //engine-rest/task HTTP/1.1\r\n", "", 400, "MALFORMED_REQUEST"),
                Arguments.of("a dot segment", "GET /./engine-rest/task HTTP/1.1\r\n", "", 400, "MALFORMED_REQUEST"),
                Arguments.of("a path parameter", "GET /engine-rest;x/task HTTP/1.1\r\n", "", 400, "MALFORMED_REQUEST"),
                Arguments.of("an encoded slash", "GET /api/v1/orders/a%2Fb HTTP/1.1\r\n" + KEY, "", 400,
                        "MALFORMED_REQUEST"),
                Arguments.of("a repeated parameter that is not a boolean",
                        "POST /api/v1/orders?dryRun=null&dryRun=null HTTP/1.1\r\n" + KEY
                                + "Content-Type: application/json\r\n", "{}", 400, "BAD_PARAMETER"),
                Arguments.of("JSON that is not JSON", "POST /api/v1/orders HTTP/1.1\r\n" + KEY
                        + "Content-Type: application/json\r\n", "{\"reference\":", 400, "MALFORMED_JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedRequestGetsAProblemWithAStableCode(String what, String head, String body, int status, String code)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer answer = new RawHttp(port).send("127.0.0.1", head
                + (bytes.length > 0 || head.startsWith("POST") ? "Content-Length: " + bytes.length + "\r\n" : ""), bytes);
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.path("code").asText()).as(what + ": " + answer.body()).isEqualTo(code);
        // what a person reads: no Java object's toString
        assertThat(problem.path("detail").asText()).as(what).doesNotContain("[Ljava", "@", "Exception");
    }

    @ParameterizedTest(name = "an upload announced at {0} bytes")
    @MethodSource("tooLarge")
    void anUploadLargerThanAllowedIsRefusedWithItsProblemBeforeItsBytesArrive(long bytes) throws Exception {
        // the announced length alone decides: the body never comes
        RawHttp.Answer answer = new RawHttp(port).send("127.0.0.1", "POST /api/v1/artworks HTTP/1.1\r\n" + KEY
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + bytes + "\r\n", new byte[0]);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("UPLOAD_TOO_LARGE");
    }

    static Stream<Long> tooLarge() {
        return Stream.of(250_000_000L, 2_000_000_000L);
    }
}
