package dev.platen.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.artwork.ArtworkDecoderBusy;
import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.DecodedArtwork;
import dev.platen.testing.MockShop;
import dev.platen.testing.TestArtwork;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Load never judges art: a busy decoder (the queue full, no thread free in time, or a file starved of its time by
 * other work, all {@link ArtworkDecoderBusy}) fails whichever file step decodes - inspect, render, proof - and the
 * engine tries it again after a back-off; the placement gets no finding and is not failed while retries remain. The
 * decoders are the real ones, behind a reader that answers "busy" as often as a test asks it to. The job executor
 * and the file workers are off: the test runs each job and step itself (through the node's real workers) and reads
 * when the engine will offer the step again. The node keeps no
 * decoded art here ({@code platen.artwork.decoded-cache-mib=0}): with it, render and proof take the inspection's
 * decode and would not meet the busy decoder at all; this is the path of a step that has to decode (another node,
 * art pushed out of memory).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:busy-decoder-retries;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "camunda.bpm.process-engine-name=platenBusyDecoderRetries",
        "platen.storage.root=target/busy-decoder-test-objects",
        "platen.artwork.decoded-cache-mib=0"
})
@AutoConfigureMockMvc
class BusyDecoderRetriesProcessTest {


    @Autowired
    ProcessEngine engine;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SometimesBusy decoders;

    @TestConfiguration
    static class BusyDecoders {
        @Bean
        @Primary
        SometimesBusy sometimesBusy(ArtworkLimits limits) {
            return new SometimesBusy(new ArtworkInspector(limits));
        }
    }

    /** The real inspector, except that the next {@code busyFor} decodes (not header reads) are answered "busy". */
    static final class SometimesBusy implements ArtworkReader {
        private final ArtworkReader real;
        final AtomicInteger busyFor = new AtomicInteger();

        SometimesBusy(ArtworkReader real) {
            this.real = real;
        }

        @Override
        public ArtworkHeader readHeader(Path file) {
            return real.readHeader(file);
        }

        @Override
        public DecodedArtwork decodeFully(Path file) {
            busyIfAsked();
            return real.decodeFully(file);
        }

        @Override
        public ArtworkPixels pixels(Path file, double pdfPixelsPerInch) {
            busyIfAsked();
            return real.pixels(file, pdfPixelsPerInch);
        }

        private void busyIfAsked() {
            if (busyFor.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ArtworkDecoderBusy("All 2 artwork decoders are busy and 16 files are waiting; "
                        + "try again shortly.");
            }
        }
    }

    @BeforeEach
    void bindAssertionsToTheEngine() {
        init(engine);
        decoders.busyFor.set(0);
    }

    @Test
    void everyStepThatDecodesWaitsOutABusyDecoderAndThePlacementIsNotJudged() throws Exception {
        JsonNode order = postOrder(upload(TestArtwork.printablePng(1300, 1300)));
        ProcessInstance process = processOf(order);
        ProcessJobs jobs = new ProcessJobs(context);
        assertThat(jobs.runNext(process)).contains("OrderAccepted"); // the start; inspection is next

        for (String step : List.of("InspectArtwork", "RenderPrintFiles", "SoftProof")) {
            assertThat(process).isWaitingAt(step);
            decoders.busyFor.set(2);
            Date first = failOnce(jobs, process, step);
            // the back-off: ten seconds after the first failure, half a minute after the second, not at once
            assertThat(dueOf(jobs, process)).isBetween(new Date(first.getTime() + 8_000),
                    new Date(first.getTime() + 20_000));
            assertThat(jobs.runNext(process)).as("not offered again before its wait is over").isEmpty();
            Date second = failOnce(jobs, process, step);
            assertThat(dueOf(jobs, process)).isBetween(new Date(second.getTime() + 28_000),
                    new Date(second.getTime() + 40_000));

            JsonNode placement = getOrder(order).path("placements").get(0);
            // still being worked on: not failed, not judged
            assertThat(placement.path("status").asText()).isIn("RECEIVED", "IN_PROGRESS");
            assertThat(placement.path("findings").toString()).doesNotContain("ARTWORK_UNDECODABLE", "ARTWORK_TIMEOUT");
            assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).count())
                    .isZero();

            // the decoders are free again: the same step goes on
            assertThat(jobs.runFileStepNow(process)).contains(step);
        }

        JsonNode settled = getOrder(order).path("placements").get(0);
        assertThat(settled.path("status").asText()).isIn("READY_FOR_PRINT", "NEEDS_REVIEW");
        assertThat(settled.path("printFiles")).isNotEmpty();
        assertThat(settled.path("softProof").isNull()).isFalse();
        assertThat(settled.path("findings").toString()).doesNotContain("ARTWORK_UNDECODABLE");
    }

    @Test
    void aDecoderBusyForLongerThanTheWholeBackOffEndsInAnIncidentNotAVerdictOnTheFile() throws Exception {
        JsonNode order = postOrder(upload(TestArtwork.printablePng(1310, 1310)));
        ProcessInstance process = processOf(order);
        ProcessJobs jobs = new ProcessJobs(context);
        jobs.runNext(process);
        decoders.busyFor.set(Integer.MAX_VALUE);

        int attempts = 0;
        while (!Integer.valueOf(0).equals(jobs.fileStep(process).orElseThrow().getRetries())) {
            // while retries remain the placement is still being worked on, never failed
            assertThat(getOrder(order).path("placements").get(0).path("status").asText()).isIn("RECEIVED", "IN_PROGRESS");
            failOnce(jobs, process, "InspectArtwork");
            attempts++;
            assertThat(attempts).as("attempts before the incident").isLessThan(20);
        }

        // the default cycle PT10S,PT30S,PT1M,PT2M,PT5M,PT10M: the first attempt and one after each wait
        assertThat(attempts).isEqualTo(7);
        var incident = engine.getRuntimeService().createIncidentQuery().processInstanceId(process.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("InspectArtwork");
        assertThat(incident.getIncidentMessage()).contains("decoders are busy");
        JsonNode failed = getOrder(order).path("placements").get(0);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("findings").toString()).doesNotContain("ARTWORK_UNDECODABLE");
    }

    /** Runs the step once more (whatever is left of its wait) and expects the busy decoder; returns when. */
    private Date failOnce(ProcessJobs jobs, ProcessInstance process, String step) {
        assertThat(process).isWaitingAt(step);
        Date now = new Date();
        assertThat(jobs.runFileStepNow(process)).contains(step);
        assertThat(jobs.fileStep(process).orElseThrow().getErrorMessage()).contains("decoders are busy");
        return now;
    }

    /** When the step will be offered to a worker again: the end of its wait. */
    private Date dueOf(ProcessJobs jobs, ProcessInstance process) {
        return jobs.fileStep(process).orElseThrow().getLockExpirationTime();
    }

    private String upload(byte[] bytes) throws Exception {
        return shop().upload(bytes);
    }

    private JsonNode postOrder(String artwork) throws Exception {
        return shop().postOrder("busy-test", List.of(Map.of("product", "sticker", "quantity", 1, "placements",
                List.of(Map.of("placement", "face", "tier", "sticker-4in", "artwork", artwork)))));
    }

    private JsonNode getOrder(JsonNode order) throws Exception {
        return shop().order(order);
    }

    private MockShop shop() {
        return new MockShop(mvc, json);
    }

    private ProcessInstance processOf(JsonNode order) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(order.path("id").asText()).singleResult();
    }
}
