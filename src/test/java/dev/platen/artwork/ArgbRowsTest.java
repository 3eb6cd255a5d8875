package dev.platen.artwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BandedSampleModel;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every layout reads as {@code getRGB} gives it, pixel for pixel, whole rows and spans at an offset; the layouts the
 * decoders make are read from the raster, the rest through the colour model.
 */
class ArgbRowsTest {

    private static final int W = 37;
    private static final int H = 11;

    static Stream<Arguments> layouts() {
        ColorSpace srgb = ColorSpace.getInstance(ColorSpace.CS_sRGB);
        return Stream.of(
                Arguments.of("TYPE_INT_RGB, junk in the top byte", packed(BufferedImage.TYPE_INT_RGB),
                        ArgbRows.Layout.INT_RGB),
                Arguments.of("TYPE_INT_ARGB", packed(BufferedImage.TYPE_INT_ARGB), ArgbRows.Layout.INT_ARGB),
                Arguments.of("TYPE_INT_BGR", packed(BufferedImage.TYPE_INT_BGR), ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("TYPE_INT_ARGB_PRE", packed(BufferedImage.TYPE_INT_ARGB_PRE),
                        ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("TYPE_3BYTE_BGR", samples(new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR)),
                        ArgbRows.Layout.BYTES),
                Arguments.of("TYPE_4BYTE_ABGR", samples(new BufferedImage(W, H, BufferedImage.TYPE_4BYTE_ABGR)),
                        ArgbRows.Layout.BYTES),
                Arguments.of("TYPE_4BYTE_ABGR_PRE",
                        samples(new BufferedImage(W, H, BufferedImage.TYPE_4BYTE_ABGR_PRE)),
                        ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("sRGB bytes in R, G, B order (TYPE_CUSTOM)", samples(interleaved(srgb, false, 3)),
                        ArgbRows.Layout.BYTES),
                Arguments.of("sRGB bytes R, G, B, A (TYPE_CUSTOM)", samples(interleaved(srgb, true, 4)),
                        ArgbRows.Layout.BYTES),
                Arguments.of("sRGB bytes in bands", samples(banded(srgb)), ArgbRows.Layout.BYTES),
                Arguments.of("linear RGB bytes", samples(interleaved(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
                        false, 3)), ArgbRows.Layout.TABLES),
                Arguments.of("custom DirectColorModel R, G, B, A (TYPE_CUSTOM)", rgbaDirect(),
                        ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("16-bit sRGB with alpha", samples(sixteenBit(srgb, true)), ArgbRows.Layout.TABLES),
                Arguments.of("16-bit sRGB", samples(sixteenBit(srgb, false)), ArgbRows.Layout.TABLES),
                Arguments.of("16-bit linear RGB", samples(sixteenBit(ColorSpace.getInstance(ColorSpace.CS_LINEAR_RGB),
                        false)), ArgbRows.Layout.TABLES),
                Arguments.of("16-bit sRGB with alpha, premultiplied", samples(premultipliedSixteenBit(srgb)),
                        ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("a three-channel ICC space (CIE XYZ)", samples(sixteenBit(
                        ColorSpace.getInstance(ColorSpace.CS_CIEXYZ), false)), ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("TYPE_USHORT_565_RGB", packed(BufferedImage.TYPE_USHORT_565_RGB),
                        ArgbRows.Layout.COLOUR_MODEL),
                Arguments.of("TYPE_BYTE_GRAY", samples(new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY)),
                        ArgbRows.Layout.TABLES),
                Arguments.of("TYPE_USHORT_GRAY", samples(new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY)),
                        ArgbRows.Layout.TABLES),
                Arguments.of("grey and alpha bytes (a PNG's grey with alpha)", samples(greyWithAlpha(
                        DataBuffer.TYPE_BYTE)), ArgbRows.Layout.TABLES),
                Arguments.of("16-bit grey and alpha", samples(greyWithAlpha(DataBuffer.TYPE_USHORT)),
                        ArgbRows.Layout.TABLES),
                Arguments.of("TYPE_BYTE_INDEXED", packed(BufferedImage.TYPE_BYTE_INDEXED), ArgbRows.Layout.PALETTE),
                Arguments.of("TYPE_BYTE_BINARY, 1 bit", samples(new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY)),
                        ArgbRows.Layout.PALETTE),
                Arguments.of("a 2-bit palette with a transparent entry", samples(packedPalette(2)),
                        ArgbRows.Layout.PALETTE),
                Arguments.of("a 4-bit palette of 11 colours (values past its end)", samples(packedPalette(4)),
                        ArgbRows.Layout.PALETTE),
                Arguments.of("a 16-bit palette", samples(shortPalette()), ArgbRows.Layout.PALETTE),
                Arguments.of("a sub-image of TYPE_3BYTE_BGR",
                        samples(new BufferedImage(W + 9, H + 5, BufferedImage.TYPE_3BYTE_BGR)).getSubimage(5, 3, W, H),
                        ArgbRows.Layout.BYTES),
                Arguments.of("a sub-image of TYPE_INT_RGB",
                        packedOf(new BufferedImage(W + 9, H + 5, BufferedImage.TYPE_INT_RGB)).getSubimage(4, 2, W, H),
                        ArgbRows.Layout.INT_RGB));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void readsWhatGetRgbGives(String name, BufferedImage art, ArgbRows.Layout expected) {
        ArgbRows rows = ArgbRows.of(art);
        assertThat(rows.layout()).as(name).isEqualTo(expected);
        // The JDK's interleaved byte and 16-bit rasters in place (the decoders' layouts), the rest through a copy.
        boolean interleaved = art.getRaster().getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel;
        assertThat(rows.readsInPlace()).as(name)
                .isEqualTo(interleaved && (expected == ArgbRows.Layout.BYTES || expected == ArgbRows.Layout.TABLES));
        int w = art.getWidth();
        int[] expectedRow = new int[w];
        int[] row = new int[w];
        for (int y = 0; y < art.getHeight(); y++) {
            art.getRGB(0, y, w, 1, expectedRow, 0, w);
            rows.read(y, row);
            assertThat(row).as("%s row %d", name, y).isEqualTo(expectedRow);
        }
        // Opaque 8-bit RGB also as R, G, B bytes (the bytes of the same ARGB); any other art declines, reading nothing.
        boolean opaqueRgbBytes = expected == ArgbRows.Layout.BYTES && !art.getColorModel().hasAlpha();
        byte[] rgb = new byte[3 * w + 5];
        for (int y = 0; y < art.getHeight(); y++) {
            java.util.Arrays.fill(rgb, (byte) 0x5A);
            assertThat(rows.readOpaqueRgb(y, rgb)).as("%s row %d as R, G, B bytes", name, y).isEqualTo(opaqueRgbBytes);
            art.getRGB(0, y, w, 1, expectedRow, 0, w);
            byte[] expectedRgb = new byte[3 * w + 5];
            java.util.Arrays.fill(expectedRgb, (byte) 0x5A);
            for (int x = 0; opaqueRgbBytes && x < w; x++) {
                expectedRgb[3 * x] = (byte) (expectedRow[x] >> 16);
                expectedRgb[3 * x + 1] = (byte) (expectedRow[x] >> 8);
                expectedRgb[3 * x + 2] = (byte) expectedRow[x];
            }
            assertThat(rgb).as("%s row %d as R, G, B bytes", name, y).isEqualTo(expectedRgb);
        }
        // Spans at an offset into a longer array, the rest of it untouched.
        int[] span = new int[w + 7];
        int[] expectedSpan = new int[w + 7];
        for (int y = 0; y < art.getHeight(); y++) {
            java.util.Arrays.fill(span, 0x5A5A5A5A);
            java.util.Arrays.fill(expectedSpan, 0x5A5A5A5A);
            int x = y % 9;
            int width = w - x - y % 4;
            art.getRGB(x, y, width, 1, expectedSpan, 5, width);
            rows.read(x, y, width, span, 5);
            assertThat(span).as("%s row %d from %d, %d wide", name, y, x, width).isEqualTo(expectedSpan);
        }
    }

    @Test
    void streamedRowsReadAsGetRgbGivesThem() throws Exception {
        Path file = Path.of("../shared/corpus/good/photo_mate_LadyBird.jpg");
        BufferedImage art = StreamedRows.open(file);
        assertThat(art).isNotNull();
        try (StreamedRows streamed = (StreamedRows) art.getRaster()) {
            ArgbRows rows = ArgbRows.of(art);
            assertThat(rows.layout()).isEqualTo(ArgbRows.Layout.BYTES);
            assertThat(rows.readsInPlace()).as("rows made as they are asked for are read through the raster").isFalse();
            int w = art.getWidth();
            int[] expected = new int[w];
            int[] row = new int[w];
            byte[] rgb = new byte[3 * w];
            for (int y = 0; y < art.getHeight(); y++) {
                rows.read(y, row);
                art.getRGB(0, y, w, 1, expected, 0, w);
                assertThat(row).as("row %d", y).isEqualTo(expected);
                assertThat(rows.readOpaqueRgb(y, rgb)).isTrue();
                for (int x = 0; x < w; x += 97) {
                    assertThat(new int[] {rgb[3 * x] & 0xFF, rgb[3 * x + 1] & 0xFF, rgb[3 * x + 2] & 0xFF})
                            .as("row %d pixel %d as R, G, B bytes", y, x)
                            .containsExactly(expected[x] >> 16 & 0xFF, expected[x] >> 8 & 0xFF, expected[x] & 0xFF);
                }
                streamed.release(y);
            }
        }
    }

    /** Random values in every sample of every band, whatever its size: every alpha, colour and junk bit. */
    private static BufferedImage samples(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        Random random = new Random(image.getType() * 31L + raster.getNumBands());
        int[] bits = raster.getSampleModel().getSampleSize();
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                for (int b = 0; b < raster.getNumBands(); b++) {
                    int value = random.nextInt(1 << bits[b]);
                    // Alpha 0 and 255 as often as the rest together: the edges of compositing.
                    if (b == raster.getNumBands() - 1 && image.getColorModel().hasAlpha() && random.nextBoolean()) {
                        value = random.nextBoolean() ? 0 : (1 << bits[b]) - 1;
                    }
                    raster.setSample(x, y, b, value);
                }
            }
        }
        return image;
    }

    private static BufferedImage packed(int type) {
        return packedOf(new BufferedImage(W, H, type));
    }

    /** Random ARGB through setRGB, then (int layouts) random junk into bits the colour model ignores. */
    private static BufferedImage packedOf(BufferedImage image) {
        Random random = new Random(image.getType());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_BGR) {
            WritableRaster raster = image.getRaster();
            int[] pixel = new int[1];
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    raster.getDataElements(x, y, pixel);
                    pixel[0] |= random.nextInt(256) << 24;
                    raster.setDataElements(x, y, pixel);
                }
            }
        }
        return image;
    }

    private static BufferedImage interleaved(ColorSpace space, boolean alpha, int bands) {
        ColorModel model = new ComponentColorModel(space, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        int[] offsets = new int[bands];
        for (int b = 0; b < bands; b++) {
            offsets[b] = b;
        }
        WritableRaster raster = Raster.createWritableRaster(new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, W,
                H, bands, W * bands, offsets), null);
        BufferedImage image = new BufferedImage(model, raster, false, null);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
        return image;
    }

    private static BufferedImage banded(ColorSpace space) {
        ColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createWritableRaster(new BandedSampleModel(DataBuffer.TYPE_BYTE, W, H, 3),
                null);
        return new BufferedImage(model, raster, false, null);
    }

    private static BufferedImage sixteenBit(ColorSpace space, boolean alpha) {
        ColorModel model = new ComponentColorModel(space, alpha, false,
                alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        return new BufferedImage(model, model.createCompatibleWritableRaster(W, H), false, null);
    }

    private static BufferedImage premultipliedSixteenBit(ColorSpace space) {
        ColorModel model = new ComponentColorModel(space, true, true, Transparency.TRANSLUCENT,
                DataBuffer.TYPE_USHORT);
        return new BufferedImage(model, model.createCompatibleWritableRaster(W, H), true, null);
    }

    private static BufferedImage greyWithAlpha(int transfer) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, transfer);
        return new BufferedImage(model, model.createCompatibleWritableRaster(W, H), false, null);
    }

    /** A palette of 11 random colours (some translucent, entry 1 transparent) in 2- or 4-bit packed pixels. */
    private static BufferedImage packedPalette(int bits) {
        Random random = new Random(bits);
        int size = Math.min(11, 1 << bits);
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        byte[] a = new byte[size];
        random.nextBytes(r);
        random.nextBytes(g);
        random.nextBytes(b);
        random.nextBytes(a);
        IndexColorModel model = bits == 2 ? new IndexColorModel(bits, size, r, g, b, 1)
                : new IndexColorModel(bits, size, r, g, b, a);
        return new BufferedImage(W, H, BufferedImage.TYPE_BYTE_BINARY, model);
    }

    private static BufferedImage shortPalette() {
        Random random = new Random(16);
        int[] colours = new int[40_000];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = random.nextInt();
        }
        IndexColorModel model = new IndexColorModel(16, colours.length, colours, 0, true, -1, DataBuffer.TYPE_USHORT);
        return new BufferedImage(model, model.createCompatibleWritableRaster(W, H), false, null);
    }

    private static BufferedImage rgbaDirect() {
        DirectColorModel model = new DirectColorModel(32, 0xFF000000, 0x00FF0000, 0x0000FF00, 0x000000FF);
        BufferedImage image = new BufferedImage(model, model.createCompatibleWritableRaster(W, H), false, null);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
        return packedOf(image);
    }
}
