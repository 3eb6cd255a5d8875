package dev.platen;

import dev.platen.testing.OpenApiConformance;
import dev.platen.testing.PlatenApi;
import dev.platen.testing.Transicc;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A poster and a T-shirt ordered through the running engine end with print files a shop can download, and
 * their CMYK numbers are what independent tools say they must be: LittleCMS's own {@code transicc} for the
 * separation of each colour of the art, Ghostscript for what the PDF/X-4 actually prints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:platen-it;DB_CLOSE_DELAY=-1",
        "platen.storage.root=target/it-objects"
})
class PrintFilesIntegrationTest {

    /** Four flat sRGB colours, one per quadrant of the art: saturated enough to exercise the separation. */
    private static final int[][] QUADRANTS = {{200, 30, 40}, {20, 60, 200}, {250, 220, 10}, {40, 160, 90}};

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @TempDir
    Path dir;

    private RestClient http() {
        return new PlatenApi(port, json).http();
    }

    @Test
    void aPosterAndATShirtEndWithPrintFilesWhoseInkIsRight() throws Exception {
        String posterArt = upload(quadrants(1200, 1500));
        String shirtArt = upload(quadrants(600, 600));
        Map<String, Object> order = Map.of("reference", "shop-print-1", "partner", "acme", "items", List.of(
                Map.of("product", "poster", "quantity", 1, "placements", List.of(
                        Map.of("placement", "face", "tier", "poster-8x10", "artwork", posterArt))),
                Map.of("product", "tshirt", "quantity", 1, "placements", List.of(
                        Map.of("placement", "front", "tier", "left-chest", "artwork", shirtArt)))));
        ResponseEntity<String> created = http().post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(order)).retrieve().toEntity(String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);

        // saturated art may wait for an operator's look at its proof; its print files are made either way
        JsonNode ready = waitUntilProofed(json.readTree(created.getBody()).path("id").asText());
        JsonNode poster = ready.path("placements").get(0);
        JsonNode shirt = ready.path("placements").get(1);

        // the soft proof: its images are served full size and as smaller copies for pages
        JsonNode proof = poster.path("softProof");
        assertThat(proof.path("outOfGamutShare").asDouble()).isBetween(0.0, 1.0);
        assertThat(proof.path("maxTotalInk").asDouble()).isLessThanOrEqualTo(331.0);
        BufferedImage mockup = ImageIO.read(new java.io.ByteArrayInputStream(http().get()
                .uri(proof.path("mockup").asText()).retrieve().body(byte[].class)));
        BufferedImage small = ImageIO.read(new java.io.ByteArrayInputStream(http().get()
                .uri(proof.path("mockup").asText() + "?width=300").retrieve().body(byte[].class)));
        assertThat(mockup.getWidth()).isGreaterThan(300);
        assertThat(small.getWidth()).isEqualTo(300);
        assertThat(http().get().uri("/api/v1/proof-images/" + "0".repeat(64)).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);

        // the coated poster stock wants PDF/X-4 and TIFF; the cotton stock a TIFF
        assertThat(poster.path("printFiles").findValuesAsText("format")).containsExactlyInAnyOrder("pdfx4", "tiff");
        assertThat(shirt.path("printFiles").findValuesAsText("format")).containsExactly("tiff");

        // 8 x 10 in plus 0.125 in bleed on each side, at 300 DPI
        JsonNode posterTiff = file(poster, "tiff");
        assertThat(posterTiff.path("widthPx").asInt()).isEqualTo(2475);
        assertThat(posterTiff.path("heightPx").asInt()).isEqualTo(3075);

        Path tiff = download(posterTiff, "poster.tif");
        Path pdf = download(file(poster, "pdfx4"), "poster.pdf");
        Path shirtTiff = download(file(shirt, "tiff"), "shirt.tif");

        // LittleCMS's transicc, with each stock's profile, intent and black point compensation
        int[][] coated = transicc("icc-profiles/platen-coated-v1.icc", 1, true);
        int[][] cotton = transicc("icc-profiles/platen-dtg-cotton-v1.icc", 0, true);
        Raster posterPixels = ImageIO.read(tiff.toFile()).getRaster();
        Raster shirtPixels = ImageIO.read(shirtTiff.toFile()).getRaster();
        assertThat(posterPixels.getNumBands()).isEqualTo(4);
        for (int q = 0; q < 4; q++) {
            assertInk(coated[q], sample(posterPixels, q), "poster quadrant " + q + " vs transicc");
            assertInk(cotton[q], sample(shirtPixels, q), "shirt quadrant " + q + " vs transicc");
        }

