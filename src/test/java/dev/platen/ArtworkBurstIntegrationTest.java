package dev.platen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.testing.PlatenApi;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Load never judges art: a shop posts 24 sticker placements of good 10-20 MP photos at once, on the default
 * decoders (2 threads, a queue of 16) of a 2-core machine. Every placement is settled or waits for an operator;
 * none is {@code ARTWORK_UNDECODABLE} (a decode that only waited for its turn used to time out) and none
 * {@code FAILED} (a busy decoder used to fail the job at once, three times). Throughout, a reader polls one order
 * and the health endpoint as a shop's status page and a load balancer would: every answer is a 200 (order reads
 * once failed with 500 after 30 s, the file steps holding every database connection). The time to settle and the
 * readers' latencies (p50, p95, max) are printed; they are figures to read, not asserted.
 *
 * <p>The photos are made here: smooth colour fields with edges and film grain, JPEGs saved progressive as photos
 * are exported for the web, so that the decoder works as hard as on a shop's file (a 16 MP one takes about a second
 * alone). The project cannot write WebP, so the lossless one is a PNG. Runs on PostgreSQL in {@code ./mvnw verify},
 * beside the other integration tests (the labelled lanes among them). Its context is closed after it: its decoders,
 * caches and workers are not left to the classes after it.
 */
// Over a minute: last in the order, so that the worker taking the order from its end starts it at once while the
// other starts the labelled lanes (see dev.platen.testing.StartedFirst).
@Order(Integer.MAX_VALUE)
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-burst-it;DB_CLOSE_DELAY=-1",
        "camunda.bpm.process-engine-name=platenBurstIt",
        "platen.storage.root=target/burst-it-objects",
        // More file workers than decoders, as on a node sized for its renders: the steps of many placements ask for
        // a decoder at once and files really queue (the default decoders stay: 2 / 16).
        "platen.workers.threads=8",
        // No more connections than steps under way at once, as in the burst that once failed order reads after 30 s:
        // a step that held its connection for its whole run left none for the reader below.
        "spring.datasource.hikari.maximum-pool-size=8"
})
class ArtworkBurstIntegrationTest {

    private static final int ORDERS = 6;
    private static final int PLACEMENTS_PER_ORDER = 4;
    private static final List<String> WORKING = List.of("RECEIVED", "IN_PROGRESS");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ProcessEngine engine;

    @Test
    void twentyFourPlacementsOfLargePhotosAtOnceAllSettleAndNoneIsJudgedByTheLoad() throws Exception {
        PlatenApi api = new PlatenApi(port, json);
        List<Photo> photos = List.of(
                new Photo("harbour.jpg", 4000, 3000, "jpg", 11),   // 12.0 MP, 4:3 as cameras take them
                new Photo("meadow.jpg", 4000, 4000, "jpg", 12),    // 16.0 MP
                new Photo("street.jpg", 4400, 4400, "jpg", 13),    // 19.4 MP
                new Photo("portrait.jpg", 3456, 4608, "jpg", 14),  // 15.9 MP, upright
                new Photo("dunes.png", 3300, 3300, "png", 15));    // 10.9 MP, lossless
        ExecutorService shop = Executors.newFixedThreadPool(ORDERS);
        try {
            // The shop's uploads, all at once; a 503 is answered by sending the same file again after Retry-After.
            List<String> artworks = all(shop, photos.stream().<Callable<String>>map(photo -> () -> {
                byte[] bytes = photo.bytes();
                return untilNotBusy(() -> api.post(bytes, photo.name())).path("id").asText();
            }).toList());

            CountDownLatch go = new CountDownLatch(1);
            List<Callable<String>> posts = new ArrayList<>();
            for (int o = 0; o < ORDERS; o++) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int p = 0; p < PLACEMENTS_PER_ORDER; p++) {
                    String art = artworks.get((o * PLACEMENTS_PER_ORDER + p) % artworks.size());
                    items.add(Map.of("product", "sticker", "quantity", 25, "placements",
                            List.of(Map.of("placement", "face", "artwork", art))));
                }
                String body = json.writeValueAsString(Map.of("reference", "burst-" + o, "partner", "acme",
                        "items", items));
                posts.add(() -> {
                    go.await();
                    ResponseEntity<String> created = api.http().post().uri("/api/v1/orders")
                            .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
                    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
                    return json.readTree(created.getBody()).path("id").asText();
                });
            }
            List<Future<String>> posted = posts.stream().map(shop::submit).toList();
            long start = System.nanoTime();
            go.countDown();
            List<String> orders = new ArrayList<>();
            for (Future<String> order : posted) {
                orders.add(order.get(2, TimeUnit.MINUTES));
            }

