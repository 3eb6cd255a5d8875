package dev.platen.artwork;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The pixels handed to rendering: upright, in the file's own samples, PDFs rendered at the asked resolution. */
class ArtworkPixelsTest {

    @TempDir
    Path dir;

    /** A 40 x 20 image: red left half, blue right half, a green pixel in the top-left corner. */
    private static BufferedImage marked() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        image.setRGB(0, 0, 0x00FF00);
        return image;
    }

    @Test
    void exifOrientationSixTurnsThePixelsClockwise() {
        // a JPEG carrying Exif orientation 6; JPEG blurs the colours a little, so the halves are checked, not pixels
        byte[] jpeg = ArtworkFiles.afterSoi(ArtworkFiles.encode(marked(), "jpg"), ArtworkFiles.exifOrientation(6));
        ArtworkPixels pixels = ArtworkFiles.inspector().pixels(ArtworkFiles.write(dir, "turned.jpg", jpeg), 0);

        BufferedImage upright = pixels.image();
        assertThat(upright.getWidth()).isEqualTo(20);
        assertThat(upright.getHeight()).isEqualTo(40);
        // turned 90° clockwise: the stored left (red) half is now the top, the right (blue) half the bottom
        assertThat(red(upright.getRGB(10, 5))).isGreaterThan(200);
        assertThat(blue(upright.getRGB(10, 35))).isGreaterThan(200);
        assertThat(pixels.samples()).isEqualTo("RGB");
    }

    @Test
    void withoutOrientationThePixelsStayAsStored() {
        ArtworkPixels pixels = ArtworkFiles.inspector().pixels(
                ArtworkFiles.write(dir, "plain.png", ArtworkFiles.encode(marked(), "png")), 0);
        assertThat(pixels.image().getWidth()).isEqualTo(40);
        assertThat(pixels.image().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(pixels.image().getRGB(30, 10) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(pixels.iccProfile()).isNull();
    }

    @Test
    void aPdfPageIsRenderedAtTheAskedResolution() throws IOException {
        Path pdf = dir.resolve("vector.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(4 * 72, 2 * 72)); // 4 x 2 in
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.setNonStrokingColor(0f, 0f, 1f);
                content.addRect(0, 0, 2 * 72, 2 * 72);
                content.fill();
            }
            document.save(pdf.toFile());
        }
        ArtworkPixels pixels = ArtworkFiles.inspector().pixels(pdf, 150);
        assertThat(pixels.image().getWidth()).isEqualTo(600);
        assertThat(pixels.image().getHeight()).isEqualTo(300);
        assertThat(blue(pixels.image().getRGB(100, 150))).isGreaterThan(200);
        assertThat(pixels.image().getRGB(500, 150) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(pixels.iccProfile()).isNotNull();
    }

    @Test
    void renderingAPdfPastThePixelLimitIsRefusedBeforeRendering() throws IOException {
        Path pdf = dir.resolve("big.pdf");
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(new PDRectangle(200 * 72, 200 * 72)));
            document.save(pdf.toFile());
        }
        ArtworkRejected rejected = ArtworkFiles.rejected(() -> ArtworkFiles.inspector().pixels(pdf, 300));
        assertThat(rejected.code()).isEqualTo("IMAGE_TOO_LARGE");
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void rasterPixelsSayHowTheFileCompressedThem() throws IOException {
        Path jpeg = ArtworkFiles.write(dir, "marked.jpg", ArtworkFiles.encode(marked(), "jpg"));
        Path png = ArtworkFiles.write(dir, "marked.png", ArtworkFiles.encode(marked(), "png"));
        Path lossy = dir.resolve("lossy.webp");
        Path lossless = dir.resolve("lossless.webp");
        try (var a = ArtworkPixelsTest.class.getResourceAsStream("/artwork/webp_lossy_48x32.webp");
             var b = ArtworkPixelsTest.class.getResourceAsStream("/artwork/webp_lossless_alpha_48x32.webp")) {
            java.nio.file.Files.write(lossy, a.readAllBytes());
            java.nio.file.Files.write(lossless, b.readAllBytes());
        }
        ArtworkInspector inspector = ArtworkFiles.inspector();

        assertThat(inspector.pixels(jpeg, 150).source()).isEqualTo(PixelSource.decoded(PixelCoding.JPEG));
        assertThat(inspector.pixels(png, 150).source()).isEqualTo(PixelSource.decoded(PixelCoding.LOSSLESS));
        assertThat(inspector.pixels(lossy, 150).coding()).isEqualTo(PixelCoding.OTHER_LOSSY);
        assertThat(inspector.pixels(lossless, 150).coding()).isEqualTo(PixelCoding.LOSSLESS);
    }
}
