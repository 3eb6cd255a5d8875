package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.afterSoi;
import static dev.platen.artwork.ArtworkFiles.encode;
import static dev.platen.artwork.ArtworkFiles.exifOrientation;
import static dev.platen.artwork.ArtworkFiles.jpegSegment;
import static dev.platen.artwork.ArtworkFiles.noise;
import static dev.platen.artwork.ArtworkFiles.prefix;
import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegArtworkTest {

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    @Test
    void rgbJpegReportsItsJfifDensityInDotsPerInch() {
        byte[] jpeg = ArtworkFiles.withJfifDensity(encode(noise(120, 80, BufferedImage.TYPE_INT_RGB), "jpeg"),
                1, 300, 300);

        ArtworkHeader header = inspector.readHeader(write(dir, "rgb_jfif_300dpi.jpg", jpeg));

        assertThat(header.format()).isEqualTo(ArtworkFormat.JPEG);
        assertThat(header.widthPx()).isEqualTo(120);
        assertThat(header.heightPx()).isEqualTo(80);
        assertThat(header.colorSpace()).isEqualTo("RGB");
        assertThat(header.bitsPerSample()).isEqualTo(8);
        assertThat(header.alpha()).isFalse();
        assertThat(header.fileDpi()).isEqualTo(new Resolution(300, 300));
        assertThat(header.exifOrientation()).isEqualTo(1);
        assertThat(header.pdf()).isNull();
        assertThat(header.findings()).isEmpty();
    }

    @Test
    void jfifDensityInDotsPerCentimetreIsConvertedToInches() {
        byte[] jpeg = ArtworkFiles.withJfifDensity(encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg"),
                2, 118, 59);

        Resolution dpi = inspector.readHeader(write(dir, "rgb_jfif_118dpcm.jpg", jpeg)).fileDpi();

        assertThat(dpi.x()).isCloseTo(299.72, within(0.01));
        assertThat(dpi.y()).isCloseTo(149.86, within(0.01));
    }

    @Test
    void jfifAspectRatioOnlyMeansNoResolution() {
        // The JDK writer's default APP0 says units 0, density 1:1: a pixel aspect ratio, not a resolution.
        byte[] jpeg = encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg");

        assertThat(inspector.readHeader(write(dir, "rgb_jfif_aspect_only.jpg", jpeg)).fileDpi()).isNull();
    }

    @Test
    void grayscaleJpegIsGray() {
        byte[] jpeg = encode(noise(64, 48, BufferedImage.TYPE_BYTE_GRAY), "jpeg");

        ArtworkHeader header = inspector.readHeader(write(dir, "gray.jpg", jpeg));

        assertThat(header.colorSpace()).isEqualTo("GRAY");
        assertThat(header.widthPx()).isEqualTo(64);
        assertThat(header.bitsPerSample()).isEqualTo(8);
    }

    @Test
    void fourComponentJpegIsCmykAndDecodes() throws IOException {
        Path file = write(dir, "cmyk_4_components.jpg", cmykJpeg(72, 40));

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.colorSpace()).isEqualTo("CMYK");
        assertThat(header.widthPx()).isEqualTo(72);
        assertThat(header.heightPx()).isEqualTo(40);
        assertThat(decoded.decodedWidthPx()).isEqualTo(72);
        assertThat(decoded.agreesWithHeader()).isTrue();
    }

    @Test
    void exifOrientationSixSwapsWidthAndHeight() {
        byte[] jpeg = afterSoi(encode(noise(90, 30, BufferedImage.TYPE_INT_RGB), "jpeg"), exifOrientation(6));
        Path file = write(dir, "exif_orientation_6_stored_90x30.jpg", jpeg);

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.exifOrientation()).isEqualTo(6);
        assertThat(header.widthPx()).isEqualTo(30);
        assertThat(header.heightPx()).isEqualTo(90);
        assertThat(decoded.decodedWidthPx()).isEqualTo(30);
        assertThat(decoded.decodedHeightPx()).isEqualTo(90);
        assertThat(decoded.agreesWithHeader()).isTrue();
    }

    @Test
    void exifOrientationThreeKeepsWidthAndHeight() {
        byte[] jpeg = afterSoi(encode(noise(90, 30, BufferedImage.TYPE_INT_RGB), "jpeg"), exifOrientation(3));

        ArtworkHeader header = inspector.readHeader(write(dir, "exif_orientation_3.jpg", jpeg));

        assertThat(header.exifOrientation()).isEqualTo(3);
        assertThat(header.widthPx()).isEqualTo(90);
        assertThat(header.heightPx()).isEqualTo(30);
    }

    @Test
    void embeddedIccProfileIsDescribed() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] jpeg = afterSoi(encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg"), iccSegment(1, 1, profile));

        ArtworkHeader header = inspector.readHeader(write(dir, "rgb_with_jdk_srgb_profile.jpg", jpeg));

        assertThat(header.iccProfileDescription()).isEqualTo("sRGB built-in");
        assertThat(header.findings()).isEmpty();
    }

    @Test
    void malformedIccProfileIsAFindingNotARejection() {
        byte[] garbage = new byte[400];
        garbage[3] = (byte) 200; // declares 200 bytes, has no 'acsp' signature
        byte[] jpeg = afterSoi(encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg"), iccSegment(1, 1, garbage));
        Path file = write(dir, "rgb_with_garbage_profile.jpg", jpeg);

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.iccProfileDescription()).isNull();
        assertThat(header.findings()).extracting(Finding::code).containsExactly("ICC_PROFILE_INVALID");
        assertThat(inspector.decodeFully(file).decodedWidthPx()).isEqualTo(40);
    }

    @Test
    void iccProfileChunkMissingFromASequenceIsInvalid() {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] firstHalf = prefix(profile, profile.length / 2);
        byte[] jpeg = afterSoi(encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg"),
                iccSegment(1, 2, firstHalf));

        ArtworkHeader header = inspector.readHeader(write(dir, "rgb_profile_chunk_2_of_2_missing.jpg", jpeg));

        assertThat(header.iccProfileDescription()).isNull();
        assertThat(header.findings()).extracting(Finding::code).containsExactly("ICC_PROFILE_INVALID");
    }

    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(ints = {3, 10, 21, 100})
    void jpegCutInsideItsHeaderIsTruncated(int length) {
        byte[] jpeg = encode(noise(200, 200, BufferedImage.TYPE_INT_RGB), "jpeg");

        ArtworkRejected rejection = rejected(() ->
                inspector.readHeader(write(dir, "cut_header.jpg", prefix(jpeg, length))));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @ParameterizedTest(name = "cut at {0}% of the scan data")
    @ValueSource(ints = {1, 50, 95})
    void jpegCutInsideItsScanDataDecodesWithATruncationFinding(int percent) {
        // The decoder still makes a picture of the full size (libjpeg paints what is missing grey), so the file is
        // not rejected: it carries TRUNCATED_IMAGE, which the quality checks turn into a PROBLEM for an operator.
        byte[] jpeg = encode(noise(200, 200, BufferedImage.TYPE_INT_RGB), "jpeg");
        int scan = ArtworkFiles.scanDataStart(jpeg);
        int length = scan + (jpeg.length - scan) * percent / 100;
        Path file = write(dir, "cut_scan.jpg", prefix(jpeg, length));

        // Only the headers are read here, and they are whole.
        assertThat(inspector.readHeader(file).widthPx()).isEqualTo(200);
        DecodedArtwork decoded = inspector.decodeFully(file);
        assertThat(decoded.decodedWidthPx()).isEqualTo(200);
        assertThat(decoded.findings()).extracting(Finding::code).contains(Finding.TRUNCATED_IMAGE)
                .doesNotContain("DECODER_WARNING");
        ArtworkPixels pixels = inspector.pixels(file, 150);
        assertThat(pixels.image().getWidth()).isEqualTo(200);
        assertThat(pixels.findings()).filteredOn(f -> f.code().equals(Finding.TRUNCATED_IMAGE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("cut short"));
    }

    @Test
    void aProgressiveJpegCutShortKeepsItsCoarseScansAndIsFlagged() {
        // a progressive JPEG sends the whole picture coarsely first: cut at 45 % it decodes to a full-size, blurred
        // picture with no grey at all, which is exactly the case that must not pass as a good photo
        byte[] jpeg = ArtworkFiles.progressiveJpeg(noise(320, 240, BufferedImage.TYPE_INT_RGB));
        Path file = write(dir, "cut_progressive.jpg", prefix(jpeg, jpeg.length * 45 / 100));

        ArtworkPixels pixels = inspector.pixels(file, 150);

        assertThat(pixels.image().getWidth()).isEqualTo(320);
        assertThat(pixels.findings()).extracting(Finding::code).contains(Finding.TRUNCATED_IMAGE);
        assertThat(pixels.coding()).isEqualTo(PixelCoding.JPEG);
    }

    @Test
    void wholeJpegDecodesToItsHeaderSize() {
        Path file = write(dir, "whole.jpg", encode(noise(200, 120, BufferedImage.TYPE_INT_RGB), "jpeg"));

        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(decoded.decodedWidthPx()).isEqualTo(200);
        assertThat(decoded.decodedHeightPx()).isEqualTo(120);
        assertThat(decoded.agreesWithHeader()).isTrue();
        assertThat(decoded.header().widthPx()).isEqualTo(200);
    }

    @Test
    void scanBeforeFrameHeaderIsCorrupt() {
        byte[] jpeg = encode(noise(40, 40, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] sosFirst = afterSoi(jpeg, jpegSegment(0xDA, new byte[] {1, 1, 0, 0, 63, 0}));

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "sos_before_sof.jpg", sosFirst)));

        assertThat(rejection.code()).isEqualTo("CORRUPT_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    private static byte[] iccSegment(int sequence, int count, byte[] profileChunk) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        body.write(sequence);
        body.write(count);
        body.writeBytes(profileChunk);
        return jpegSegment(0xE2, body.toByteArray());
    }

    /** The JDK writer stores a four-band raster as a four-component JPEG with no colour conversion: CMYK. */
    private static byte[] cmykJpeg(int width, int height) throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x * 3, y * 5, (x + y) % 256, 20});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