            Reader reader = new Reader(api, orders.get(0));
            Thread reading = new Thread(reader, "burst-reader");
            reading.start();
            List<JsonNode> settled = new ArrayList<>();
            try {
                for (String order : orders) {
                    settled.add(api.awaitOrder(order, o -> placements(o).stream()
                            .noneMatch(p -> WORKING.contains(p.path("status").asText())), Duration.ofMinutes(20)));
                }
            } finally {
                reader.stop();
                reading.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;

            List<JsonNode> placements = settled.stream().flatMap(o -> placements(o).stream()).toList();
            long failedAttempts = engine.getHistoryService().createHistoricExternalTaskLogQuery().failureLog().count();
            System.out.printf("Burst: %d placements of %d photos (10-20 MP) settled in %.1f s; %s; "
                            + "%d step attempts failed and were retried (busy decoders)%n", placements.size(),
                    photos.size(), seconds, statusCounts(placements), failedAttempts);
            System.out.println("Burst: order reads " + reader.orderReads + "; health " + reader.health);

            assertThat(reader.orderReads.answers()).as("order reads during the burst").isGreaterThan(10)
                    .isEqualTo(reader.orderReads.ok());
            assertThat(reader.health.answers()).as("health checks during the burst").isGreaterThan(10)
                    .isEqualTo(reader.health.ok());

            assertThat(placements).hasSize(ORDERS * PLACEMENTS_PER_ORDER);
            assertThat(placements).allSatisfy(p -> {
                assertThat(p.path("status").asText()).as(p.toString()).isIn("READY_FOR_PRINT", "NEEDS_REVIEW");
                assertThat(p.path("findings").toString()).as(p.toString())
                        .doesNotContain("ARTWORK_UNDECODABLE", "ARTWORK_TIMEOUT");
            });
            assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
        } finally {
            shop.shutdownNow();
        }
    }

    /** Polls one order and the health endpoint in turn until stopped, keeping every answer's status and time. */
    private static final class Reader implements Runnable {
        private final PlatenApi api;
        private final String order;
        private volatile boolean stopped;
        final Latencies orderReads = new Latencies();
        final Latencies health = new Latencies();

        Reader(PlatenApi api, String order) {
            this.api = api;
            this.order = order;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            while (!stopped) {
                orderReads.time(() -> api.http().get().uri("/api/v1/orders/" + order).retrieve()
                        .onStatus(status -> true, (request, response) -> { })
                        .toBodilessEntity().getStatusCode().value());
                health.time(() -> api.http().get().uri("/actuator/health").retrieve()
                        .onStatus(status -> true, (request, response) -> { })
                        .toBodilessEntity().getStatusCode().value());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Answers to one kind of request: how many were 200 and how long they took. */
    private static final class Latencies {
        private final List<Long> millis = java.util.Collections.synchronizedList(new ArrayList<>());
        private final java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        private final List<String> other = java.util.Collections.synchronizedList(new ArrayList<>());

        void time(Callable<Integer> request) {
            long start = System.nanoTime();
            try {
                int status = request.call();
                if (status == 200) {
                    ok.incrementAndGet();
                } else {
                    other.add(String.valueOf(status));
                }
            } catch (Exception e) {
                other.add(e.toString());
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
        }

        int answers() {
            return millis.size();
        }

        int ok() {
            return ok.get();
        }

        @Override
        public String toString() {
            List<Long> sorted = millis.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return "none";
            }
            return String.format(java.util.Locale.ROOT, "%d requests, %d answered 200, p50 %d ms, p95 %d ms, max %d ms%s",
                    sorted.size(), ok.get(), sorted.get((sorted.size() - 1) / 2),
                    sorted.get((int) Math.ceil((sorted.size() - 1) * 0.95)), sorted.get(sorted.size() - 1),
                    other.isEmpty() ? "" : ", others: " + other.stream().distinct().limit(5).toList());
        }
    }

    private JsonNode untilNotBusy(Callable<ResponseEntity<String>> request) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            ResponseEntity<String> response = request.call();
            if (response.getStatusCode().value() != 503) {
                assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 201);
                return json.readTree(response.getBody());
            }
            String retryAfter = response.getHeaders().getFirst("Retry-After");
            // the shop's back-off, as the 503 asks: unavoidable here, it is what is being exercised
            Thread.sleep(1000L * (retryAfter == null ? 5 : Integer.parseInt(retryAfter)));
        }
        throw new AssertionError("the decoders stayed busy for five minutes");
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : pool.invokeAll(tasks)) {
            results.add(future.get());
        }
        return results;
    }

    private static List<JsonNode> placements(JsonNode order) {
        List<JsonNode> list = new ArrayList<>();
        order.path("placements").forEach(list::add);
        return list;
    }

    private static Map<String, Long> statusCounts(List<JsonNode> placements) {
        return placements.stream().collect(java.util.stream.Collectors.groupingBy(
                p -> p.path("status").asText() + "/" + p.path("laneReason").asText(),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** A photo-like image: soft colour fields (a low-resolution field enlarged), hard-edged shapes, film grain. */
    private record Photo(String name, int width, int height, String format, long seed) {

        byte[] bytes() {
            Random random = new Random(seed);
            BufferedImage field = new BufferedImage(48, 36, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < field.getHeight(); y++) {
                for (int x = 0; x < field.getWidth(); x++) {
                    // muted, daylight colours: sky, foliage, stone; a photo a press prints without fuss
                    int base = 70 + random.nextInt(120);
                    field.setRGB(x, y, new Color(clamp(base + random.nextInt(40) - 20),
                            clamp(base + random.nextInt(40) - 15), clamp(base + random.nextInt(40) - 25)).getRGB());
                }
            }
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(field, 0, 0, width, height, null);
            for (int k = 0; k < 80; k++) {
                int grey = 50 + random.nextInt(150);
                g.setColor(new Color(grey, clamp(grey + random.nextInt(30) - 15), clamp(grey - random.nextInt(20)), 170));
                g.setStroke(new BasicStroke(2 + random.nextInt(12)));
                int w = width / 30 + random.nextInt(width / 6);
                int h = height / 30 + random.nextInt(height / 6);
                int x = random.nextInt(width - w);
                int y = random.nextInt(height - h);
                if (k % 2 == 0) {
                    g.fillOval(x, y, w, h);
                } else {
                    g.drawLine(x, y, x + w, y + h);
                }
            }
            g.dispose();
            int[] row = new int[width];
            int grain = format.equals("png") ? 4 : 10;
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int n = random.nextInt(2 * grain + 1) - grain;
                    int rgb = row[x];
                    row[x] = clamp((rgb >> 16 & 0xFF) + n) << 16 | clamp((rgb >> 8 & 0xFF) + n) << 8
                            | clamp((rgb & 0xFF) + n);
                }
                image.setRGB(0, y, width, 1, row, 0, width);
            }
            return encode(image);
        }

        private byte[] encode(BufferedImage image) {
            try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                if (format.equals("png")) {
                    ImageIO.write(image, "png", out);
                    return out.toByteArray();
                }
                // a camera's quality, not ImageIO's default 0.75
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                    ImageWriteParam param = writer.getDefaultWriteParam();
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(0.92f);
                    // progressive, as photos are exported for the web: about three times the decoding of baseline
                    param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int clamp(int v) {
            return Math.max(0, Math.min(255, v));
        }
    }
}
