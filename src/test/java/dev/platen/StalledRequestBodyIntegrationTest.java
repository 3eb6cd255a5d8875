package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.RawHttp;
import dev.platen.testing.StartedFirst;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose body stops half-way while its connection stays open is answered "too slow" after the read timeout,
 * not left waiting at the client's pace and not judged malformed. One connection, holding no upload slot: it runs
 * on the engine the other test classes share, unlike {@link SlowUploadsIntegrationTest}, which holds the key's upload
 * slots and so has an engine of its own.
 */
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class StalledRequestBodyIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void anOrderWhoseBodyStopsHalfWayIsAnsweredTooSlowAfterTheReadTimeoutNotMalformed() throws Exception {
        byte[] order = "{\"reference\":\"stalled-1\",\"partner\":\"acme\",\"items\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/orders HTTP/1.1\r\nHost: localhost:" + port + "\r\nX-Api-Key: " + PlatenApi.DEMO_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + order.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(order, 0, order.length / 2);
            out.flush();
            // then nothing: the engine must not wait for the rest as long as the connection stays open
            String received = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            RawHttp.Answer answer = RawHttp.parse(received);
            assertThat(answer.status()).as(answer.body()).isEqualTo(408);
            assertThat(json.readTree(answer.body()).path("code").asText()).isEqualTo("UPLOAD_TOO_SLOW");
            assertThat(seconds).as("answered and closed after the read timeout (10 s)").isBetween(9L, 20L);
        }
    }
}
