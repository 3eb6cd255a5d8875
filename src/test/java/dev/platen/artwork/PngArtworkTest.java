package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.afterIhdr;
import static dev.platen.artwork.ArtworkFiles.encode;
import static dev.platen.artwork.ArtworkFiles.noise;
import static dev.platen.artwork.ArtworkFiles.pngChunk;
import static dev.platen.artwork.ArtworkFiles.prefix;
import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Alone in the test JVM: one test measures the heap's growth and the time of a refusal, which a test class running
// beside it would add to.
@Isolated
class PngArtworkTest {

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    @Test
    void eightBitRgbPng() {
        ArtworkHeader header = inspector.readHeader(
                write(dir, "rgb_8bit.png", encode(noise(64, 32, BufferedImage.TYPE_INT_RGB), "png")));

        assertThat(header.format()).isEqualTo(ArtworkFormat.PNG);
        assertThat(header.widthPx()).isEqualTo(64);
        assertThat(header.heightPx()).isEqualTo(32);
        assertThat(header.colorSpace()).isEqualTo("RGB");
        assertThat(header.bitsPerSample()).isEqualTo(8);
        assertThat(header.alpha()).isFalse();
        assertThat(header.fileDpi()).isNull();
        assertThat(header.findings()).isEmpty();
    }

    @Test
    void sixteenBitGrayPng() {
        BufferedImage gray16 = new BufferedImage(30, 20, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(3, 3, 0, 65535);

        ArtworkHeader header = inspector.readHeader(write(dir, "gray_16bit.png", encode(gray16, "png")));

        assertThat(header.colorSpace()).isEqualTo("GRAY");
        assertThat(header.bitsPerSample()).isEqualTo(16);
        assertThat(header.alpha()).isFalse();
    }

    @Test
    void paletteWithTransparentEntryHasAlpha() {
        byte[] reds = {(byte) 255, 0, 0, (byte) 128};
        byte[] greens = {0, (byte) 255, 0, (byte) 128};
        byte[] blues = {0, 0, (byte) 255, (byte) 128};
        // Index 3 is fully transparent: the JDK writer stores it in a tRNS chunk.
        IndexColorModel palette = new IndexColorModel(2, 4, reds, greens, blues, 3);
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_BINARY, palette);
        image.getRaster().setSample(0, 0, 0, 3);
        byte[] png = encode(image, "png");
        assertThat(ArtworkFiles.indexOf(png, "tRNS".getBytes(StandardCharsets.US_ASCII))).isPositive();

        ArtworkHeader header = inspector.readHeader(write(dir, "palette_2bit_trns.png", png));

        assertThat(header.colorSpace()).isEqualTo("RGB");
        assertThat(header.alpha()).isTrue();
        assertThat(header.bitsPerSample()).isEqualTo(8);
    }

    @Test
    void paletteWithoutTransparencyHasNoAlpha() {
        IndexColorModel palette = new IndexColorModel(1, 2, new byte[] {0, -1}, new byte[] {0, -1},
                new byte[] {0, -1});
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_BINARY, palette);

        ArtworkHeader header = inspector.readHeader(write(dir, "palette_opaque.png", encode(image, "png")));

