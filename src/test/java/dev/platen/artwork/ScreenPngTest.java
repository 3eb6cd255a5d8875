package dev.platen.artwork;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screen PNGs read back by decoders Platen did not write: the JDK's PNG reader for every pixel, and ImageMagick's
 * {@code identify} for the format's own checks (chunk CRCs, the zlib stream, the filters).
 */
class ScreenPngTest {

    @Test
    void aPhotographLikeImageComesBackPixelForPixel() throws IOException {
        BufferedImage image = noisyGradient(BufferedImage.TYPE_INT_RGB, 301, 157, 4);
        assertSamePixels(image, read(ScreenPng.of(image)), false);
    }

    @Test
    void transparencyIsKeptAsRgba() throws IOException {
        BufferedImage image = noisyGradient(BufferedImage.TYPE_INT_ARGB, 120, 90, 9);
        for (int y = 0; y < 90; y++) {
            for (int x = 0; x < 30; x++) {
                image.setRGB(x, y, (x * 8) << 24 | image.getRGB(x, y) & 0xFFFFFF); // an alpha ramp at the left
            }
        }
        BufferedImage back = read(ScreenPng.of(image));
        assertThat(back.getColorModel().hasAlpha()).isTrue();
        assertSamePixels(image, back, true);
    }

    @Test
    void flatArtKeepsDeflatesMatchesAndStaysSmall() throws IOException {
        BufferedImage flat = new BufferedImage(2000, 1000, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 1000; y++) {
            for (int x = 0; x < 2000; x++) {
                flat.setRGB(x, y, x < 1000 ? 0xFFFFFF : 0xE6007E);
            }
        }
        byte[] png = ScreenPng.of(flat);
        // A Huffman code alone could not go below a bit a byte (750 KB); matches take the runs to almost nothing.
        assertThat(png.length).isLessThan(40_000);
        assertSamePixels(flat, read(png), false);
    }

    @Test
    void imageMagickFindsAValidPng() throws Exception {
        Path file = Files.createTempFile("screen", ".png");
        try {
            Files.write(file, ScreenPng.of(noisyGradient(BufferedImage.TYPE_INT_ARGB, 64, 48, 2)));
            Process identify = new ProcessBuilder("identify", "-regard-warnings", "-format", "%m %w %h %[channels]",
                    file.toString()).redirectErrorStream(true).start();
            String said = new String(identify.getInputStream().readAllBytes());
            assertThat(identify.waitFor()).as(said).isZero();
            assertThat(said).startsWith("PNG 64 48 srgba");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static BufferedImage noisyGradient(int type, int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = Math.min(255, x * 255 / width + random.nextInt(6));
                int g = Math.min(255, y * 255 / height + random.nextInt(6));
                int b = (x ^ y) & 0xFF;
                image.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    private static BufferedImage read(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG the JDK reads").isNotNull();
        return image;
    }

    private static void assertSamePixels(BufferedImage expected, BufferedImage actual, boolean alpha) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        int mask = alpha ? 0xFFFFFFFF : 0xFFFFFF;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y) & mask).as("(%d, %d)", x, y).isEqualTo(expected.getRGB(x, y) & mask);
            }
        }
    }
}
