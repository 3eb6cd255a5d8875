package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.MovableClock;
import dev.platen.testing.RawHttp;
import dev.platen.testing.RawHttp.Answer;
import dev.platen.testing.StartedFirst;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine room as a stranger on the network finds it: Actuator's figures and Camunda's REST API ask for an
 * operator, and a stranger who guesses passwords is slowed down by address (429 with Retry-After) while the operator,
 * signing in from their own address, gets in, on the REST API and on Camunda's web apps alike. Before, ten wrong
 * passwords on the web apps' login locked the demo operator for good, across restarts.
 *
 * <p>The stranger's requests leave from other loopback addresses (127.0.0.2, 127.0.0.3: a socket bound to them
 * reaches the engine on 127.0.0.1), so the engine sees three clients, as it would on a network.
 */
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // a context of its own, for the movable clock: its engine under its own name, so that it does not take
        // "default" in Camunda's static registry from the engine the other test classes share
        "camunda.bpm.process-engine-name=" + StrangersCannotLockTheOperatorOutIntegrationTest.ENGINE,
        "spring.datasource.url=jdbc:h2:mem:platen-strangers-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class StrangersCannotLockTheOperatorOutIntegrationTest {

    static final String ENGINE = "platenStrangersIt";
    /** Camunda's REST API of this context's engine (plain /engine-rest serves the engine named "default"). */
    private static final String ENGINE_TASKS = "/engine-rest/engine/" + ENGINE + "/task";
    private static final String OPERATOR = basic("demo", "demo");
    private static final MovableClock clock = new MovableClock();

    /** The clock the sign-in throttle reads, moved on by the test instead of waiting out a Retry-After. */
    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @Test
    void theFiguresAndTheEngineApiAskForAnOperatorAndOnlyHealthIsOpen() throws Exception {
        Answer metrics = get("127.0.0.1", "/actuator/metrics", null);
        assertThat(metrics.status()).isEqualTo(401);
        assertThat(json.readTree(metrics.body()).path("code").asText()).isEqualTo("CREDENTIALS_REQUIRED");
        assertThat(get("127.0.0.1", "/actuator/metrics", OPERATOR).status()).isEqualTo(200);
        assertThat(get("127.0.0.1", "/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(get("127.0.0.1", ENGINE_TASKS, null).status()).isEqualTo(401);
        assertThat(get("127.0.0.1", ENGINE_TASKS, OPERATOR).status()).isEqualTo(200);
    }

    @Test
    void aGuesserOnTheEngineApiIsSlowedDownAndTheOperatorStillGetsIn() throws Exception {
        String wrong = basic("demo", "not-the-password");
        for (int i = 0; i < 11; i++) {
            assertThat(get("127.0.0.2", ENGINE_TASKS, wrong).status()).as("guess %d", i + 1).isEqualTo(401);
        }
        Answer throttled = get("127.0.0.2", ENGINE_TASKS, wrong);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.header("retry-after"))).isBetween(1, 2);
        JsonNode problem = json.readTree(throttled.body());
        assertThat(problem.path("code").asText()).isEqualTo("TOO_MANY_SIGN_IN_FAILURES");
        // the right password from the guesser's address waits too: it cannot be told apart from a lucky guess
        assertThat(get("127.0.0.2", ENGINE_TASKS, OPERATOR).status()).isEqualTo(429);

        assertThat(get("127.0.0.1", ENGINE_TASKS, OPERATOR).status()).isEqualTo(200);
        assertThat(webAppLogin("127.0.0.1", "demo").status()).isEqualTo(200);
    }

    @Test
    void guessingOnTheWebAppsLoginNeverLocksTheOperatorsAccount() throws Exception {
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 25; i++) {
            int status = webAppLogin("127.0.0.3", "guess-" + i).status();
            if (status == 429) {
                throttled++;
                clock.advance(Duration.ofMillis(2_100)); // waits out the first delays as a patient guesser would
            } else {
                assertThat(status).as("guess %d", i + 1).isEqualTo(401);
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(10); // well past Camunda's ten-failure lock
        assertThat(throttled).isPositive();
        // the operator's account is not locked: the right password works on the web apps and the REST API
        assertThat(webAppLogin("127.0.0.1", "demo").status()).isEqualTo(200);
        assertThat(get("127.0.0.1", ENGINE_TASKS, OPERATOR).status()).isEqualTo(200);
    }

    /**
     * Tasklist's sign-in as a browser makes it: the page first, for the session and its CSRF token (Camunda's web
     * apps refuse a POST without them), then the form.
     */
    private Answer webAppLogin(String from, String password) throws IOException {
        Answer page = get(from, "/camunda/app/tasklist/" + ENGINE + "/", null);
        StringBuilder cookies = new StringBuilder();
        String token = null;
        for (String line : page.headers().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("set-cookie:")) {
                String cookie = line.substring("set-cookie:".length()).trim().split(";", 2)[0];
                cookies.append(cookies.length() == 0 ? "" : "; ").append(cookie);
                if (cookie.startsWith("XSRF-TOKEN=")) {
                    token = cookie.substring("XSRF-TOKEN=".length());
                }
            }
        }
        byte[] form = ("username=demo&password=" + password).getBytes(StandardCharsets.UTF_8);
        return send(from, "POST /camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist HTTP/1.1\r\n"
                + "Cookie: " + cookies + "\r\nX-XSRF-TOKEN: " + token + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length + "\r\n", form);
    }

    private Answer get(String from, String path, String authorization) throws IOException {
        return new RawHttp(port).get(from, path, authorization);
    }

    private Answer send(String from, String head, byte[] body) throws IOException {
        return new RawHttp(port).send(from, head, body);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
