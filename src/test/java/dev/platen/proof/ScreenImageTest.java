package dev.platen.proof;

import dev.platen.testing.TestArt;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenImageTest {

    @Test
    void aLargeArtComesDownToTheLongEdgeWithItsAspect() {
        assertThat(ScreenImage.size(6000, 4000, 2048)).containsExactly(2048, 1365);
        assertThat(ScreenImage.size(4000, 6000, 2048)).containsExactly(1365, 2048);
    }

    @Test
    void aSmallArtIsNeverEnlarged() {
        assertThat(ScreenImage.size(800, 600, 2048)).containsExactly(800, 600);
        ScreenImage same = ScreenImage.of(ProofFixtures.flat(800, 600, 0x336699), 2048);
        assertThat(same.width()).isEqualTo(800);
        assertThat(same.height()).isEqualTo(600);
        assertThat(same.rgb()[0]).isEqualTo(0x336699);
    }

    @Test
    void areaAveragingWeighsEachSourcePixelByHowMuchOfTheOutputPixelItCovers() {
        // Two to one: a checkerboard averages to mid grey everywhere, no moiré.
        BufferedImage checker = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        for (int p : ScreenImage.areaAverage(checker, 4, 4).rgb()) {
            assertThat(p).isEqualTo(0x808080);   // 127.5 rounds up
        }
        // Three to two: the middle pixel is split a third to each side (0, 255, 0 -> 85, 85).
        BufferedImage three = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        three.setRGB(1, 0, 0xFFFFFF);
        assertThat(ScreenImage.areaAverage(three, 2, 1).rgb()).containsExactly(0x555555, 0x555555);
        // A flat image stays exactly flat through a fractional reduction.
        for (int p : ScreenImage.areaAverage(ProofFixtures.flat(1000, 700, 0x12AB34), 333, 233).rgb()) {
            assertThat(p).isEqualTo(0x12AB34);
        }
    }

    @Test
    void transparentArtIsSeenOverWhitePaper() {
        BufferedImage art = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        art.setRGB(0, 0, 0x00000000);              // fully transparent black
        art.setRGB(1, 0, 0x80000000);              // half-transparent black
        int[] out = ScreenImage.of(art, 2048).rgb();
        assertThat(out[0]).isEqualTo(0xFFFFFF);
        assertThat(out[1] >> 16 & 0xFF).isBetween(126, 128);
    }

    @Test
    void aPhotographReadStraightFromItsRasterAveragesAsThroughGetRgb() throws Exception {
        // A decoder's 3-byte BGR photograph, and an alpha one (PNG's 4-byte ABGR), each against a copy in a layout
        // only the colour model reads (so ArgbRows falls back to getRGB), through the area average as it was.
        BufferedImage photo = ImageIO.read(Path.of("../shared/corpus/good/photo_mate_LadyBird.jpg").toFile());
        BufferedImage rgba = ImageIO.read(Path.of("../shared/corpus/good/illustration_sharp_bird_rgba.png").toFile());
        assertThat(photo.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(rgba.getType()).isEqualTo(BufferedImage.TYPE_4BYTE_ABGR);
        for (BufferedImage art : new BufferedImage[] {photo, rgba}) {
            BufferedImage viaColourModel = TestArt.throughColourModel(art);
            int w = art.getWidth();
            int h = art.getHeight();
            for (int[] size : new int[][] {{w, h}, ScreenImage.size(w, h, 1000), ScreenImage.size(w, h, 333),
                    {w / 3, h / 7}}) {
                int[] expected = areaAverageThroughGetRgb(viaColourModel, size[0], size[1]);
                assertThat(ScreenImage.areaAverage(art, size[0], size[1]).rgb()).as("%d x %d", size[0], size[1])
                        .isEqualTo(expected);
                assertThat(ScreenImage.areaAverage(viaColourModel, size[0], size[1]).rgb()).isEqualTo(expected);
            }
        }
    }

    @Test
    void anImageOfPackedSamplesHoldsThemAsSetRgbWould() {
        int[] rgb = new int[37 * 5];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextInt() & 0xFFFFFF;
        }
        BufferedImage expected = new BufferedImage(37, 5, BufferedImage.TYPE_INT_RGB);
        expected.setRGB(0, 0, 37, 5, rgb, 0, 37);
        BufferedImage image = ScreenImage.toImage(37, 5, rgb);
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRaster().getDataElements(0, 0, 37, 5, null))
                .isEqualTo(expected.getRaster().getDataElements(0, 0, 37, 5, null));
    }

    /** The box filter as it read art before, row by row through getRGB, each spill-over tested per pixel. */
    private static int[] areaAverageThroughGetRgb(BufferedImage art, int outW, int outH) {
        int srcW = art.getWidth();
        int srcH = art.getHeight();
        boolean alpha = art.getColorModel().hasAlpha();
        int[] out = new int[outW * outH];
        int[] row = new int[srcW];
        if (srcW == outW && srcH == outH) {
            for (int y = 0; y < srcH; y++) {
                art.getRGB(0, y, srcW, 1, row, 0, srcW);
                for (int x = 0; x < srcW; x++) {
                    out[y * outW + x] = alpha ? overWhite(row[x]) : row[x] & 0xFFFFFF;
                }
            }
            return out;
        }
        double sx = (double) outW / srcW;
        double sy = (double) outH / srcH;
        double[] horizontal = new double[outW * 3];
        double[] current = new double[outW * 3];
        double[] next = new double[outW * 3];
        int currentRow = 0;
        for (int y = 0; y < srcH; y++) {
            art.getRGB(0, y, srcW, 1, row, 0, srcW);
            java.util.Arrays.fill(horizontal, 0);
            for (int x = 0; x < srcW; x++) {
                int p = alpha ? overWhite(row[x]) : row[x];
                double start = x * sx;
                int c = Math.min(outW - 1, (int) Math.floor(start));
                double share = (x + 1) * sx <= c + 1 ? 1.0 : (c + 1 - start) / sx;
                double w1 = share * sx;
                double w2 = sx - w1;
                for (int k = 0; k < 3; k++) {
                    int v = p >> (16 - 8 * k) & 0xFF;
                    horizontal[3 * c + k] += v * w1;
                    if (w2 > 1e-12 && c + 1 < outW) {
                        horizontal[3 * c + 3 + k] += v * w2;
                    }
                }
            }
            double start = y * sy;
            int outRow = Math.min(outH - 1, (int) Math.floor(start));
            while (currentRow < outRow) {
                emit(current, out, currentRow++, outW);
                double[] swap = current;
                current = next;
                next = swap;
                java.util.Arrays.fill(next, 0);
            }
            double w1 = (y + 1) * sy <= outRow + 1 ? sy : outRow + 1 - start;
            double w2 = sy - w1;
            for (int i = 0; i < horizontal.length; i++) {
                current[i] += horizontal[i] * w1;
                if (w2 > 1e-12) {
                    next[i] += horizontal[i] * w2;
                }
            }
        }
        while (currentRow < outH) {
            emit(current, out, currentRow++, outW);
            double[] swap = current;
            current = next;
            next = swap;
            java.util.Arrays.fill(next, 0);
        }
        return out;
    }

    private static void emit(double[] sums, int[] out, int row, int width) {
        for (int x = 0; x < width; x++) {
            int packed = 0;
            for (int k = 0; k < 3; k++) {
                packed = packed << 8 | (int) Math.max(0, Math.min(255, Math.round(sums[3 * x + k])));
            }
            out[row * width + x] = packed;
        }
    }

    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xFFFFFF;
        }
        int packed = 0;
        for (int k = 0; k < 3; k++) {
            packed = packed << 8 | ((argb >> (16 - 8 * k) & 0xFF) * a + 255 * (255 - a) + 127) / 255;
        }
        return packed;
    }

    @Test
    void levelsRoundAsMathRoundDoesAndStayWithin0To255() {
        java.util.function.DoubleUnaryOperator expected = v -> Math.max(0, Math.min(255, Math.round(v)));
        for (int k = -2; k <= 257; k++) {
            double half = k + 0.5;
            for (double v : new double[] {k, half, Math.nextDown(half), Math.nextUp(half), Math.nextDown((double) k)}) {
                assertThat(ScreenImage.clamp(v)).as("%s", v).isEqualTo((int) expected.applyAsDouble(v));
            }
        }
        assertThat(ScreenImage.clamp(0.49999999999999994)).isZero();   // (long) (v + 0.5) says 1
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 1_000_000; i++) {
            double v = random.nextDouble() * 300 - 20;
            assertThat(ScreenImage.clamp(v)).isEqualTo((int) expected.applyAsDouble(v));
        }
    }
}
