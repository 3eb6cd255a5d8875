package dev.platen.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.DecodedArtwork;
import dev.platen.artwork.PdfArtPage;
import dev.platen.artwork.ArtPreviews;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.storage.ObjectStore;
import dev.platen.testing.MockShop;
import dev.platen.testing.TestArtwork;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import dev.platen.workflow.ProcessJobs;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.context.request.ServletWebRequest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;

/**
 * How often a placement's art is read, counted at the one door every module reads art through (the real
 * {@link ArtworkInspector} behind a counting {@link ArtworkReader}): its header once, at upload; its pixels decoded
 * once to check the file and once for the print files and the soft proof together; and never for a review page.
 * The job executor and file workers are off: the test runs each job and step itself and counts what it read.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:review-art-decoded-once;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=platenReviewArtDecodedOnce",
        "platen.storage.root=target/review-art-test-objects"
})
@AutoConfigureMockMvc
class ReviewArtDecodedOnceTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Counting reader;
    @Autowired
    ReviewController review;
    @Autowired
    ArtworkRecords artworks;
    @Autowired
    ObjectStore store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class CountedReader {
        @Bean
        @Primary
        Counting countingReader(ArtworkLimits limits) {
            return new Counting(new ArtworkInspector(limits));
        }
    }

    /** The real inspector, each call counted by what it does. */
    static final class Counting implements ArtworkReader {
        private final ArtworkReader real;
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        Counting(ArtworkReader real) {
            this.real = real;
        }

        @Override
        public ArtworkHeader readHeader(Path file) {
            count("readHeader");
            return real.readHeader(file);
        }

        @Override
        public DecodedArtwork decodeFully(Path file) {
            count("decodeFully");
            return real.decodeFully(file);
        }

        @Override
        public ArtworkPixels pixels(Path file, double pdfPixelsPerInch) {
            count("pixels");
            return real.pixels(file, pdfPixelsPerInch);
        }

        @Override
        public PdfArtPage pdfPage(Path file) {
            count("pdfPage");
            return real.pdfPage(file);
        }

        private void count(String call) {
            calls.computeIfAbsent(call, c -> new AtomicInteger()).incrementAndGet();
        }

        /** The calls since the last time asked, by name. */
        Map<String, Integer> taken() {
            Map<String, Integer> taken = new TreeMap<>();
            calls.forEach((call, n) -> taken.put(call, n.getAndSet(0)));
            taken.values().removeIf(n -> n == 0);
            return taken;
        }
    }

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(engine);
        reader.taken();
    }

    @Test
    void aPlacementsArtIsReadOnceForItsHeaderAndDecodedOnceForCheckPreviewPrintAndProof() throws Exception {
        String art = shop().upload(TestArtwork.printablePng(1300, 1300));
        assertThat(reader.taken()).as("upload").isEqualTo(Map.of("readHeader", 1));
        double hits = gets("hit");

        JsonNode order = shop().postOrder("decode-count", List.of(Map.of("product", "sticker", "quantity", 1,
                "placements", List.of(Map.of("placement", "face", "tier", "sticker-4in", "artwork", art)))));
        Map<String, Map<String, Integer>> byStep = runJobsOf(processOf(order));

        // InspectArtwork's job runs the tier choice too: no header read there, it is the upload's
        assertThat(byStep).containsEntry("InspectArtwork", Map.of("decodeFully", 1))
                .containsEntry("RenderPrintFiles", Map.of())
                .containsEntry("SoftProof", Map.of());
        assertThat(gets("hit") - hits).as("preview, render and proof served from the inspection's decode")
                .isEqualTo(3);
        JsonNode placement = shop().order(order).path("placements").get(0);
        assertThat(placement.path("status").asText()).isIn("READY_FOR_PRINT", "NEEDS_REVIEW");
        assertThat(placement.path("printFiles")).isNotEmpty();
        assertThat(placement.path("softProof").path("proof").asText()).isNotEmpty();
    }

    @Test
    void theReviewPagesShowTheStoredPreviewAndNeverReadTheArt() throws Exception {
        // 300 px on a shirt front: no tier fits, so the placement waits for an operator before any proof is made
        byte[] upload = TestArtwork.png(300, 300);
        String art = shop().upload(upload);
        JsonNode order = shop().postOrder("review-art", List.of(Map.of("product", "tshirt", "quantity", 1,
                "placements", List.of(Map.of("placement", "front", "artwork", art)))));
        runJobsOf(processOf(order));
        JsonNode placement = shop().order(order).path("placements").get(0);
        assertThat(placement.path("status").asText()).isEqualTo("NEEDS_REVIEW");
        assertThat(placement.path("softProof").isNull()).as("held before any proof").isTrue();
        String id = placement.path("id").asText();
        reader.taken();

        ResponseEntity<byte[]> first = review.art(id, new ServletWebRequest(new MockHttpServletRequest()));
        ResponseEntity<byte[]> second = review.art(id, new ServletWebRequest(new MockHttpServletRequest()));
        ExtendedModelMap model = new ExtendedModelMap();
        review.placement(id, model);

        assertThat(reader.taken()).as("art file reads for two views of the art and one of the page").isEmpty();
        assertThat(first.getBody()).isEqualTo(second.getBody())
                .isEqualTo(Files.readAllBytes(store.readablePath(artworks.previewSha256(art).orElseThrow())));
        assertThat(model.get("header")).as("the header recorded at upload").isEqualTo(artworks.header(art));
        // the preview is the customer's picture (300 px is below the preview's edge, so not even scaled)
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(first.getBody()));
        BufferedImage original = ImageIO.read(new ByteArrayInputStream(upload));
        assertThat(ArtPreviews.LONG_EDGE).isGreaterThan(300);
        assertThat(shown.getWidth()).isEqualTo(300);
        assertThat(shown.getHeight()).isEqualTo(300);
        for (int[] at : new int[][] {{0, 0}, {150, 150}, {299, 10}, {37, 251}}) {
            assertThat(shown.getRGB(at[0], at[1])).as("pixel at %s,%s", at[0], at[1])
                    .isEqualTo(original.getRGB(at[0], at[1]));
        }

        MockHttpServletRequest again = new MockHttpServletRequest();
        again.addHeader("If-None-Match", first.getHeaders().getETag());
        ServletWebRequest conditional = new ServletWebRequest(again, new org.springframework.mock.web.MockHttpServletResponse());
        assertThat(review.art(id, conditional)).as("304: the browser's copy is the same picture").isNull();
    }

    @Test
    void artInspectedBeforePreviewsWereStoredGetsItsPreviewOnceOnItsFirstView() throws Exception {
        String art = shop().upload(TestArtwork.png(310, 200));
        JsonNode order = shop().postOrder("review-old-art", List.of(Map.of("product", "tshirt", "quantity", 1,
                "placements", List.of(Map.of("placement", "front", "artwork", art)))));
        runJobsOf(processOf(order));
        String id = shop().order(order).path("placements").get(0).path("id").asText();
        String made = artworks.previewSha256(art).orElseThrow();
        jdbc.sql("update artwork set preview_sha256 = null where id = ?").param(art).update();

        byte[] firstView = review.art(id, new ServletWebRequest(new MockHttpServletRequest())).getBody();
        assertThat(artworks.previewSha256(art)).as("stored on the first view").contains(made);
        reader.taken();
        double gets = gets("hit") + gets("miss");
        byte[] secondView = review.art(id, new ServletWebRequest(new MockHttpServletRequest())).getBody();

        assertThat(secondView).isEqualTo(firstView);
        assertThat(reader.taken()).isEmpty();
        assertThat(gets("hit") + gets("miss")).as("not even asked of the decoded art").isEqualTo(gets);
    }

    private double gets(String result) {
        return meters.get("platen.decoded-art.gets").tag("result", result).counter().count();
    }

    /** Runs the process's jobs and file steps until none is due, and what each step read (by its activity). */
    private Map<String, Map<String, Integer>> runJobsOf(ProcessInstance process) {
        ProcessJobs jobs = new ProcessJobs(context);
        Map<String, Map<String, Integer>> byStep = new LinkedHashMap<>();
        for (int round = 0; round < 100; round++) {
            reader.taken();
            Optional<String> step = jobs.runNext(process);
            if (step.isEmpty()) {
                return byStep;
            }
            byStep.merge(step.get(), reader.taken(), (a, b) -> {
                Map<String, Integer> sum = new TreeMap<>(a);
                b.forEach((call, n) -> sum.merge(call, n, Integer::sum));
                return sum;
            });
        }
        throw new AssertionError("jobs still pending after 100 steps");
    }

    private ProcessInstance processOf(JsonNode order) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(order.path("id").asText()).singleResult();
    }

    private MockShop shop() {
        return new MockShop(mvc, json);
    }
}
