package dev.platen;

import dev.platen.testing.OnEmbeddedH2;
import dev.platen.testing.StartedFirst;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough, run as written (curl and jq, as a reader types it) against the running engine by
 * {@code .ci/walkthrough}: upload, order, follow, decide over the REST API, ask for new art, download and check the
 * SHA-256. A README step that no longer works fails here.
 */
// The same context as the other API tests: the README's /engine-rest/... paths name no engine, so they reach the
// default one, which is this context's only while it keeps the default name.
@StartedFirst
@OnEmbeddedH2
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class ReadmeWalkthroughIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theReadmeWalkthroughRunsAsWritten() throws IOException, InterruptedException {
        Process walkthrough = new ProcessBuilder("bash", ".ci/walkthrough", "http://localhost:" + port)
                .redirectErrorStream(true).start();
        // read as it goes: a full pipe would stall the script
        byte[] out = walkthrough.getInputStream().readAllBytes();
        boolean ended = walkthrough.waitFor(5, TimeUnit.MINUTES);
        String log = new String(out, StandardCharsets.UTF_8);
        System.out.println(log); // what a reader would have seen, in the test's report
        assertThat(ended).as(log).isTrue();
        assertThat(walkthrough.exitValue()).as(log).isZero();
        assertThat(log).contains("READY_FOR_PRINT, its front's print file downloaded with the listed SHA-256");
    }
}