        // Ghostscript prints the PDF/X-4 back to CMYK (device CMYK passed through) at the canvas resolution
        Raster printed = ghostscript(pdf, 300);
        assertThat(printed.getWidth()).isEqualTo(2475);
        for (int q = 0; q < 4; q++) {
            assertInk(sample(posterPixels, q), sample(printed, q), "poster quadrant " + q + " Ghostscript vs TIFF");
        }
        // paper stays paper: the art fills the trim, and the bleed repeats the art outward
        assertInk(sample(posterPixels, 0), new int[]{posterPixels.getSample(5, 5, 0), posterPixels.getSample(5, 5, 1),
                posterPixels.getSample(5, 5, 2), posterPixels.getSample(5, 5, 3)}, "bleed corner");
    }

    private static void assertInk(int[] expected, int[] actual, String what) {
        for (int ch = 0; ch < 4; ch++) {
            assertThat(Math.abs(expected[ch] - actual[ch])).as("%s, channel %s: expected %s, got %s", what,
                    "CMYK".charAt(ch), java.util.Arrays.toString(expected), java.util.Arrays.toString(actual))
                    .isLessThanOrEqualTo(1);
        }
    }

    /** The centre of quadrant q of a canvas: 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right. */
    private static int[] sample(Raster raster, int q) {
        int x = raster.getWidth() * (q % 2 == 0 ? 1 : 3) / 4;
        int y = raster.getHeight() * (q < 2 ? 1 : 3) / 4;
        return raster.getPixel(x, y, new int[raster.getNumBands()]);
    }

    private static byte[] quadrants(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int q = 0; q < 4; q++) {
            g.setColor(new Color(QUADRANTS[q][0], QUADRANTS[q][1], QUADRANTS[q][2]));
            g.fillRect(q % 2 == 0 ? 0 : width / 2, q < 2 ? 0 : height / 2, width / 2, height / 2);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private int[][] transicc(String profile, int intent, boolean bpc) throws Exception {
        int[] rgb = java.util.Arrays.stream(QUADRANTS).flatMapToInt(java.util.Arrays::stream).toArray();
        return Transicc.eightBit(Transicc.run(Transicc.rgbInput(rgb), QUADRANTS.length, 4,
                "-i*sRGB", "-o" + profile, "-t" + intent, bpc ? "-b" : null));
    }

    private Raster ghostscript(Path pdf, int dpi) throws Exception {
        Path out = dir.resolve("gs.tif");
        run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseFastColor", "-sDEVICE=tiff32nc",
                "-r" + dpi, "-sOutputFile=" + out, pdf.toString()), "", "ghostscript");
        return ImageIO.read(out.toFile()).getRaster();
    }

    private String run(List<String> command, String stdin, String debianPackage) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail(command.get(0) + " is not installed: apt-get install " + debianPackage);
        }
        process.getOutputStream().write(stdin.getBytes());
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + ": " + output).isZero();
        return output;
    }

    private static JsonNode file(JsonNode placement, String format) {
        for (JsonNode f : placement.path("printFiles")) {
            if (f.path("format").asText().equals(format)) {
                return f;
            }
        }
        return fail("no " + format + " file in " + placement);
    }

    private Path download(JsonNode printFile, String name) throws Exception {
        // print files answer only to the order system's key (partners have their own API)
        int anonymous = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestInterceptor(new OpenApiConformance()).build().get().uri(printFile.path("href").asText())
                .exchange((request, answer) -> answer.getStatusCode().value());
        assertThat(anonymous).isEqualTo(401);
        ResponseEntity<byte[]> response = http().get().uri(printFile.path("href").asText()).retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        byte[] bytes = response.getBody();
        assertThat(bytes).hasSize(printFile.path("bytes").asInt());
        assertThat(response.getHeaders().getContentLength()).isEqualTo(bytes.length);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo(printFile.path("mediaType").asText());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(sha256).isEqualTo(printFile.path("sha256").asText());
        assertThat(response.getHeaders().getETag()).isEqualTo("\"" + sha256 + "\"");
        // a byte range, a cached copy, a range past the end: each answered as the OpenAPI document says
        String href = printFile.path("href").asText();
        ResponseEntity<byte[]> part = http().get().uri(href).header("Range", "bytes=0-99").retrieve().toEntity(byte[].class);
        assertThat(part.getStatusCode().value()).isEqualTo(206);
        assertThat(part.getBody()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 0, 100));
        assertThat(http().get().uri(href).header("If-None-Match", response.getHeaders().getETag()).retrieve()
                .toEntity(byte[].class).getStatusCode().value()).isEqualTo(304);
        ResponseEntity<String> beyond = http().get().uri(href).header("Range", "bytes=999999999-").retrieve()
                .toEntity(String.class);
        assertThat(beyond.getStatusCode().value()).isEqualTo(416);
        assertThat(beyond.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */" + bytes.length);
        assertThat(beyond.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(beyond.getBody()).path("code").asText())
                .isEqualTo("RANGE_NOT_SATISFIABLE");
        ResponseEntity<String> justPast = http().get().uri(href).header("Range", "bytes=" + bytes.length + "-").retrieve()
                .toEntity(String.class);
        assertThat(justPast.getStatusCode().value()).isEqualTo(416);
        assertThat(justPast.getHeaders().getFirst("Content-Range")).isEqualTo("bytes */" + bytes.length);
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private String upload(byte[] bytes) {
        return new PlatenApi(port, json).upload(bytes, "art.png").path("id").asText();
    }

    /** Waits until every placement has taken its proof lane, or stops early at FAILED so the failure shows at once. */
    private JsonNode waitUntilProofed(String orderId) {
        java.util.function.Predicate<JsonNode> proofed = o -> {
            for (JsonNode p : o.path("placements")) {
                if (!p.hasNonNull("lane")) {
                    return false;
                }
            }
            return true;
        };
        JsonNode order = new PlatenApi(port, json).awaitOrder(orderId, o -> proofed.test(o)
                || o.path("status").asText().equals("FAILED"), Duration.ofSeconds(180));
        assertThat(proofed.test(order)).as(order.toString()).isTrue();
        return order;
    }

}
