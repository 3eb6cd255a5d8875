package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.prefix;
import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TwelveMonkeys reads WebP but cannot write it, so these fixtures are committed under
 * {@code src/test/resources/artwork/}. They were made with ImageMagick 6.9 (libwebp 1.2.4) from images made on
 * the spot, no outside pictures:
 * <pre>
 * convert -size 48x32 gradient:'#cc0000'-'#0000cc' frame1.png
 * convert -size 48x32 gradient:'#00cc00'-'#cccc00' frame2.png
 * convert frame1.png -quality 80 -define webp:lossless=false webp_lossy_48x32.webp
 * convert frame1.png -alpha set -channel A -evaluate set 50% +channel -define webp:lossless=true \
 *         webp_lossless_alpha_48x32.webp
 * convert -delay 10 frame1.png frame2.png -loop 0 -define webp:lossless=false -quality 60 \
 *         webp_animated_2frames_48x32.webp
 * </pre>
 */
class WebpArtworkTest {

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    @Test
    void lossyWebp() throws IOException {
        Path file = fixture("webp_lossy_48x32.webp");

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.format()).isEqualTo(ArtworkFormat.WEBP);
        assertThat(header.widthPx()).isEqualTo(48);
        assertThat(header.heightPx()).isEqualTo(32);
        assertThat(header.colorSpace()).isEqualTo("RGB");
        assertThat(header.bitsPerSample()).isEqualTo(8);
        assertThat(header.alpha()).isFalse();
        assertThat(header.findings()).isEmpty();
        assertThat(decoded.decodedWidthPx()).isEqualTo(48);
        assertThat(decoded.decodedHeightPx()).isEqualTo(32);
        assertThat(decoded.agreesWithHeader()).isTrue();
    }

    @Test
    void losslessWebpWithAlpha() throws IOException {
        ArtworkHeader header = inspector.readHeader(fixture("webp_lossless_alpha_48x32.webp"));

        assertThat(header.alpha()).isTrue();
        assertThat(header.widthPx()).isEqualTo(48);
    }

    @Test
    void animatedWebpUsesTheFirstFrameWithAFinding() throws IOException {
        Path file = fixture("webp_animated_2frames_48x32.webp");

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.widthPx()).isEqualTo(48);
        assertThat(header.heightPx()).isEqualTo(32);
        assertThat(header.findings()).extracting(Finding::code).containsExactly("FIRST_FRAME_ONLY");
        assertThat(inspector.decodeFully(file).agreesWithHeader()).isTrue();
    }

    @Test
    void canvasLargerThanItsFrameDecodesToAnotherSizeThanTheHeaderSays() throws IOException {
        byte[] webp = resource("webp_animated_2frames_48x32.webp");
        // VP8X canvas width-1 and height-1 are 24-bit little-endian at offsets 24 and 27: claim 96x64.
        webp[24] = 95;
        webp[27] = 63;
        Path file = write(dir, "webp_canvas_96x64_frames_48x32.webp", webp);

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.widthPx()).isEqualTo(96);
        assertThat(header.heightPx()).isEqualTo(64);
        assertThat(header.findings()).extracting(Finding::code)
                .contains("HEADER_DISAGREES_WITH_DECODER");
        assertThat(decoded.decodedWidthPx()).isEqualTo(48);
        assertThat(decoded.decodedHeightPx()).isEqualTo(32);
        assertThat(decoded.agreesWithHeader()).isFalse();
    }

    @Test
    void webpCutShortIsTruncated() throws IOException {
        byte[] webp = resource("webp_lossy_48x32.webp");

        ArtworkRejected rejection = rejected(() ->
                inspector.readHeader(write(dir, "cut.webp", prefix(webp, webp.length - 20))));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void webpBytesNamedPngAreReadAsWebp() throws IOException {
        Path file = write(dir, "really_a_webp.png", resource("webp_lossy_48x32.webp"));

        assertThat(inspector.readHeader(file).format()).isEqualTo(ArtworkFormat.WEBP);
    }

    private Path fixture(String name) throws IOException {
        return write(dir, name, resource(name));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebpArtworkTest.class.getResourceAsStream("/artwork/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
