package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PackagedEngine;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.TestArtwork;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One engine, the packaged jar in a JVM of its own on its H2 file and local store, killed with SIGKILL while a poster
 * renders and an upload is half-way in, then started again on the same folders: the half upload Tomcat had parsed
 * into {@code platen.uploads.folder} is gone after the restart (it used to stay for good, in a new temp folder at every
 * start; the test counts a file idle after 3 s, the shipped setting after two minutes), and the interrupted render is taken up again within its lock (one minute, as shipped) and finishes, its
 * print files recorded once. The figures are printed and written to {@code target/crash/report.txt}.
 *
 * <p>Runs in the failsafe execution of the cluster test ({@code integration-test-cluster}, which sets
 * {@code platen.it.cluster=true}): it starts processes of the packaged jar and must not run in the H2 and PostgreSQL
 * passes.
 */
@EnabledIfSystemProperty(named = "platen.it.cluster", matches = "true")
class CrashRecoveryIntegrationTest {

    private static final Path WORK = Path.of("target/crash").toAbsolutePath();
    /**
     * How often the engine's task list is looked at (HTTP Basic, answered from the engine's remembered passwords after
     * the first look): once a second sees the render under way and times its take-up to a second against a bound of
     * a minute, without taking the CPU of the inspection and render the test waits for (or of the cluster test
     * beside it).
     */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private static final String OPERATOR = "Basic " + Base64.getEncoder()
            .encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> engines = new ArrayList<>();

    @AfterEach
    void stopEngines() {
        engines.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledEngineLeavesNoHalfUploadAndFinishesTheRenderItWasDoing() throws Exception {
        deleteTree(WORK);
        Files.createDirectories(WORK);
        Path uploads = WORK.resolve("uploads");
        int port = PackagedEngine.freePort();

        PackagedEngine first = start(port, "first");
        PlatenApi api = new PlatenApi(port, json);
        // an 18x24 in poster of 43 MP art: its render takes long enough to be killed in the middle of it
        String art = api.upload(TestArtwork.printableJpeg(5400, 7200), "poster.jpg").path("id").asText();
        JsonNode order = json.readTree(api.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(Map.of("reference", "crash", "partner", "acme", "items", List.of(
                        Map.of("product", "poster", "quantity", 1, "placements", List.of(
                                Map.of("placement", "face", "tier", "poster-18x24", "artwork", art)))))))
                .retrieve().body(String.class));
        String orderId = order.path("id").asText();
        // a precondition, not a promise: on 2 cores shared with the cluster test beside it (and more) the inspection of
        // 43 MP has taken minutes
        Awaitility.await().atMost(Duration.ofMinutes(8)).pollInterval(LOOK_EVERY)
                .until(() -> !lockedRenders(port, orderId).isEmpty());
        String renderTask = lockedRenders(port, orderId).get(0).path("id").asText();
        String deadWorker = lockedRenders(port, orderId).get(0).path("workerId").asText();

        // an upload of 8 MB of which 3 MB have arrived: Tomcat is writing the part into the uploads folder
        try (Socket upload = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = upload.getOutputStream();
            String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n";
            out.write(("POST /api/v1/artworks HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: platen-demo-shop-key\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + (head.length() + 8_000_000)
                    + "\r\n\r\n" + head).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[3_000_000]);
            out.flush();
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> bytesIn(uploads) >= 1_000_000);

            assertThat(externalTask(port, renderTask)).as("the render still under way at the kill (else the art is too"
                    + " small for this machine)").isNotNull();
            first.kill();
        }
        long killed = System.nanoTime();
        long leftByTheCrash = bytesIn(uploads);
        assertThat(leftByTheCrash).as("the half upload the crash left").isGreaterThanOrEqualTo(1_000_000);

        PackagedEngine second = start(port, "second");
        double readyAfter = (System.nanoTime() - killed) / 1e9;
        long leftAfterRestart = bytesIn(uploads);

        // the interrupted render: taken up again by the restarted engine once the dead worker's lock runs out
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(LOOK_EVERY).until(() -> {
            JsonNode task = externalTask(port, renderTask);
            return task == null || !deadWorker.equals(task.path("workerId").asText());
        });
        double takenUpAfter = (System.nanoTime() - killed) / 1e9;
        JsonNode settled = api.awaitOrder(orderId, o -> o.path("placements").get(0).path("status").asText()
                .matches("READY_FOR_PRINT|NEEDS_REVIEW|FAILED|REJECTED"), Duration.ofMinutes(5));
        double settledAfter = (System.nanoTime() - killed) / 1e9;
        assertThat(second.process().isAlive()).isTrue();

        String report = String.format(java.util.Locale.ROOT, "Crash recovery (packaged jar, H2, local store):"
                        + " %,d bytes of a half upload left by SIGKILL, %,d after the restart; engine ready again %.1f s"
                        + " after the kill, the interrupted render taken up %.1f s after it, the order settled"
                        + " after %.1f s", leftByTheCrash, leftAfterRestart, readyAfter, takenUpAfter, settledAfter);
        System.out.println(report);
        Files.writeString(WORK.resolve("report.txt"), report + "\n");

        assertThat(leftAfterRestart).as("what the crash left in the uploads folder, after the restart").isZero();
        // once the shipped lock (one minute) has run out and the restarted engine is up (whichever comes last: on a
        // machine busy with the cluster test beside it the start alone can take longer than the lock), within the worker's
        // idle poll and a first round trip, with slack for that busy machine: far short of what a lock of a few
        // minutes, or a step no one takes up again, would show
        assertThat(takenUpAfter).as("seconds from the kill until the render was taken up again")
                .isLessThan(Math.max(60, readyAfter) + 20);
        JsonNode placement = settled.path("placements").get(0);
        assertThat(placement.path("status").asText()).as(placement.toString()).isIn("READY_FOR_PRINT", "NEEDS_REVIEW");
        assertThat(placement.path("printFiles").findValuesAsText("format")).isNotEmpty().doesNotHaveDuplicates();
    }

    /** The order's render steps locked by a worker, from Camunda's REST API as an operator sees them. */
    private List<JsonNode> lockedRenders(int port, String orderId) throws IOException, InterruptedException {
        JsonNode tasks = engineRest(port, "/engine-rest/external-task?topicName=render-print-files&locked=true"
                + "&processInstanceBusinessKey=" + orderId);
        List<JsonNode> list = new ArrayList<>();
        tasks.forEach(list::add);
        return list;
    }

    private JsonNode externalTask(int port, String id) throws IOException, InterruptedException {
        JsonNode tasks = engineRest(port, "/engine-rest/external-task?externalTaskId=" + id);
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private JsonNode engineRest(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).header("Authorization", OPERATOR).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private PackagedEngine start(int port, String name) throws IOException {
        PackagedEngine engine = PackagedEngine.start(name, port, WORK.resolve(name + ".log"), List.of(
                "--spring.datasource.url=jdbc:h2:file:" + WORK.resolve("db/platen"),
                "--platen.storage.root=" + WORK.resolve("objects"),
                "--platen.uploads.folder=" + WORK.resolve("uploads"),
                // the half upload is seconds old at the restart, not the two minutes a live one is spared
                "--platen.uploads.abandoned-after=PT3S",
                "--platen.rulesets.folder=" + WORK.resolve("rulesets"),
                // one file step at a time: the poster's render is the step under way at the kill
                "--platen.workers.threads=1", "--logging.level.root=WARN"), Map.of());
        engines.add(engine.process());
        return engine.awaitReady();
    }

    private static long bytesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
