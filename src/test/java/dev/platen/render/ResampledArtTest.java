package dev.platen.render;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResampledArtTest {

    private static int[] rowReds(ResampledArt art, int y) {
        byte[] rgb = new byte[art.width() * 3];
        byte[] alpha = new byte[art.width()];
        art.row(y, rgb, alpha);
        int[] reds = new int[art.width()];
        for (int x = 0; x < reds.length; x++) {
            reds[x] = rgb[x * 3] & 0xFF;
        }
        return reds;
    }

    @Test
    void flatColourStaysExactlyFlatAtAnyScale() {
        BufferedImage flat = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 61; y++) {
            for (int x = 0; x < 97; x++) {
                flat.setRGB(x, y, 0x7B2D10);
            }
        }
        for (int[] size : new int[][] {{40, 25}, {97, 61}, {300, 189}}) {
            ResampledArt art = new ResampledArt(flat, size[0], size[1]);
            for (int y = 0; y < size[1]; y += 7) {
                assertThat(rowReds(art, y)).containsOnly(0x7B);
            }
        }
    }

    @Test
    void reducingAFinePatternAveragesItInsteadOfAliasing() {
        // One-pixel black/white columns reduced by 3: a point sampler would give solid black or white (moiré);
        // a proper filter gives the pattern's mean grey.
        BufferedImage stripes = new BufferedImage(300, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 300; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        int[] reds = rowReds(new ResampledArt(stripes, 100, 10), 5);
        for (int x = 5; x < 95; x++) {
            assertThat(reds[x]).isBetween(112, 143);
        }
    }

    @Test
    void enlargingAHardEdgeStaysWithinRangeAndMonotonicAwayFromIt() {
        BufferedImage edge = new BufferedImage(20, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 20; x++) {
                edge.setRGB(x, y, x < 10 ? 0x000000 : 0xFFFFFF);
            }
        }
        int[] reds = rowReds(new ResampledArt(edge, 60, 12), 6);
        assertThat(reds[0]).isZero();
        assertThat(reds[59]).isEqualTo(255);
        assertThat(reds[25]).isLessThan(reds[35]); // dark before the edge (x = 30), light after
    }

    /**
     * RGB art is read straight from the raster for the layouts the decoders make; a layout only the colour model
     * understands is read through {@code getRGB}. Both must place the same pixels, at scale one and resampled.
     */
    @Test
    void everyPixelLayoutPlacesTheSamePixels() {
        java.util.Random random = new java.util.Random(13);
        int w = 53;
        int h = 37;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int alpha = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(256);
                default -> 255;
            };
            argb[i] = alpha << 24 | random.nextInt(1 << 24);
        }
        java.awt.image.DirectColorModel abgrInts = new java.awt.image.DirectColorModel(32, 0xFF, 0xFF00, 0xFF0000,
                0xFF000000);
        BufferedImage throughColourModel = new BufferedImage(abgrInts, abgrInts.createCompatibleWritableRaster(w, h),
                false, null);
        assertThat(throughColourModel.getType()).isEqualTo(BufferedImage.TYPE_CUSTOM);
        BufferedImage[] withAlpha = {image(BufferedImage.TYPE_INT_ARGB, argb, w, h),
                image(BufferedImage.TYPE_4BYTE_ABGR, argb, w, h), fill(throughColourModel, argb)};
        int[] opaque = java.util.Arrays.stream(argb).map(v -> v | 0xFF000000).toArray();
        BufferedImage[] opaqueLayouts = {image(BufferedImage.TYPE_INT_RGB, opaque, w, h),
                image(BufferedImage.TYPE_3BYTE_BGR, opaque, w, h), image(BufferedImage.TYPE_INT_BGR, opaque, w, h)};
        for (BufferedImage[] layouts : new BufferedImage[][] {withAlpha, opaqueLayouts}) {
            for (int[] size : new int[][] {{w, h}, {31, 22}, {120, 84}}) {
                byte[][] reference = rows(new ResampledArt(layouts[layouts.length - 1], size[0], size[1]), size[1]);
                for (int l = 0; l < layouts.length - 1; l++) {
                    assertThat(rows(new ResampledArt(layouts[l], size[0], size[1]), size[1]))
                            .as("layout %d at %dx%d", layouts[l].getType(), size[0], size[1]).isDeepEqualTo(reference);
                }
            }
        }
        // Art without alpha takes a shortcut; the same pixels in an image with alpha (all 255) must place the same.
        for (int[] size : new int[][] {{31, 22}, {120, 84}}) {
            assertThat(rows(new ResampledArt(opaqueLayouts[0], size[0], size[1]), size[1]))
                    .isDeepEqualTo(rows(new ResampledArt(image(BufferedImage.TYPE_INT_ARGB, opaque, w, h), size[0],
                            size[1]), size[1]));
        }
        // At scale one an opaque pixel is its own samples.
        byte[][] placed = rows(new ResampledArt(opaqueLayouts[1], w, h), h);
        assertThat(placed[5][3 * 7] & 0xFF).isEqualTo(opaque[5 * w + 7] >> 16 & 0xFF);
        assertThat(placed[5][3 * 7 + 2] & 0xFF).isEqualTo(opaque[5 * w + 7] & 0xFF);
    }

    private static BufferedImage image(int type, int[] argb, int w, int h) {
        return fill(new BufferedImage(w, h, type), argb);
    }

    private static BufferedImage fill(BufferedImage image, int[] argb) {
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), argb, 0, image.getWidth());
        return image;
    }

    /** Each row's RGB followed by its coverage. */
    private static byte[][] rows(ResampledArt art, int height) {
        byte[][] rows = new byte[height][];
        for (int y = 0; y < height; y++) {
            byte[] rgb = new byte[art.width() * 3];
            byte[] alpha = new byte[art.width()];
            art.row(y, rgb, alpha);
            rows[y] = java.util.Arrays.copyOf(rgb, rgb.length + alpha.length);
            System.arraycopy(alpha, 0, rows[y], rgb.length, alpha.length);
        }
        return rows;
    }
    /**
     * A photograph many times its place (the corpus's 2560 x 1600 meadow at 6.4 and 10.7 times) is shrunk by whole
     * blocks before it is filtered; the placed pixels stay within a level or two of filtering every source pixel,
     * on average and at the worst edge, while the filter reads a ninth or a 25th of the pixels.
     */
    @Test
    void artManyTimesItsPlaceIsShrunkFirstAndPlacesAsFilteringEveryPixelWould() throws Exception {
        BufferedImage photo = javax.imageio.ImageIO.read(
                new java.io.File("../shared/corpus/good/photo_mate_LadyBird.jpg"));
        for (int[] size : new int[][] {{400, 250}, {240, 150}}) {
            ResampledArt shrunk = new ResampledArt(photo, 3, size[0], size[1]);
            assertThat(shrunk.shrink()).isEqualTo(size[0] == 400 ? 3 : 5);
            byte[][] fast = rows(shrunk, size[1]);
            byte[][] full = rows(new ResampledArt(photo, 3, size[0], size[1], 1), size[1]);
            long total = 0;
            int worst = 0;
            for (int y = 0; y < size[1]; y++) {
                for (int i = 0; i < fast[y].length; i++) {
                    int d = Math.abs((fast[y][i] & 0xFF) - (full[y][i] & 0xFF));
                    total += d;
                    worst = Math.max(worst, d);
                }
            }
            double mean = (double) total / (size[1] * fast[0].length);
            System.out.printf("shrunk by %d to %dx%d: mean difference %.3f, largest %d levels%n", shrunk.shrink(),
                    size[0], size[1], mean, worst);
            assertThat(mean).isLessThan(0.5);
            assertThat(worst).isLessThanOrEqualTo(12);
        }
    }

    /** One-pixel stripes shrunk and filtered at 5.3 times come out their mean grey: no moiré from the blocks. */
    @Test
    void fineStripesShrunkFirstStillComeOutGrey() {
        BufferedImage stripes = new BufferedImage(530, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 530; x++) {
                stripes.setRGB(x, y, (x + y / 3) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        ResampledArt art = new ResampledArt(stripes, 100, 75);
        assertThat(art.shrink()).isEqualTo(2);
        for (int y = 3; y < 72; y++) {
            int[] reds = rowReds(art, y);
            for (int x = 3; x < 97; x++) {
                assertThat(reds[x]).as("(%d, %d)", x, y).isBetween(120, 136);
            }
        }
    }

    /** The rows of the art a shrunk output row reads: whole blocks, within the art, moving down with the row. */
    @Test
    void aShrunkRowNamesTheArtRowsItsBlocksCover() {
        BufferedImage art = new BufferedImage(1000, 803, BufferedImage.TYPE_INT_RGB);
        ResampledArt placed = new ResampledArt(art, 100, 80);
        assertThat(placed.shrink()).isEqualTo(5);
        int previousFirst = 0;
        for (int y = 0; y < 80; y++) {
            int[] rows = placed.sourceRows(y);
            assertThat(rows[0] % 5).isZero();
            assertThat(rows[1]).isLessThan(803);
            assertThat(rows[1] == 802 || rows[1] % 5 == 4).isTrue();
            assertThat(rows[0]).isGreaterThanOrEqualTo(previousFirst);
            previousFirst = rows[0];
        }
        assertThat(placed.sourceRows(79)[1]).isEqualTo(802);
    }

    @Test
    void roundingIsMathRoundForEverySumAPixelCanHave() {
        // The sums lie in 0..255: every half, the floats either side of it and a million more in between.
        for (int k = 0; k <= 256; k++) {
            float half = k + 0.5f;
            for (float v : new float[] {k, half, Math.nextDown(half), Math.nextUp(half), Math.nextDown((float) k)}) {
                assertThat(ResampledArt.rounded(v)).as("%s", v).isEqualTo(Math.round(v));
            }
        }
        assertThat(ResampledArt.rounded(0.49999997f)).isZero();   // the float below a half: (int) (v + 0.5f) says 1
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 1_000_000; i++) {
            float v = random.nextFloat() * 256;
            assertThat(ResampledArt.rounded(v)).isEqualTo(Math.round(v));
        }
    }
}
