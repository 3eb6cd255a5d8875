package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.platen.testing.MovableClock;
import dev.platen.testing.OpenApiConformance;
import dev.platen.testing.PlatenApi;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two fulfilment partners against the running engine: each sees only its own jobs, takes them under leases that
 * exactly one worker wins, downloads files whose bytes match the manifest (whole, in ranges, conditionally, and
 * through signed links), and receives signed webhooks at a receiver this test runs on loopback, which refuses
 * the first two attempts of every event.
 *
 * <p>Assumes what the engine does with clean art: a neutral grey sticker at its requested tier and at its target
 * resolution is not downgraded, is approved by the proof lane without an operator, and becomes READY_FOR_PRINT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // its own configuration, so its own Spring context and engine: named, so that it does not take the name
        // "default" in Camunda's static registry from the other tests' engine, which their REST calls look up
        "camunda.bpm.process-engine-name=platenPartnerIt",
        "spring.datasource.url=jdbc:h2:mem:partner-delivery-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/partner-delivery-it-objects",
        // three attempts are wanted; the cycle allows four, one second apart, before an incident
        "platen.delivery.webhook-retry-cycle=PT1S,PT1S,PT1S",
        // so that a retry due in a second is picked up soon after, not after the executor's idle back-off
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartnerDeliveryIntegrationTest {

    private static final String ACME_KEY = "platen-demo-acme-key";
    private static final String GLOBEX_KEY = "platen-demo-globex-key";
    private static final String ACME_SECRET = "acme-test-webhook-secret-0123456789";

    private static HttpServer receiver;
    private static final Map<String, AtomicInteger> attemptsByEvent = new ConcurrentHashMap<>();
    private static final List<Received> received = new CopyOnWriteArrayList<>();
    private static final MovableClock clock = new MovableClock();

    /** What the receiver saw of one POST, and whether the signature and timestamp checked out. */
    record Received(String eventId, String type, int answeredWith, boolean signatureValid, JsonNode body) {
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        Clock movableClock() {
            return clock;
        }
    }

    @DynamicPropertySource
    static void partners(DynamicPropertyRegistry registry) throws IOException {
        startReceiver();
        // A list is replaced whole by a higher property source, so both partners are given here in full.
        registry.add("platen.partners[0].id", () -> "acme");
        registry.add("platen.partners[0].name", () -> "Acme (test)");
        registry.add("platen.partners[0].key-sha256s[0]", () -> sha256Hex(ACME_KEY.getBytes(StandardCharsets.UTF_8)));
        registry.add("platen.partners[0].webhook-url", () -> "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/acme");
        registry.add("platen.partners[0].webhook-secret", () -> ACME_SECRET);
        registry.add("platen.partners[1].id", () -> "globex");
        registry.add("platen.partners[1].name", () -> "Globex (test)");
        registry.add("platen.partners[1].key-sha256s[0]", () -> sha256Hex(GLOBEX_KEY.getBytes(StandardCharsets.UTF_8)));
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private String acmeOrder;
    private List<String> acmeJobs;
    private String globexJob;

    @BeforeAll
    void twoPartnersHaveReadyPlacements() throws Exception {
        PlatenApi shop = new PlatenApi(port, json);
        String first = shop.upload(greySticker(600, 40), "a.png").path("id").asText();
        String second = shop.upload(greySticker(600, 90), "b.png").path("id").asText();
        String third = shop.upload(greySticker(600, 140), "c.png").path("id").asText();
        acmeOrder = post(shop, "acme", "acme-1", first, second);
        String globexOrder = post(shop, "globex", "globex-1", third);
        JsonNode acme = awaitReady(shop, acmeOrder);
        JsonNode globex = awaitReady(shop, globexOrder);
        acmeJobs = List.of(acme.path("placements").get(0).path("id").asText(),
                acme.path("placements").get(1).path("id").asText());
        globexJob = globex.path("placements").get(0).path("id").asText();
        // Wait for acme's webhooks here, before any test moves the clock under the receiver's timestamp check:
        // each placement's ready, and the order's once both were.
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                        received.stream().filter(r -> r.answeredWith() == 204).map(Received::type).toList(),
                types -> types.contains("order.ready") && types.stream().filter("placement.ready"::equals).count() == 2);
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    @Order(1)
    void anOrderForAPartnerThatIsNotConfiguredIs422() throws Exception {
        PlatenApi shop = new PlatenApi(port, json);
        String art = shop.upload(greySticker(600, 60), "d.png").path("id").asText();
        ResponseEntity<String> refused = shop.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order("initech", "x-1", art))).retrieve().toEntity(String.class);
        assertProblem(refused, 422, "UNKNOWN_PARTNER");
    }

    @Test
    @Order(2)
    void aPartnerSeesOnlyItsOwnJobsAndAnotherPartnersIdsAre404() {
        JsonNode acmeReady = read(partner(ACME_KEY).get().uri("/api/v1/partner/jobs?status=ready").retrieve().toEntity(String.class), 200);
        assertThat(acmeReady.path("jobs").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(acmeJobs);
        JsonNode globexReady = read(partner(GLOBEX_KEY).get().uri("/api/v1/partner/jobs").retrieve().toEntity(String.class), 200);
        assertThat(globexReady.path("jobs").findValuesAsText("id")).containsExactly(globexJob);

        // oldest first, one per page, the cursor leading to the next and the last page having none
        JsonNode page1 = read(partner(ACME_KEY).get().uri("/api/v1/partner/jobs?limit=1").retrieve().toEntity(String.class), 200);
        JsonNode page2 = read(partner(ACME_KEY).get().uri("/api/v1/partner/jobs?limit=1&cursor={c}",
                page1.path("nextCursor").asText()).retrieve().toEntity(String.class), 200);
        assertThat(page1.path("jobs")).hasSize(1);
        assertThat(page2.path("jobs")).hasSize(1);
        assertThat(page2.path("nextCursor").isNull()).isTrue();
        List<String> paged = List.of(page1.path("jobs").get(0).path("id").asText(), page2.path("jobs").get(0).path("id").asText());
        assertThat(paged).containsExactlyInAnyOrderElementsOf(acmeJobs);
        assertThat(Instant.parse(page1.path("jobs").get(0).path("readyAt").asText()))
                .isBeforeOrEqualTo(Instant.parse(page2.path("jobs").get(0).path("readyAt").asText()));
        assertProblem(partner(ACME_KEY).get().uri("/api/v1/partner/jobs?cursor=nonsense").retrieve().toEntity(String.class),
                400, "BAD_PARAMETER");

        // globex asks about acme's job: the same answer as for an id that does not exist
        String acmeJob = acmeJobs.get(0);
        JsonNode manifest = read(partner(ACME_KEY).get().uri("/api/v1/partner/jobs/{id}/manifest", acmeJob).retrieve().toEntity(String.class), 200);
        String file = manifest.path("files").get(0).path("url").asText();
        String sha = manifest.path("files").get(0).path("sha256").asText();
        RestClient globex = partner(GLOBEX_KEY);
        for (String unknown : List.of(acmeJob, "00000000-0000-0000-0000-000000000000")) {
            assertProblem(globex.get().uri("/api/v1/partner/jobs/{id}/manifest", unknown).retrieve().toEntity(String.class), 404, "JOB_NOT_FOUND");
            assertProblem(globex.get().uri("/api/v1/partner/jobs/{id}/files/{sha}", unknown, sha).retrieve().toEntity(String.class), 404, "JOB_NOT_FOUND");
            assertProblem(globex.post().uri("/api/v1/partner/jobs/{id}/claim", unknown).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"worker\":\"g-1\"}").retrieve().toEntity(String.class), 404, "JOB_NOT_FOUND");
            assertProblem(globex.post().uri("/api/v1/partner/jobs/{id}/ack", unknown).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"leaseId\":\"x\"}").retrieve().toEntity(String.class), 404, "JOB_NOT_FOUND");
            assertProblem(globex.post().uri("/api/v1/partner/jobs/{id}/files/{sha}/link", unknown, sha).retrieve().toEntity(String.class), 404, "JOB_NOT_FOUND");
        }
        // its own job with acme's file: not in that job
        assertProblem(globex.get().uri("/api/v1/partner/jobs/{id}/files/{sha}", globexJob, sha).retrieve().toEntity(String.class), 404, "PRINT_FILE_NOT_FOUND");
        assertThat(partner(ACME_KEY).get().uri(file).retrieve().toEntity(byte[].class).getStatusCode().value()).isEqualTo(200);

        // no key, a wrong key, or the shop's key: 401
        RestClient anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> true, (q, r) -> { })
                .requestInterceptor(new OpenApiConformance()).build();
        assertProblem(anonymous.get().uri("/api/v1/partner/jobs").retrieve().toEntity(String.class), 401, "PARTNER_KEY_REQUIRED");
        assertProblem(anonymous.get().uri("/api/v1/partner/jobs").header("Authorization", "Bearer not-a-key").retrieve()
                .toEntity(String.class), 401, "PARTNER_KEY_INVALID");
        assertProblem(anonymous.get().uri("/api/v1/partner/jobs").header("X-Api-Key", PlatenApi.DEMO_KEY).retrieve()
                .toEntity(String.class), 401, "PARTNER_KEY_REQUIRED");
    }

    @Test
    @Order(3)
    void theManifestDescribesTheJobAndTheDownloadsAreItsBytes() throws Exception {
        String job = acmeJobs.get(1);
        RestClient acme = partner(ACME_KEY);
        JsonNode m = read(acme.get().uri("/api/v1/partner/jobs/{id}/manifest", job).retrieve().toEntity(String.class), 200);
        assertThat(m.path("order").path("id").asText()).isEqualTo(acmeOrder);
        assertThat(m.path("product").asText()).isEqualTo("sticker");
        assertThat(m.path("placement").asText()).isEqualTo("face");
        assertThat(m.path("tier").path("id").asText()).isEqualTo("sticker-2in");
        assertThat(m.path("tier").path("downgraded").asBoolean()).isFalse();
        assertThat(m.path("tier").path("downgradedFrom").isNull()).isTrue();
        assertThat(m.path("tier").path("reasons").toString()).contains("FITS_REQUESTED_TIER");
        assertThat(m.path("physicalSize").path("width").decimalValue()).isEqualByComparingTo("50.8");
        assertThat(m.path("physicalSize").path("unit").asText()).isEqualTo("mm");
        assertThat(m.path("physicalSize").path("widthInches").decimalValue()).isEqualByComparingTo("2");
        assertThat(m.path("stock").path("id").asText()).isEqualTo("coated-gloss");
        assertThat(m.path("profile").path("sha256").asText())
                .isEqualTo(sha256Hex(Files.readAllBytes(Path.of("icc-profiles/platen-coated-v1.icc"))));
        assertThat(m.path("profile").path("name").asText()).isNotBlank();
        assertThat(m.path("intent").asText()).isEqualTo("RELATIVE_COLORIMETRIC");
        assertThat(m.path("blackPointCompensation").asBoolean()).isTrue();
        assertThat(m.path("approval").path("automatic").asBoolean()).isTrue();
        assertThat(m.path("approval").path("approvedBy").asText()).isEqualTo("platen");
        assertThat(m.path("files").findValuesAsText("format")).containsExactlyInAnyOrder("pdfx4", "tiff");

        for (JsonNode f : m.path("files")) {
            ResponseEntity<byte[]> whole = acme.get().uri(f.path("url").asText()).retrieve().toEntity(byte[].class);
            assertThat(whole.getStatusCode().value()).isEqualTo(200);
            byte[] bytes = whole.getBody();
            assertThat(bytes).hasSize(f.path("bytes").asInt());
            assertThat(whole.getHeaders().getContentLength()).isEqualTo(bytes.length);
            assertThat(sha256Hex(bytes)).isEqualTo(f.path("sha256").asText());
            assertThat(whole.getHeaders().getETag()).isEqualTo("\"" + f.path("sha256").asText() + "\"");
            assertThat(whole.getHeaders().getFirst("Repr-Digest")).isEqualTo("sha-256=:"
                    + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)) + ":");
            assertThat(whole.getHeaders().getFirst("Accept-Ranges")).isEqualTo("bytes");
            assertThat(whole.getHeaders().getContentType().toString()).isEqualTo(f.path("mediaType").asText());

            // one range, a suffix, a range past the end, and an If-Range that no longer matches
            ResponseEntity<byte[]> part = acme.get().uri(f.path("url").asText()).header("Range", "bytes=100-1099")
                    .retrieve().toEntity(byte[].class);
            assertThat(part.getStatusCode().value()).isEqualTo(206);
            assertThat(part.getHeaders().getFirst("Content-Range")).isEqualTo("bytes 100-1099/" + bytes.length);
            assertThat(part.getHeaders().getContentLength()).isEqualTo(1000);
            assertThat(part.getBody()).isEqualTo(Arrays.copyOfRange(bytes, 100, 1100));
            ResponseEntity<byte[]> tail = acme.get().uri(f.path("url").asText()).header("Range", "bytes=-64")
                    .retrieve().toEntity(byte[].class);
            assertThat(tail.getStatusCode().value()).isEqualTo(206);
            assertThat(tail.getBody()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 64, bytes.length));
            ResponseEntity<String> beyond = acme.get().uri(f.path("url").asText())
                    .header("Range", "bytes=" + bytes.length + "-").retrieve().toEntity(String.class);
            assertProblem(beyond, 416, "RANGE_NOT_SATISFIABLE");
            assertThat(beyond.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */" + bytes.length);
            ResponseEntity<byte[]> stale = acme.get().uri(f.path("url").asText()).header("Range", "bytes=0-9")
                    .header("If-Range", "\"an-older-version\"").retrieve().toEntity(byte[].class);
            assertThat(stale.getStatusCode().value()).isEqualTo(200);
            assertThat(stale.getBody()).isEqualTo(bytes);

            // the client has it already
            ResponseEntity<byte[]> cached = acme.get().uri(f.path("url").asText())
                    .header("If-None-Match", whole.getHeaders().getETag()).retrieve().toEntity(byte[].class);
            assertThat(cached.getStatusCode().value()).isEqualTo(304);
            assertThat(cached.getBody()).isNullOrEmpty();

            // the signed link works without a key, and yields the same bytes
            RestClient rip = RestClient.builder().baseUrl("http://localhost:" + port)
                    .defaultStatusHandler(s -> true, (q, r) -> { })
                .requestInterceptor(new OpenApiConformance()).build();
            String link = f.path("signedUrl").asText();
            ResponseEntity<byte[]> signed = rip.get().uri(java.net.URI.create("http://localhost:" + port + link))
                    .retrieve().toEntity(byte[].class);
            assertThat(signed.getStatusCode().value()).isEqualTo(200);
            assertThat(signed.getBody()).isEqualTo(bytes);
            assertThat(Instant.parse(f.path("signedUrlExpiresAt").asText()))
                    .isBetween(clock.instant().plus(Duration.ofHours(23)), clock.instant().plus(Duration.ofHours(24)));

            // altered in any part: 403
            for (String altered : List.of(link.replace("partner=acme", "partner=globex"),
                    link.replaceFirst("expires=(\\d+)", "expires=9$1"),
                    link.replace(f.path("sha256").asText(), m.path("files").get(0).path("sha256").asText().equals(f.path("sha256").asText())
                            ? m.path("files").get(1).path("sha256").asText() : m.path("files").get(0).path("sha256").asText()),
                    flipLastCharacter(link),
                    link.substring(0, link.indexOf("&signature=")))) {
                assertProblem(rip.get().uri(java.net.URI.create("http://localhost:" + port + altered)).retrieve()
                        .toEntity(String.class), 403, "LINK_INVALID");
            }
        }

        // a link for a minute, used after two: 403; a link for more than seven days is refused
        String sha = m.path("files").get(0).path("sha256").asText();
        JsonNode shortLink = read(acme.post().uri("/api/v1/partner/jobs/{id}/files/{sha}/link?validFor=PT1M", job, sha)
                .retrieve().toEntity(String.class), 200);
        RestClient rip = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(s -> true, (q, r) -> { })
                .requestInterceptor(new OpenApiConformance()).build();
        java.net.URI shortUri = java.net.URI.create("http://localhost:" + port + shortLink.path("url").asText());
        assertThat(rip.get().uri(shortUri).retrieve().toEntity(byte[].class).getStatusCode().value()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        assertProblem(rip.get().uri(shortUri).retrieve().toEntity(String.class), 403, "LINK_EXPIRED");
        assertProblem(acme.post().uri("/api/v1/partner/jobs/{id}/files/{sha}/link?validFor=P8D", job, sha)
                .retrieve().toEntity(String.class), 422, "LINK_LIFETIME_INVALID");
    }

    @Test
    @Order(4)
    void ofTwoWorkersClaimingAtOnceExactlyOneGetsTheLeaseAndTheOtherAfterItExpires() throws Exception {
        String job = acmeJobs.get(0);
        RestClient acme = partner(ACME_KEY);
        // Several rounds, each lease let run out before the next: a race is won or lost in a millisecond, and one
        // round alone would rarely catch a claim that checks first and updates after.
        int workers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            for (int round = 0; round < 8; round++) {
                if (round > 0) {
                    clock.advance(Duration.ofMinutes(16));
                }
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    String worker = "rip-" + w;
                    answers.add(pool.submit(() -> {
                        start.await();
                        return claim(acme, job, worker);
                    }));
                }
                start.countDown();
                List<ResponseEntity<String>> results = new ArrayList<>();
                for (Future<ResponseEntity<String>> answer : answers) {
                    results.add(answer.get());
                }
                List<ResponseEntity<String>> won = results.stream().filter(r -> r.getStatusCode().value() == 200).toList();
                assertThat(won).as("round %d: %s", round, results.stream().map(r -> r.getStatusCode().value() + " " + r.getBody()).toList())
                        .hasSize(1);
                results.stream().filter(r -> r != won.get(0)).forEach(r -> assertProblem(r, 409, "LEASE_HELD"));
            }
        } finally {
            pool.shutdownNow();
        }

        JsonNode first = read(acme.get().uri("/api/v1/partner/jobs?status=claimed").retrieve().toEntity(String.class), 200)
                .path("jobs").get(0);
        assertThat(first.path("id").asText()).isEqualTo(job);
        String winner = first.path("lease").path("worker").asText();
        String firstLease = first.path("lease").path("leaseId").asText();
        assertThat(read(acme.get().uri("/api/v1/partner/jobs?status=ready").retrieve().toEntity(String.class), 200)
                .path("jobs").findValuesAsText("id")).doesNotContain(job);

        // the winner's retried claim gets the same lease, not a longer one
        JsonNode again = read(claim(acme, job, winner), 200);
        assertThat(again.path("leaseId").asText()).isEqualTo(firstLease);
        assertThat(again.path("claimedNow").asBoolean()).isFalse();

        // the lease ends: the job is ready again, and another worker takes it
        clock.advance(Duration.ofMinutes(16));
        assertThat(read(acme.get().uri("/api/v1/partner/jobs?status=ready").retrieve().toEntity(String.class), 200)
                .path("jobs").findValuesAsText("id")).contains(job);
        String other = winner.equals("rip-0") ? "rip-1" : "rip-0";
        JsonNode second = read(claim(acme, job, other), 200);
        assertThat(second.path("claimedNow").asBoolean()).isTrue();
        assertThat(second.path("leaseId").asText()).isNotEqualTo(firstLease);
        assertProblem(claim(acme, job, winner), 409, "LEASE_HELD");

        // only the holder can acknowledge; twice is the same as once; then the job is picked up for good
        assertProblem(ack(acme, job, firstLease), 409, "LEASE_NOT_HELD");
        JsonNode acked = read(ack(acme, job, second.path("leaseId").asText()), 200);
        assertThat(acked.path("pickedUpBy").asText()).isEqualTo(other);
        JsonNode ackedAgain = read(ack(acme, job, second.path("leaseId").asText()), 200);
        assertThat(ackedAgain.path("pickedUpAt").asText()).isEqualTo(acked.path("pickedUpAt").asText());
        assertProblem(claim(acme, job, "rip-9"), 409, "ALREADY_PICKED_UP");
        assertThat(read(acme.get().uri("/api/v1/partner/jobs?status=picked-up").retrieve().toEntity(String.class), 200)
                .path("jobs").findValuesAsText("id")).containsExactly(job);
        clock.advance(Duration.ofHours(1));
        assertThat(read(acme.get().uri("/api/v1/partner/jobs?status=ready").retrieve().toEntity(String.class), 200)
                .path("jobs").findValuesAsText("id")).doesNotContain(job);
        assertProblem(acme.post().uri("/api/v1/partner/jobs/{id}/claim", job).contentType(MediaType.APPLICATION_JSON)
                .body("{}").retrieve().toEntity(String.class), 422, "MISSING_FIELD");
    }

    @Test
    @Order(5)
    void webhooksAreSignedAndRetriedUntilTheReceiverTakesThemAndEveryAttemptIsListed() {
        List<Received> accepted = received.stream().filter(r -> r.answeredWith() == 204).toList();
        assertThat(accepted).hasSize(3);
        assertThat(received).allSatisfy(r -> assertThat(r.signatureValid()).as(r.toString()).isTrue());
        assertThat(accepted.stream().filter(r -> r.type().equals("placement.ready"))
                .map(r -> r.body().path("placement").path("id").asText())).containsExactlyInAnyOrderElementsOf(acmeJobs);
        assertThat(accepted).allSatisfy(r -> assertThat(r.body().path("order").path("id").asText()).isEqualTo(acmeOrder));

        RestClient acme = partner(ACME_KEY);
        for (Received r : accepted) {
            // the receiver saw the same event id three times: refused twice, taken the third time
            assertThat(received.stream().filter(x -> x.eventId().equals(r.eventId())).map(Received::answeredWith))
                    .containsExactly(500, 500, 204);
            JsonNode listed = read(acme.get().uri("/api/v1/partner/webhook-deliveries?event={e}", r.eventId())
                    .retrieve().toEntity(String.class), 200).path("deliveries");
            assertThat(listed).hasSize(3);
            // newest first
            assertThat(listed.findValuesAsText("attempt")).containsExactly("3", "2", "1");
            assertThat(listed.findValuesAsText("statusCode")).containsExactly("204", "500", "500");
            assertThat(listed.findValuesAsText("delivered")).containsExactly("true", "false", "false");
            assertThat(listed.get(1).path("error").asText()).contains("500");
            assertThat(listed.get(0).path("eventType").asText()).isEqualTo(r.type());
        }
        // globex has no webhook URL: nothing was sent, and it cannot see acme's log
        JsonNode globexLog = read(partner(GLOBEX_KEY).get().uri("/api/v1/partner/webhook-deliveries").retrieve()
                .toEntity(String.class), 200);
        assertThat(globexLog.path("deliveries")).isEmpty();
        assertThat(received).allSatisfy(r -> assertThat(r.body().path("partner").asText()).isEqualTo("acme"));
    }

    // --- the partner's side ---------------------------------------------------------------------------------

    private RestClient partner(String key) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + key)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .requestInterceptor(new OpenApiConformance())
                .build();
    }

    private static ResponseEntity<String> claim(RestClient partner, String job, String worker) {
        return partner.post().uri("/api/v1/partner/jobs/{id}/claim", job).contentType(MediaType.APPLICATION_JSON)
                .body("{\"worker\":\"" + worker + "\"}").retrieve().toEntity(String.class);
    }

    private static ResponseEntity<String> ack(RestClient partner, String job, String lease) {
        return partner.post().uri("/api/v1/partner/jobs/{id}/ack", job).contentType(MediaType.APPLICATION_JSON)
                .body("{\"leaseId\":\"" + lease + "\"}").retrieve().toEntity(String.class);
    }

    private JsonNode read(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        try {
            return json.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertProblem(ResponseEntity<String> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as(String.valueOf(response.getHeaders().getContentType())).isTrue();
        try {
            assertThat(json.readTree(response.getBody()).path("code").asText()).as(response.getBody()).isEqualTo(code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String flipLastCharacter(String link) {
        char last = link.charAt(link.length() - 1);
        return link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    // --- the shop's side ------------------------------------------------------------------------------------

    private Map<String, Object> order(String partner, String reference, String... artworks) {
        return Map.of("reference", reference, "partner", partner, "items", Arrays.stream(artworks)
                .map(art -> Map.of("product", "sticker", "quantity", 10, "placements", List.of(
                        Map.of("placement", "face", "tier", "sticker-2in", "artwork", art))))
                .toList());
    }

    private String post(PlatenApi shop, String partner, String reference, String... artworks) throws Exception {
        ResponseEntity<String> created = shop.http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order(partner, reference, artworks))).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json.readTree(created.getBody()).path("id").asText();
    }

    private static JsonNode awaitReady(PlatenApi shop, String orderId) {
        JsonNode order = shop.awaitOrder(orderId, o -> List.of("READY_FOR_PRINT", "FAILED", "REJECTED", "NEEDS_REVIEW")
                .contains(o.path("status").asText()), Duration.ofSeconds(180));
        assertThat(order.path("status").asText()).as(order.toString()).isEqualTo("READY_FOR_PRINT");
        return order;
    }

    /**
     * Neutral greys only (well inside any print gamut), 600 px for a 2 in sticker: 300 DPI, the tier's target,
     * so nothing is downgraded and the proof lane has no reason to stop it. {@code shade} makes each file differ.
     */
    private static byte[] greySticker(int size, int shade) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int v = Math.min(230, shade + (x + y) * 90 / (2 * size));
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- the partner's webhook receiver, on loopback ----------------------------------------------------------

    /**
     * Checks each POST as the README tells partners to: HMAC-SHA256 with the shared secret over
     * {@code timestamp + "." + body}, a timestamp within five minutes. Refuses the first two attempts of every
     * event with a 500, takes the third.
     */
    private static void startReceiver() throws IOException {
        if (receiver != null) {
            return;
        }
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ObjectMapper mapper = new ObjectMapper();
        receiver.createContext("/hooks/acme", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String eventId = exchange.getRequestHeaders().getFirst("Platen-Event-Id");
            String timestamp = exchange.getRequestHeaders().getFirst("Platen-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("Platen-Signature");
            boolean valid = timestamp != null && signature != null
                    && Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) <= 300
                    && MessageDigest.isEqual(("sha256=" + hmacHex(ACME_SECRET, timestamp + "." + body))
                    .getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
            int attempt = attemptsByEvent.computeIfAbsent(String.valueOf(eventId), id -> new AtomicInteger()).incrementAndGet();
            int status = !valid ? 401 : attempt <= 2 ? 500 : 204;
            JsonNode parsed = mapper.readTree(body);
            received.add(new Received(eventId, exchange.getRequestHeaders().getFirst("Platen-Event-Type"), status, valid, parsed));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    private static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
