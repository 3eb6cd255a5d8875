package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.encode;
import static dev.platen.artwork.ArtworkFiles.noise;
import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable artwork, and how each is answered. */
class ArtworkRejectionTest {

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    @Test
    void emptyFileIsRejected() {
        Path file = write(dir, "empty.png", new byte[0]);

        ArtworkRejected onHeader = rejected(() -> inspector.readHeader(file));
        ArtworkRejected onDecode = rejected(() -> inspector.decodeFully(file));

        assertThat(onHeader.code()).isEqualTo("EMPTY_FILE");
        assertThat(onHeader.httpStatus()).isEqualTo(422);
        assertThat(onDecode.code()).isEqualTo("EMPTY_FILE");
    }

    @Test
    void randomBytesAreUnsupported() {
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        random[0] = 0x12; // make sure the dice did not roll a magic number

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "random.jpg", random)));

        assertThat(rejection.code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(rejection.httpStatus()).isEqualTo(415);
    }

    @Test
    void gifIsNotAFormatWeAccept() {
        Path file = write(dir, "image.gif", encode(noise(10, 10, BufferedImage.TYPE_INT_RGB), "gif"));

        ArtworkRejected rejection = rejected(() -> inspector.decodeFully(file));

        assertThat(rejection.code()).isEqualTo("UNSUPPORTED_FORMAT");
        assertThat(rejection.httpStatus()).isEqualTo(415);
    }

    @Test
    void svgTextIsUnsupportedWhateverItsName() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "logo.png", svg)));

        assertThat(rejection.code()).isEqualTo("UNSUPPORTED_FORMAT");
    }

    @Test
    void fileBiggerThanTheUploadLimitIsRejectedBeforeReading() {
        ArtworkInspector small = new ArtworkInspector(new ArtworkLimits(1_000, 300_000_000L, 1));
        Path file = write(dir, "rgb.png", encode(noise(64, 64, BufferedImage.TYPE_INT_RGB), "png"));

        ArtworkRejected rejection = rejected(() -> small.readHeader(file));

        assertThat(rejection.code()).isEqualTo("UPLOAD_TOO_LARGE");
        assertThat(rejection.httpStatus()).isEqualTo(413);
    }

    @Test
    void decoderExceptionBecomesCorruptImage() throws IOException {
        byte[] tiff = uncompressedTiff(noise(16, 16, BufferedImage.TYPE_INT_RGB));
        setTiffTag(tiff, 259, 12345); // Compression: a scheme no decoder knows
        Path file = write(dir, "tiff_unknown_compression.tif", tiff);

        ArtworkRejected rejection = rejected(() -> inspector.decodeFully(file));

        assertThat(rejection.code()).isEqualTo("CORRUPT_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
        assertThat(rejection.getCause()).isNotNull();
    }

    @Test
    void unreadableFileIsAServerFaultNotARejection() {
        Path missing = dir.resolve("not_there.png");

        org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                () -> inspector.readHeader(missing));
    }

    private static byte[] uncompressedTiff(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType("None");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Overwrites the inline SHORT value of a tag in the first IFD of a classic TIFF. */
    private static void setTiffTag(byte[] tiff, int tag, int value) {
        ByteBuffer b = ByteBuffer.wrap(tiff).order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = b.getInt(4);
        int count = Short.toUnsignedInt(b.getShort(ifd));
        for (int i = 0; i < count; i++) {
            int entry = ifd + 2 + i * 12;
            if (Short.toUnsignedInt(b.getShort(entry)) == tag) {
                b.putShort(entry + 8, (short) value);
                return;
            }
        }
        throw new IllegalArgumentException("tag " + tag + " not in the first IFD");
    }
}