        assertThat(header.alpha()).isFalse();
    }

    @Test
    void rgbaPngHasAlphaAndDecodes() {
        Path file = write(dir, "rgba.png", encode(noise(50, 40, BufferedImage.TYPE_INT_ARGB), "png"));

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.alpha()).isTrue();
        assertThat(header.colorSpace()).isEqualTo("RGB");
        assertThat(decoded.decodedWidthPx()).isEqualTo(50);
        assertThat(decoded.decodedHeightPx()).isEqualTo(40);
        assertThat(decoded.agreesWithHeader()).isTrue();
    }

    @Test
    void physicalPixelDensityIsReadAsDpi() {
        // 11811 pixels per metre is 300 dpi (11811 * 0.0254 = 299.9994).
        byte[] phys = ByteBuffer.allocate(9).putInt(11811).putInt(5906).put((byte) 1).array();
        byte[] png = afterIhdr(encode(noise(20, 20, BufferedImage.TYPE_INT_RGB), "png"), pngChunk("pHYs", phys));

        Resolution dpi = inspector.readHeader(write(dir, "rgb_phys_300dpi.png", png)).fileDpi();

        assertThat(dpi.x()).isCloseTo(300, within(0.01));
        assertThat(dpi.y()).isCloseTo(150, within(0.02));
    }

    @Test
    void embeddedIccpProfileIsDescribed() {
        byte[] iccp = iccpChunk(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        byte[] png = afterIhdr(encode(noise(20, 20, BufferedImage.TYPE_INT_RGB), "png"), iccp);

        ArtworkHeader header = inspector.readHeader(write(dir, "rgb_iccp_srgb.png", png));

        assertThat(header.iccProfileDescription()).isEqualTo("sRGB built-in");
        assertThat(header.findings()).isEmpty();
    }

    @Test
    void iccpProfileThatIsNotAProfileIsAFinding() {
        byte[] iccp = iccpChunk("this is not an ICC profile".repeat(10).getBytes(StandardCharsets.US_ASCII));
        byte[] png = afterIhdr(encode(noise(20, 20, BufferedImage.TYPE_INT_RGB), "png"), iccp);

        ArtworkHeader header = inspector.readHeader(write(dir, "rgb_iccp_garbage.png", png));

        assertThat(header.iccProfileDescription()).isNull();
        assertThat(header.findings()).extracting(Finding::code).containsExactly("ICC_PROFILE_INVALID");
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {12, 30, 40, 2000, 9000})
    void pngCutShortIsTruncatedFromTheHeader(int length) {
        byte[] png = encode(noise(100, 100, BufferedImage.TYPE_INT_RGB), "png");
        assertThat(png.length).isGreaterThan(9000 + 12);

        ArtworkRejected rejection = rejected(() ->
                inspector.readHeader(write(dir, "cut.png", prefix(png, length))));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void pngWithoutItsEndChunkIsTruncated() {
        byte[] png = encode(noise(100, 100, BufferedImage.TYPE_INT_RGB), "png");

        ArtworkRejected rejection = rejected(() ->
                inspector.decodeFully(write(dir, "no_iend.png", prefix(png, png.length - 12))));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
    }

    @Test
    void headerWithBadChecksumIsCorrupt() {
        byte[] png = encode(noise(20, 20, BufferedImage.TYPE_INT_RGB), "png");
        png[16 + 3] ^= 1; // one bit of the width, covered by the IHDR CRC

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "ihdr_bad_crc.png", png)));

        assertThat(rejection.code()).isEqualTo("CORRUPT_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void pngBytesNamedJpgAreReadAsPng() {
        Path file = write(dir, "really_a_png.jpg", encode(noise(20, 10, BufferedImage.TYPE_INT_RGB), "png"));

        assertThat(inspector.readHeader(file).format()).isEqualTo(ArtworkFormat.PNG);
        assertThat(inspector.decodeFully(file).decodedWidthPx()).isEqualTo(20);
    }

    @Test
    void animatedPngUsesTheFirstFrameWithAFinding() {
        // acTL: 3 frames, played once (APNG 1.0). The default image (IDAT) is the first frame; the rest are fdAT.
        byte[] actl = java.nio.ByteBuffer.allocate(8).putInt(3).putInt(1).array();
        byte[] apng = ArtworkFiles.afterIhdr(ArtworkFiles.encode(ArtworkFiles.noise(12, 8,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png"), ArtworkFiles.pngChunk("acTL", actl));
        Path file = write(dir, "animated.png", apng);

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.findings()).extracting(Finding::code).containsExactly("FIRST_FRAME_ONLY");
        assertThat(decoded.decodedWidthPx()).isEqualTo(12);
    }

    @Test
    void headerDeclaring50000By50000IsRejectedBeforeDecoding() {
        Path file = write(dir, "ihdr_50000x50000.png", pngDeclaring(50_000, 50_000));
        Runtime runtime = Runtime.getRuntime();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();

        ArtworkRejected rejection = rejected(() -> inspector.decodeFully(file));

        long millis = (System.nanoTime() - start) / 1_000_000;
        long grownBytes = (runtime.totalMemory() - runtime.freeMemory()) - usedBefore;
        assertThat(rejection.code()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(rejection.httpStatus()).isEqualTo(413);
        assertThat(millis).isLessThan(2_000);
        // Decoding would need 2.5 GB for the gray pixels alone; the header check allocates next to nothing.
        assertThat(grownBytes).isLessThan(64L << 20);
    }

    @Test
    void smallerLimitRejectsWhatTheDefaultAccepts() {
        ArtworkInspector strict = new ArtworkInspector(new ArtworkLimits(200_000_000L, 1_000, 1));
        Path file = write(dir, "rgb_40x40.png", encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "png"));

        assertThat(inspector.readHeader(file).widthPx()).isEqualTo(40);
        assertThat(rejected(() -> strict.readHeader(file)).code()).isEqualTo("IMAGE_TOO_LARGE");
    }

    @Test
    void impossibleSizeIsRefusedByTheHeapEvenWithTheLimitsLifted() {
        // With the pixel and decoded-byte limits lifted, the budget the heap gives each decoder thread still
        // refuses 4 GiB of samples before the decoder allocates them.
        ArtworkLimits d = ArtworkLimits.defaults();
        ArtworkInspector unlimited = new ArtworkInspector(new ArtworkLimits(200_000_000L, Long.MAX_VALUE, 1,
                Long.MAX_VALUE, d.maxPdfStreamBytes(), d.maxPdfDocumentBytes(), d.maxPdfObjectDepth(), d.timeLimit(),
                d.renderTimeLimit(), 1, 0));
        Path file = write(dir, "ihdr_65536x65536.png", pngDeclaring(65_536, 65_536));

        ArtworkRejected rejection = rejected(() -> unlimited.decodeFully(file));

        assertThat(rejection.code()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(rejection.httpStatus()).isEqualTo(413);
        assertThat(rejection.getMessage()).contains("65536x65536");
    }

    /** A gray 8-bit PNG whose IHDR declares the size, with one tiny IDAT: valid structure, impossible pixels. */
    private static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(pngChunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        png.writeBytes(pngChunk("IDAT", deflate(new byte[1024])));
        png.writeBytes(pngChunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] iccpChunk(byte[] profile) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes("test profile\0".getBytes(StandardCharsets.US_ASCII));
        data.write(0); // compression method 0: zlib
        data.writeBytes(deflate(profile));
        return pngChunk("iCCP", data.toByteArray());
    }

    private static byte[] deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
