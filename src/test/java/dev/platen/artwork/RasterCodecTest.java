package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.encode;
import static dev.platen.artwork.ArtworkFiles.noise;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Colour JPEGs are decoded in R, G, B order and reordered afterwards (for speed): what comes out must be the image
 * the decoder makes on its own, sample for sample and of the same type, whatever the JPEG.
 */
class RasterCodecTest {

    @TempDir
    Path dir;

    @Test
    void aBaselineColourJpegIsTheDecodersOwnImage() throws IOException {
        Path file = write(dir, "baseline.jpg", encode(noise(301, 203, BufferedImage.TYPE_INT_RGB), "jpeg"));

        assertSameAsTheDecoder(file);
    }

    @Test
    void aProgressiveColourJpegIsTheDecodersOwnImage() throws IOException {
        Path file = write(dir, "progressive.jpg",
                ArtworkFiles.progressiveJpeg(noise(257, 190, BufferedImage.TYPE_INT_RGB)));

        assertSameAsTheDecoder(file);
    }

    @Test
    void aJpegCutShortIsTheDecodersOwnImageWithItsWarning() throws IOException {
        byte[] whole = encode(noise(320, 240, BufferedImage.TYPE_INT_RGB), "jpeg");
        Path file = write(dir, "cut.jpg", Arrays.copyOf(whole, whole.length * 2 / 3));

        RasterCodec.Frame frame = assertSameAsTheDecoder(file);
        assertThat(frame.truncation()).isPresent();
    }

    @Test
    void aGreyJpegIsDecodedAsTheDecoderChooses() throws IOException {
        Path file = write(dir, "grey.jpg", encode(noise(128, 96, BufferedImage.TYPE_BYTE_GRAY), "jpeg"));

        RasterCodec.Frame frame = assertSameAsTheDecoder(file);
        assertThat(frame.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"icc_adobergb_banner.jpg", "icc_displayp3_derived_life.jpg", "exif_orient_Landscape_6.jpg",
            "photo_mate_LadyBird.jpg"})
    void aTaggedOrRotatedPhotoIsTheDecodersOwnImage(String name) throws IOException {
        assertSameAsTheDecoder(Path.of("../shared/corpus/good", name));
    }

    private static RasterCodec.Frame assertSameAsTheDecoder(Path file) throws IOException {
        RasterCodec.Frame frame = RasterCodec.decodeFirstFrame(file, ArtworkFormat.JPEG);
        BufferedImage own = decoderAlone(file);

        BufferedImage image = frame.image();
        assertThat(image.getType()).isEqualTo(own.getType());
        assertThat(image.getColorModel()).isEqualTo(own.getColorModel());
        assertThat(image.getRaster().getSampleModel()).isEqualTo(own.getRaster().getSampleModel());
        assertThat(((DataBufferByte) image.getRaster().getDataBuffer()).getData())
                .isEqualTo(((DataBufferByte) own.getRaster().getDataBuffer()).getData());
        return frame;
    }

    /** The first registered decoder's image, read as ImageIO reads any file. */
    private static BufferedImage decoderAlone(Path file) throws IOException {
        return ImageIO.read(file.toFile());
    }
}
