package dev.platen.artwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Art read as streamed rows must be the same pixels as art decoded whole, row for row, whatever the file's profile
 * or colour; art that cannot be streamed (progressive, turned by EXIF, CMYK) is decoded whole as before. The corpus
 * is read in place.
 */
class StreamedRowsTest {

    private static final Path CORPUS = Path.of("../shared/corpus/good");
    private final ArtworkInspector inspector = new ArtworkInspector(ArtworkLimits.defaults());

    static Stream<Arguments> sequentialJpegs() {
        // All sequential (baseline) files, with and without a profile, RGB and grey, EXIF orientation 1 or none.
        return Stream.of("photo_mate_LadyBird.jpg", "icc_adobergb_banner.jpg", "icc_displayp3_derived_life.jpg",
                "gray_sample_graygamma.jpg", "gray_photo_jfif_thumb_2547.jpg", "photo_plasma_Grey_2560x1600.jpg",
                "photo_camera_sony_dsc_p150_exif_thumb.jpg", "photo_sharp_iptc_xmp_srgb.jpg").map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("sequentialJpegs")
    void streamedRowsAreTheWholeDecodesPixels(String name) throws Exception {
        Path file = CORPUS.resolve(name);
        ArtworkPixels whole = inspector.pixels(file, 72);
        ArtworkPixels streamed = inspector.pixelsInRows(file, 72);
        assertThat(streamed.image().getRaster()).as(name).isInstanceOf(StreamedRows.class);
        try (StreamedRows rows = (StreamedRows) streamed.image().getRaster()) {
            assertThat(streamed.samples()).isEqualTo(whole.samples());
            assertThat(streamed.iccProfile()).isEqualTo(whole.iccProfile());
            BufferedImage image = whole.image();
            int w = image.getWidth();
            int bands = image.getRaster().getNumBands();
            assertThat(rows.getWidth()).isEqualTo(w);
            assertThat(rows.getHeight()).isEqualTo(image.getHeight());
            rows.reserve(4);
            for (int y = 0; y < image.getHeight(); y++) {
                byte[] expected = (byte[]) image.getRaster().getDataElements(0, y, w, 1, null);
                byte[] actual = (byte[]) rows.getDataElements(0, y, w, 1, null);
                assertThat(actual).as("%s row %d (%d bands)", name, y, bands).isEqualTo(expected);
                rows.release(y + 1);
            }
        }
    }

    @Test
    void aReleasedRowIsRefusedRatherThanAnotherRowGivenInItsPlace() throws Exception {
        Path file = CORPUS.resolve("photo_mate_LadyBird.jpg");
        try (StreamedRows rows = (StreamedRows) inspector.pixelsInRows(file, 72).image().getRaster()) {
            rows.reserve(8);
            Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                for (int y = 0; y < 100; y++) {
                    rows.getDataElements(0, y, rows.getWidth(), 1, null);
                    rows.release(y - 2);
                }
            }, "a ring of 8 rows with rows released as they are read must not stall");
            assertThatThrownBy(() -> rows.getDataElements(0, 10, 1, 1, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("released");
        }
    }

    @Test
    void closingStopsTheDecoderHalfWay() throws Exception {
        Path file = CORPUS.resolve("photo_mate_LadyBird.jpg");
        StreamedRows rows = (StreamedRows) inspector.pixelsInRows(file, 72).image().getRaster();
        rows.reserve(4);
        rows.getDataElements(0, 0, 1, 1, null);
        rows.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("art-rows-")
                && t.getName().endsWith(file.getFileName().toString()) && t.isAlive());
        assertThatThrownBy(() -> rows.getDataElements(0, 50, 1, 1, null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void progressiveTurnedAndCmykJpegsAreDecodedWhole(@TempDir Path dir) throws Exception {
        BufferedImage picture = inspector.pixels(CORPUS.resolve("photo_sharp_iptc_xmp_srgb.jpg"), 72).image();
        Path progressive = dir.resolve("progressive.jpg");
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(progressive))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(picture, null, null), param);
        } finally {
            writer.dispose();
        }
        for (Path file : new Path[] {progressive, CORPUS.resolve("photo_lomiri_Bridge_by_Sander_Klootwijk.jpg"),
                CORPUS.resolve("exif_orient_Landscape_6.jpg"),
                CORPUS.resolve("cmyk_jpeg_no_icc.jpg")}) {
            ArtworkPixels pixels = inspector.pixelsInRows(file, 72);
            assertThat(pixels.image().getRaster()).as(file.getFileName().toString())
                    .isNotInstanceOf(StreamedRows.class);
            assertThat(pixels.image().getWidth()).isEqualTo(inspector.pixels(file, 72).image().getWidth());
        }
    }
}
