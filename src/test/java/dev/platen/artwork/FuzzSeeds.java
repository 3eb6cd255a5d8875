package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.encode;
import static dev.platen.artwork.ArtworkFiles.noise;

import dev.platen.testing.HostileFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Writes the seed corpus of {@link ArtworkFuzzTest}: small files of each format made here from generated pixels
 * (WebP from the project's own fixtures, which ImageIO cannot write), plus a few of the hostile shapes, so that
 * the fuzzer starts from every structure the walkers know. Run from the project folder after changing it:
 *
 * <pre>java -cp "target/classes:target/test-classes:$(cat target/classpath.txt)" dev.platen.artwork.FuzzSeeds</pre>
 */
public final class FuzzSeeds {

    private static final Path INPUTS = Path.of("src/test/resources/dev/platen/artwork/ArtworkFuzzTestInputs");

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        BufferedImage rgb = noise(8, 6, BufferedImage.TYPE_INT_RGB);
        BufferedImage argb = noise(6, 5, BufferedImage.TYPE_INT_ARGB);
        write("jpeg", Map.of(
                "rgb_8x6.jpg", encode(rgb, "jpg"),
                "gray_8x6.jpg", encode(noise(8, 6, BufferedImage.TYPE_BYTE_GRAY), "jpg"),
                "exif_orientation_6.jpg", ArtworkFiles.afterSoi(encode(rgb, "jpg"), ArtworkFiles.exifOrientation(6))));
        write("png", Map.of(
                "rgb_8x6.png", encode(rgb, "png"),
                "rgba_6x5.png", encode(argb, "png"),
                "palette_8x6.png", encode(noise(8, 6, BufferedImage.TYPE_BYTE_INDEXED), "png"),
                "ihdr_50000x50000.png", HostileFiles.pngDeclaring(50_000, 50_000)));
        Map<String, byte[]> tiffs = new LinkedHashMap<>();
        tiffs.put("rgb_lzw_8x6.tif", tiff(rgb, "LZW", 1));
        tiffs.put("rgb_none_8x6.tif", tiff(rgb, "None", 1));
        tiffs.put("two_pages_deflate.tif", tiff(rgb, "Deflate", 2));
        write("tiff", tiffs);
        Path fixtures = Path.of("src/test/resources/artwork");
        write("webp", Map.of(
                "lossy_48x32.webp", Files.readAllBytes(fixtures.resolve("webp_lossy_48x32.webp")),
                "lossless_alpha_48x32.webp", Files.readAllBytes(fixtures.resolve("webp_lossless_alpha_48x32.webp")),
                "animated_2frames.webp", Files.readAllBytes(fixtures.resolve("webp_animated_2frames_48x32.webp"))));
        write("pdf", Map.of(
                "image_on_page.pdf", pdfWithImage(rgb),
                "cyclic_forms.pdf", HostileFiles.pdfCyclicForms(),
                "cyclic_page_tree.pdf", HostileFiles.pdfCyclicPageTree(),
                "flate_bomb_small.pdf", HostileFiles.pdfContentBomb(1 << 20)));
        // Profiles LittleCMS builds from its own definitions, not copies of anyone's profile files.
        byte[] srgb = dev.platen.color.ColorProfile.srgb().bytes();
        byte[] lying = srgb.clone();
        java.nio.ByteBuffer.wrap(lying).putInt(0, srgb.length * 100);
        write("iccProfile", Map.of("srgb.icc", srgb, "gray.icc", dev.platen.color.ColorProfile.gray(2.2).bytes(),
                "srgb_lying_size.icc", lying));
    }

    private static void write(String target, Map<String, byte[]> seeds) throws IOException {
        Path dir = Files.createDirectories(INPUTS.resolve(target));
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(dir.resolve(seed.getKey()), seed.getValue());
            System.out.println(dir.resolve(seed.getKey()) + " " + seed.getValue().length + " bytes");
        }
    }

    private static byte[] tiff(BufferedImage image, String compression, int pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < pages; i++) {
                writer.writeToSequence(new IIOImage(image, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] pdfWithImage(BufferedImage image) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(72, 72));
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(LosslessFactory.createFromImage(document, image), 10, 10, 40, 30);
                content.moveTo(0, 0);
                content.lineTo(72, 72);
                content.stroke();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
