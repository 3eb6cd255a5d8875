package dev.platen.color;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ColorTransformTest {

    @Test
    void srgbPrimariesReadAsTheirPublishedD50LabValues() {
        try (ColorProfile srgb = ColorProfile.srgb();
             Colorimeter meter = Colorimeter.of(srgb, PixelFormat.RGB_8, RenderingIntent.RELATIVE_COLORIMETRIC)) {
            Lab white = meter.measure(255, 255, 255);
            assertThat(white.lightness()).isCloseTo(100, within(0.01));
            assertThat(white.chroma()).isLessThan(0.01);
            // sRGB red in ICC D50 (Bradford): L* 54.29, a* 80.80, b* 69.89
            Lab red = meter.measure(255, 0, 0);
            assertThat(red.lightness()).isCloseTo(54.29, within(0.1));
            assertThat(red.a()).isCloseTo(80.80, within(0.15));
            assertThat(red.b()).isCloseTo(69.89, within(0.15));
            assertThat(meter.measure(0, 0, 0).lightness()).isCloseTo(0, within(0.01));
        }
    }

    @Test
    void aFormatThatDoesNotMatchItsProfileFailsWithLcmsReason() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open()) {
            assertThatThrownBy(() -> ColorTransform.create(press, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                    RenderingIntent.PERCEPTUAL, false))
                    .isInstanceOf(ColorTransformFailed.class)
                    .hasMessageContaining("lcms could not build the transform")
                    .hasMessageContaining("Wrong input color space");
        }
    }

    @Test
    void alphaIsCopiedBetweenAlphaFormatsAndDroppedOtherwise() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform rgba = ColorTransform.create(srgb, PixelFormat.RGBA_8, srgb, PixelFormat.RGBA_8,
                     RenderingIntent.PERCEPTUAL, false);
             ColorTransform rgbaToCmyk = ColorTransform.create(srgb, PixelFormat.RGBA_8, press, PixelFormat.CMYK_8,
                     RenderingIntent.PERCEPTUAL, false);
             ColorTransform rgbToCmyk = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingIntent.PERCEPTUAL, false)) {
            byte[] in = {10, 20, 30, 0, (byte) 200, 100, 50, 77, (byte) 255, (byte) 255, (byte) 255, (byte) 255};
            byte[] out = new byte[12];
            rgba.convert(in, out, 3);
            assertThat(new byte[] {out[3], out[7], out[11]}).containsExactly(0, 77, (byte) 255);

            byte[] cmykFromRgba = new byte[12];
            rgbaToCmyk.convert(in, cmykFromRgba, 3);
            byte[] cmykFromRgb = new byte[12];
            rgbToCmyk.convert(new byte[] {10, 20, 30, (byte) 200, 100, 50, (byte) 255, (byte) 255, (byte) 255},
                    cmykFromRgb, 3);
            assertThat(cmykFromRgba).as("alpha does not change the colour").containsExactly(cmykFromRgb);
        }
        try (ColorProfile srgb = ColorProfile.srgb()) {
            assertThatThrownBy(() -> ColorTransform.create(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGBA_8,
                    RenderingIntent.PERCEPTUAL, false)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void heapStripesGiveTheSameResultAsOneNativeCall() {
        int pixels = 700_000;   // 2.8 MB of CMYK output: several 1 MiB stripes
        byte[] rgb = randomPixels(pixels * 3, 1);
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true)
                             .withPrecision(Precision.PRECALCULATED))) {
            byte[] striped = new byte[pixels * 4];
            transform.convert(rgb, striped, pixels);

            ByteBuffer in = ByteBuffer.allocateDirect(rgb.length).put(rgb).flip();
            ByteBuffer out = ByteBuffer.allocateDirect(pixels * 4);
            transform.convert(in, out, pixels);
            byte[] direct = new byte[pixels * 4];
            out.get(0, direct);
            assertThat(striped).isEqualTo(direct);

            // Mixed: heap in, direct out, both offset by their positions.
            ByteBuffer heapIn = ByteBuffer.allocate(rgb.length + 3).position(3);
            heapIn.put(3, rgb);
            ByteBuffer directOut = ByteBuffer.allocateDirect(pixels * 4 + 8).position(8);
            transform.convert(heapIn, directOut, pixels);
            byte[] mixed = new byte[pixels * 4];
            directOut.get(8, mixed);
            assertThat(mixed).isEqualTo(direct);
            assertThat(heapIn.position()).isEqualTo(3);
        }
    }

    @Test
    void rowBandsWithPaddedRowsConvertInPlaceAndLeaveThePaddingAlone() {
        int width = 37;
        int rows = 11;
        int inStride = width * 6 + 10;   // RGB_16 rows padded by 10 bytes
        int outStride = width * 4 + 3;   // CMYK_8 rows padded by 3 bytes
        ByteBuffer in = ByteBuffer.allocateDirect(inStride * rows).order(ByteOrder.nativeOrder());
        Random random = new Random(3);
        for (int i = 0; i < in.capacity() / 2; i++) {
            in.putShort(i * 2, (short) random.nextInt(65536));
        }
        ByteBuffer out = ByteBuffer.allocateDirect(outStride * rows);
        for (int i = 0; i < out.capacity(); i++) {
            out.put(i, (byte) 0xAB);
        }
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_16, press, PixelFormat.CMYK_8,
                     RenderingIntent.PERCEPTUAL, true)) {
            transform.convertRows(in, inStride, out, outStride, width, rows);
            for (int row = 0; row < rows; row++) {
                byte[] rowIn = new byte[width * 6];
                in.get(row * inStride, rowIn);
                byte[] expected = new byte[width * 4];
                transform.convert(ByteBuffer.wrap(rowIn), ByteBuffer.wrap(expected), width);
                byte[] actual = new byte[width * 4];
                out.get(row * outStride, actual);
                assertThat(actual).as("row %d", row).isEqualTo(expected);
                for (int pad = width * 4; pad < outStride && row * outStride + pad < out.capacity(); pad++) {
                    assertThat(out.get(row * outStride + pad)).as("padding").isEqualTo((byte) 0xAB);
                }
            }
            assertThatThrownBy(() -> transform.convertRows(ByteBuffer.allocate(inStride * rows), inStride, out,
                    outStride, width, rows)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void buffersTooSmallAreRefusedBeforeLcmsSeesThem() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingIntent.PERCEPTUAL, false)) {
            assertThatThrownBy(() -> transform.convert(new byte[30], new byte[39], 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output holds 39 bytes");
            assertThatThrownBy(() -> transform.convert(new byte[29], new byte[40], 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input holds 29 bytes");
            ByteBuffer in = ByteBuffer.allocateDirect(300);
            ByteBuffer out = ByteBuffer.allocateDirect(400);
            assertThatThrownBy(() -> transform.convertRows(in, 30, out, 40, 10, 11))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> transform.convertRows(in, 29, out, 40, 10, 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stride");
        }
    }

    @Test
    void sixteenBitSamplesAreInNativeByteOrder() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile gray = ColorProfile.gray(2.2);
             ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_16, gray, PixelFormat.GRAY_16,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            ByteBuffer in = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
            in.putShort((short) 0xFFFF).putShort((short) 0xFFFF).putShort((short) 0xFFFF);
            in.putShort((short) 0).putShort((short) 0).putShort((short) 0xFFFF);
            in.flip();
            ByteBuffer out = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            transform.convert(in, out, 2);
            assertThat(out.getShort(0) & 0xFFFF).as("white").isGreaterThanOrEqualTo(0xFFF0);
            int blue = out.getShort(2) & 0xFFFF;
            // sRGB blue has Y = 0.0606 (D50), so L* = 29.6: gamma 2.2 grey of that lightness is about 0.28.
            assertThat(blue / 65535.0).isCloseTo(Math.pow(0.0606, 1 / 2.2), within(0.01));
        }
    }

    @Test
    void oneTransformConvertsOnManyThreadsAtOnce() throws Exception {
        int pixels = 200_000;
        byte[] rgb = randomPixels(pixels * 3, 9);
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingOptions.of(RenderingIntent.PERCEPTUAL, false).withPrecision(Precision.PRECALCULATED))) {
            byte[] expected = new byte[pixels * 4];
            transform.convert(rgb, expected, pixels);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<byte[]>> results = new ArrayList<>();
                for (int task = 0; task < 16; task++) {
                    results.add(pool.submit(() -> {
                        byte[] out = new byte[pixels * 4];
                        transform.convert(rgb, out, pixels);
                        return out;
                    }));
                }
                for (Future<byte[]> result : results) {
                    assertThat(result.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void aClosedTransformRefusesWork() {
        try (ColorProfile srgb = ColorProfile.srgb()) {
            ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                    RenderingIntent.PERCEPTUAL, false);
            transform.close();
            assertThat(transform.isFreed()).isTrue();
            assertThatThrownBy(() -> transform.convert(new byte[3], new byte[3], 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void profilesCanBeClosedOnceTheTransformIsBuilt() {
        byte[] rgb = randomPixels(3000, 5);
        ColorProfile srgb = ColorProfile.srgb();
        ColorProfile press = SyntheticPressProfile.open();
        try (ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                RenderingIntent.RELATIVE_COLORIMETRIC, true)) {
            byte[] before = new byte[4000];
            transform.convert(rgb, before, 1000);
            srgb.close();
            press.close();
            System.gc();
            byte[] after = new byte[4000];
            transform.convert(rgb, after, 1000);
            assertThat(after).isEqualTo(before);
        }
    }

    static byte[] randomPixels(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return data;
    }
}
