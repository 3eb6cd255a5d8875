package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.noise;
import static dev.platen.artwork.ArtworkFiles.prefix;
import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TiffArtworkTest {

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"None", "LZW", "Deflate", "JPEG"})
    void theCompressionTagSaysWhetherThePixelsWentThroughJpeg(String compression) throws IOException {
        Path file = write(dir, "rgb_" + compression.toLowerCase() + ".tif",
                tiff(List.of(noise(64, 48, BufferedImage.TYPE_INT_RGB)), compression, 0));

        assertThat(inspector.pixels(file, 150).source()).isEqualTo(PixelSource.decoded(
                compression.equals("JPEG") ? PixelCoding.JPEG : PixelCoding.LOSSLESS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"LZW", "Deflate"})
    void compressedRgbTiffReportsItsResolutionTags(String compression) throws IOException {
        byte[] tiff = tiff(List.of(noise(80, 60, BufferedImage.TYPE_INT_RGB)), compression, 300);
        Path file = write(dir, "rgb_" + compression.toLowerCase() + "_300dpi.tif", tiff);

        ArtworkHeader header = inspector.readHeader(file);
        DecodedArtwork decoded = inspector.decodeFully(file);

        assertThat(header.format()).isEqualTo(ArtworkFormat.TIFF);
        assertThat(header.widthPx()).isEqualTo(80);
        assertThat(header.heightPx()).isEqualTo(60);
        assertThat(header.colorSpace()).isEqualTo("RGB");
        assertThat(header.bitsPerSample()).isEqualTo(8);
        assertThat(header.fileDpi().x()).isCloseTo(300, within(0.5));
        assertThat(header.fileDpi().y()).isCloseTo(300, within(0.5));
        assertThat(header.findings()).isEmpty();
        assertThat(decoded.decodedWidthPx()).isEqualTo(80);
        assertThat(decoded.agreesWithHeader()).isTrue();
    }

    @Test
    void cmykTiffIsCmyk() throws IOException {
        Path file = write(dir, "cmyk_lzw.tif", tiff(List.of(cmyk(40, 30)), "LZW", 0));

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.colorSpace()).isEqualTo("CMYK");
        assertThat(header.bitsPerSample()).isEqualTo(8);
        assertThat(header.alpha()).isFalse();
        assertThat(inspector.decodeFully(file).decodedHeightPx()).isEqualTo(30);
    }

    @Test
    void rgbaTiffHasAlpha() throws IOException {
        Path file = write(dir, "rgba.tif", tiff(List.of(noise(20, 20, BufferedImage.TYPE_INT_ARGB)), "LZW", 0));

        assertThat(inspector.readHeader(file).alpha()).isTrue();
    }

    @Test
    void multiPageTiffUsesTheFirstPageWithAFinding() throws IOException {
        byte[] tiff = tiff(List.of(noise(40, 20, BufferedImage.TYPE_INT_RGB), noise(10, 10, BufferedImage.TYPE_INT_RGB)),
                "LZW", 0);
        Path file = write(dir, "two_pages_40x20_then_10x10.tif", tiff);

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.widthPx()).isEqualTo(40);
        assertThat(header.heightPx()).isEqualTo(20);
        assertThat(header.findings()).extracting(Finding::code).containsExactly("FIRST_FRAME_ONLY");
        assertThat(inspector.decodeFully(file).decodedWidthPx()).isEqualTo(40);
    }

    @Test
    void tiffCutInsideItsImageDataIsTruncatedFromTheDirectory() throws IOException {
        byte[] tiff = tiff(List.of(noise(100, 100, BufferedImage.TYPE_INT_RGB)), "None", 0);
        // TwelveMonkeys writes the directory ahead of the strips, so a cut in the middle keeps the directory and
        // loses pixels; the strip offsets then point past the end of the file.
        long ifdOffset = Integer.toUnsignedLong(ByteBuffer.wrap(tiff).order(tiffOrder(tiff)).getInt(4));
        assertThat(ifdOffset).isLessThan(tiff.length / 2);
        Path file = write(dir, "rgb_uncompressed_cut_in_half.tif", prefix(tiff, tiff.length / 2));

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(file));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void tiffCutInsideItsHeaderIsTruncated() throws IOException {
        byte[] tiff = tiff(List.of(noise(10, 10, BufferedImage.TYPE_INT_RGB)), "LZW", 0);

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "cut6.tif", prefix(tiff, 6))));

        assertThat(rejection.code()).isEqualTo("TRUNCATED_IMAGE");
    }

    private static ByteOrder tiffOrder(byte[] tiff) {
        return tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    }

    private static BufferedImage cmyk(int width, int height) {
        ColorSpace cmyk = ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK);
        ComponentColorModel model = new ComponentColorModel(cmyk, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x * 6, y * 8, 0, 30});
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** Writes pages with the TwelveMonkeys TIFF writer; dpi 0 leaves the resolution tags out. */
    private static byte[] tiff(List<BufferedImage> pages, String compression, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        assertThat(writer.getClass().getName()).startsWith("com.twelvemonkeys");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(compression);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
                        param);
                if (dpi > 0) {
                    metadata.mergeTree(metadata.getNativeMetadataFormatName(), resolutionTags(dpi));
                }
                writer.writeToSequence(new IIOImage(page, null, metadata), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /**
     * XResolution, YResolution and ResolutionUnit (2, inch) set through the native TIFF metadata tree. (The
     * standard tree's pixel size in millimetres is not used: TwelveMonkeys 3.14 stores it as the resolution
     * value itself, with unit centimetre, so a 300 dpi request comes out as 2.15 dpi.)
     */
    private static IIOMetadataNode resolutionTags(int dpi) {
        IIOMetadataNode root = new IIOMetadataNode("com_sun_media_imageio_plugins_tiff_image_1.0");
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.appendChild(field(282, "TIFFRationals", "TIFFRational", dpi + "/1"));
        ifd.appendChild(field(283, "TIFFRationals", "TIFFRational", dpi + "/1"));
        ifd.appendChild(field(296, "TIFFShorts", "TIFFShort", "2"));
        root.appendChild(ifd);
        return root;
    }

    private static IIOMetadataNode field(int tag, String arrayName, String valueName, String value) {
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", Integer.toString(tag));
        IIOMetadataNode array = new IIOMetadataNode(arrayName);
        IIOMetadataNode element = new IIOMetadataNode(valueName);
        element.setAttribute("value", value);
        array.appendChild(element);
        field.appendChild(array);
        return field;
    }
}
