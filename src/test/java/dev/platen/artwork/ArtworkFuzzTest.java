package dev.platen.artwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for every artwork format. In {@code ./mvnw verify} they run in regression mode over the seed
 * corpus under {@code src/test/resources/dev/platen/artwork/ArtworkFuzzTestInputs/}, which {@link FuzzSeeds} makes;
 * with {@code JAZZER_FUZZ=1} one target at a time is fuzzed (see the README's "Fuzzing").
 *
 * <p>Each input goes twice: to the format's own header walker, which may refuse it only with an
 * {@link ArtworkRejected} (any other exception is a bug in the walker, even though the inspector would hide it as
 * a 422), and through the inspector's header, full decode and pixels, which may end only in an answer or an
 * {@link ArtworkRejected}. The limits are small so that each input decodes in milliseconds.
 */
class ArtworkFuzzTest {

    private static final ArtworkLimits SMALL = new ArtworkLimits(10_000_000L, 4_000_000L, 1, 64L << 20,
            16L << 20, 64L << 20, 128, Duration.ofSeconds(5), Duration.ofSeconds(5), 1, 4);
    private static final ArtworkInspector INSPECTOR = new ArtworkInspector(SMALL);

    @FuzzTest(maxDuration = "3m")
    void jpeg(byte[] input) {
        walker(() -> JpegSegments.read(ByteBuffer.wrap(input)));
        inspect(input);
    }

    @FuzzTest(maxDuration = "3m")
    void png(byte[] input) {
        walker(() -> PngChunks.read(ByteBuffer.wrap(input)));
        inspect(input);
    }

    @FuzzTest(maxDuration = "3m")
    void tiff(byte[] input) {
        walker(() -> TiffFacts.read(ByteBuffer.wrap(input)));
        walker(() -> Exif.read(ByteBuffer.wrap(input), new ArrayList<>()));
        inspect(input);
    }

    @FuzzTest(maxDuration = "3m")
    void webp(byte[] input) {
        walker(() -> WebpChunks.read(ByteBuffer.wrap(input)));
        inspect(input);
    }

    @FuzzTest(maxDuration = "3m")
    void pdf(byte[] input) {
        inspect(input);
    }

    /**
     * Embedded profiles are described, or reported as invalid in a finding; describing one never throws. (A valid
     * profile may have no description: the first fuzzing run found one, now a regression input.)
     */
    @FuzzTest(maxDuration = "3m")
    void iccProfile(byte[] input) {
        List<Finding> findings = new ArrayList<>();
        String description = IccProfile.describe(input, findings);
        assertThat(findings).allSatisfy(f -> assertThat(f.code()).isEqualTo(IccProfile.INVALID));
        assertThat(description == null || !description.isBlank()).isTrue();
    }

    private static void walker(Runnable walk) {
        try {
            walk.run();
        } catch (ArtworkRejected expected) {
            assertThat(expected.httpStatus()).isBetween(400, 499);
        }
    }

    private static void inspect(byte[] input) {
        Path file;
        try {
            file = Files.createTempFile("fuzz", ".bin");
            Files.write(file, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            INSPECTOR.readHeader(file);
            INSPECTOR.decodeFully(file);
            INSPECTOR.pixels(file, 36);
        } catch (ArtworkRejected expected) {
            assertThat(expected.httpStatus()).isBetween(400, 499);
            assertThat(expected.code()).matches("[A-Z0-9_]+");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind
            }
        }
    }
}
