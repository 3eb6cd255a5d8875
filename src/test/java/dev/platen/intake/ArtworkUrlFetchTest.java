package dev.platen.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import dev.platen.web.ApiProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Artwork by URL against real HTTP servers on loopback. The settings allow plain {@code http} and the one address
 * 127.0.0.1, which is what lets the test reach its own server; everything else the guard refuses is refused as in
 * production. Name resolution is replaced by a stand-in only where a test needs a name server's answer (rebinding,
 * a name pointing at the metadata address): DNS is outside the project's control.
 */
class ArtworkUrlFetchTest {

    private static final byte[] ART = "not really a PNG, but bytes to carry".getBytes(StandardCharsets.US_ASCII);

    private HttpServer server;
    private HttpServer otherLoopback;
    private final AtomicInteger otherLoopbackRequests = new AtomicInteger();
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/art.png", exchange -> send(exchange, 200, ART));
        server.createContext("/redirect", exchange -> {
            String to = exchange.getRequestURI().getRawQuery().substring("to=".length());
            exchange.getResponseHeaders().add("Location", java.net.URLDecoder.decode(to, StandardCharsets.UTF_8));
            send(exchange, 302, new byte[0]);
        });
        server.createContext("/hop/", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hop/".length()));
            if (n == 0) {
                send(exchange, 200, ART);
            } else {
                exchange.getResponseHeaders().add("Location", "/hop/" + (n - 1));
                send(exchange, 302, new byte[0]);
            }
        });
        server.createContext("/host", exchange -> send(exchange, 200,
                exchange.getRequestHeaders().getFirst("Host").getBytes(StandardCharsets.US_ASCII)));
        server.createContext("/declares-5mb", exchange -> {
            exchange.sendResponseHeaders(200, 5_000_000);
            exchange.getResponseBody().write(ART);
            exchange.close();
        });
        server.createContext("/streams-2mb", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to check first
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 32; i++) {
                    out.write(new byte[65_536]);
                }
            } catch (IOException stopped) {
                // the client hung up at its cap
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, ART);
        });
        server.createContext("/missing", exchange -> send(exchange, 404, new byte[0]));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        // A second server on another loopback address, outside the allowed 127.0.0.1: it must never be reached.
        otherLoopback = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        otherLoopback.createContext("/", exchange -> {
            otherLoopbackRequests.incrementAndGet();
            send(exchange, 200, ART);
        });
        otherLoopback.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        otherLoopback.stop(0);
    }

    @Test
    void fetchesFromTheAllowedServer() {
        Fetched fetched = fetch(testFetch(), "http://127.0.0.1:" + port + "/art.png");

        assertThat(fetched.bytes()).isEqualTo(ART);
        assertThat(fetched.name()).isEqualTo("art.png");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/",
            "http://10.0.0.1/art.png", "http://172.16.5.4/art.png", "http://192.168.1.1/art.png",
            "http://100.64.0.1/art.png", "http://224.0.0.1/art.png", "http://0.0.0.0:PORT/art.png",
            "http://[::1]:PORT/art.png", "http://[::ffff:127.0.0.2]:PORT/art.png", "http://[fe80::1]/art.png",
            "http://127.0.0.2:OTHER/art.png"})
    void redirectToARefusedAddressIsBlockedWithoutConnecting(String target) {
        String to = target.replace("PORT", String.valueOf(port))
                .replace("OTHER", String.valueOf(otherLoopback.getAddress().getPort()));
        String url = "http://127.0.0.1:" + port + "/redirect?to=" + java.net.URLEncoder.encode(to,
                StandardCharsets.UTF_8);

        ApiProblem problem = assertThrows(ApiProblem.class, () -> fetch(testFetch(), url));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_BLOCKED");
        assertThat(problem.getStatusCode().value()).isEqualTo(422);
        assertThat(otherLoopbackRequests).hasValue(0);
    }

    @Test
    void nameResolvingToTheMetadataAddressIsBlocked() {
        ArtworkUrlFetch fetch = new ArtworkUrlFetch(testSettings(), host ->
                new InetAddress[]{InetAddress.getByName("169.254.169.254")});

        ApiProblem problem = assertThrows(ApiProblem.class, () -> fetch(fetch, "http://art.shop.test/art.png"));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_BLOCKED");
        assertThat(problem.getMessage()).contains("169.254.169.254");
    }

    @Test
    void nameIsResolvedOnceAndTheCheckedAddressConnectedToWithTheHostNameKept() {
        // A rebinding name server: the first answer passes the check, every later one points at the metadata service.
        AtomicInteger lookups = new AtomicInteger();
        ArtworkUrlFetch fetch = new ArtworkUrlFetch(testSettings(), host -> new InetAddress[]{
                InetAddress.getByName(lookups.getAndIncrement() == 0 ? "127.0.0.1" : "169.254.169.254")});

        Fetched fetched = fetch(fetch, "http://art.shop.test:" + port + "/host");

        assertThat(new String(fetched.bytes(), StandardCharsets.US_ASCII)).isEqualTo("art.shop.test:" + port);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void fiveRedirectsAreFollowedAndTheSixthIsRefused() {
        assertThat(fetch(testFetch(), "http://127.0.0.1:" + port + "/hop/5").bytes()).isEqualTo(ART);

        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> fetch(testFetch(), "http://127.0.0.1:" + port + "/hop/6"));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_TOO_MANY_REDIRECTS");
    }

    @Test
    void declaredLengthOverTheCapIsRefusedBeforeReading() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> fetch(testFetch(), "http://127.0.0.1:" + port + "/declares-5mb"));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_TOO_LARGE");
        assertThat(problem.getStatusCode().value()).isEqualTo(413);
        assertThat(problem.getMessage()).contains("declares 5000000 bytes");
    }

    @Test
    void bodyWithoutALengthIsStoppedAtTheCapWhileStreaming() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> fetch(testFetch(), "http://127.0.0.1:" + port + "/streams-2mb"));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_TOO_LARGE");
    }

    @Test
    void serverThatDoesNotAnswerInTimeIsUnreachable() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> fetch(testFetch(), "http://127.0.0.1:" + port + "/slow"));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_UNREACHABLE");
    }

    @Test
    void errorAnswerIsUnreachableWithItsStatus() {
        ApiProblem problem = assertThrows(ApiProblem.class,
                () -> fetch(testFetch(), "http://127.0.0.1:" + port + "/missing"));

        assertThat(problem.code()).isEqualTo("ARTWORK_URL_UNREACHABLE");
        assertThat(problem.getMessage()).contains("404");
    }

    @Test
    void defaultsFetchOnlyHttpsFromListedHosts() {
        ArtworkUrlSettings defaults = new ArtworkUrlSettings(List.of("https"), List.of("cdn.shop.example"),
                List.of(), 200_000_000L, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60), 5);
        ArtworkUrlFetch fetch = new ArtworkUrlFetch(defaults);

        assertThat(code(fetch, "http://cdn.shop.example/art.png")).isEqualTo("ARTWORK_URL_BLOCKED");
        assertThat(code(fetch, "file:///etc/passwd")).isEqualTo("ARTWORK_URL_INVALID");
        assertThat(code(fetch, "ftp://cdn.shop.example/art.png")).isEqualTo("ARTWORK_URL_BLOCKED");
        assertThat(code(fetch, "https://evil.example/art.png")).isEqualTo("ARTWORK_URL_BLOCKED");
        assertThat(code(fetch, "https://cdn.shop.example.evil.example/art.png")).isEqualTo("ARTWORK_URL_BLOCKED");
        assertThat(code(fetch, "https://user:pw@cdn.shop.example/art.png")).isEqualTo("ARTWORK_URL_INVALID");
        assertThat(code(fetch, "not a url")).isEqualTo("ARTWORK_URL_INVALID");
    }

    private static String code(ArtworkUrlFetch fetch, String url) {
        return assertThrows(ApiProblem.class, () -> fetch(fetch, url)).code();
    }

    private record Fetched(byte[] bytes, String name) {
    }

    private static Fetched fetch(ArtworkUrlFetch fetch, String url) {
        return fetch.fetch(url, 1_000_000, (body, declared, name) -> new Fetched(body.readAllBytes(), name));
    }

    private ArtworkUrlFetch testFetch() {
        return new ArtworkUrlFetch(testSettings());
    }

    private static ArtworkUrlSettings testSettings() {
        return new ArtworkUrlSettings(List.of("http"), List.of("*"), List.of("127.0.0.1/32"), 1_000_000L,
                Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10), 5);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
