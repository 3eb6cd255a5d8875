package dev.platen.color;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpatialCielabTest {

    /** About the map StockProof measures on: at the normal viewing distance, 23 samples per degree. */
    private static final int W = 1024;
    private static final int H = 683;
    private static final Lab GREY = new Lab(55, 0, 0);
    /** A saturated green and the duller one a CMYK stock prints for it: ΔE2000 about 18. */
    private static final Lab NEON = new Lab(88, -78, 79);
    private static final Lab PRINTED = new Lab(68, -37, 49);

    private static float[] flat(Lab lab) {
        float[] image = new float[3 * W * H];
        for (int i = 0; i < W * H; i++) {
            put(image, i, lab);
        }
        return image;
    }

    private static void put(float[] image, int i, Lab lab) {
        image[3 * i] = (float) lab.lightness();
        image[3 * i + 1] = (float) lab.a();
        image[3 * i + 2] = (float) lab.b();
    }

    private static double ppd() {
        return SpatialCielab.samplesPerDegree(W, H);
    }

    @Test
    void theNormalViewingDistanceIsTheDiagonal() {
        assertThat(SpatialCielab.DIAGONAL_DEGREES).isCloseTo(53.13, within(0.01));
        assertThat(SpatialCielab.samplesPerDegree(3000, 4000)).isCloseTo(5000 / 53.13, within(0.01));
    }

    @Test
    void aFlatAreaKeepsItsWholeDifference() {
        float[] d = SpatialCielab.deltaE2000(flat(NEON), flat(PRINTED), W, H, ppd());
        double plain = NEON.deltaE2000(PRINTED);
        assertThat(plain).isGreaterThan(15);
        for (float v : d) {
            assertThat((double) v).isCloseTo(plain, within(0.01));
        }
    }

    @Test
    void scatteredPixelsCountFarLessThanTheSameColourAsAnArea() {
        float[] art = flat(GREY);
        float[] print = flat(GREY);
        float[] areaArt = flat(GREY);
        float[] areaPrint = flat(GREY);
        Random random = new Random(11);
        int scattered = 0;
        for (int i = 0; i < W * H; i++) {
            if (random.nextDouble() < 0.02) {
                put(art, i, NEON);
                put(print, i, PRINTED);
                scattered++;
            }
        }
        // The same number of pixels as one block in the middle.
        int side = (int) Math.round(Math.sqrt(scattered));
        for (int y = (H - side) / 2; y < (H + side) / 2; y++) {
            for (int x = (W - side) / 2; x < (W + side) / 2; x++) {
                put(areaArt, y * W + x, NEON);
                put(areaPrint, y * W + x, PRINTED);
            }
        }
        float[] spread = SpatialCielab.deltaE2000(art, print, W, H, ppd());
        float[] area = SpatialCielab.deltaE2000(areaArt, areaPrint, W, H, ppd());
        double half = NEON.deltaE2000(PRINTED) / 2;
        double spreadShare = shareAbove(spread, half);
        double areaShare = shareAbove(area, half);
        System.out.printf("2 %% of the pixels neon, printed ΔE2000 %.1f off: %.3f %% of the picture over %.1f when "
                + "scattered, %.2f %% as one block%n", 2 * half, 100 * spreadShare, half, 100 * areaShare);
        assertThat(areaShare).isGreaterThan(0.015);
        assertThat(spreadShare).isLessThan(areaShare / 10);
        assertThat((double) area[(H / 2) * W + W / 2]).isGreaterThan(1.6 * half);
    }

    private static double shareAbove(float[] values, double limit) {
        long n = 0;
        for (float v : values) {
            if (v > limit) {
                n++;
            }
        }
        return (double) n / values.length;
    }

    @Test
    void lightnessIsResolvedMoreFinelyThanColour() {
        // A one-pixel line differing in L* only keeps more of its difference than one differing in hue only.
        Lab lighter = new Lab(70, 0, 0);
        Lab redder = new Lab(55, 14, 0);
        float[] base = flat(GREY);
        float[] lighterLine = flat(GREY);
        float[] redderLine = flat(GREY);
        for (int y = 0; y < H; y++) {
            put(lighterLine, y * W + W / 2, lighter);
            put(redderLine, y * W + W / 2, redder);
        }
        int centre = (H / 2) * W + W / 2;
        double lightness = SpatialCielab.deltaE2000(base, lighterLine, W, H, ppd())[centre] / GREY.deltaE2000(lighter);
        double colour = SpatialCielab.deltaE2000(base, redderLine, W, H, ppd())[centre] / GREY.deltaE2000(redder);
        System.out.printf("one-pixel line: %.0f %% of a lightness difference stays, %.0f %% of a colour difference%n",
                100 * lightness, 100 * colour);
        assertThat(lightness).isGreaterThan(1.5 * colour);
    }

    @Test
    void blursKeepTheMeanAndTheExactAndBoxedGaussiansAgree() {
        Random random = new Random(5);
        float[] plane = new float[W * H];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) random.nextDouble();
        }
        double mean = mean(plane);
        for (double sigma : new double[] {0.8, 3, 20}) {
            assertThat(mean(SpatialCielab.gaussian(plane, W, H, sigma))).as("sigma %s", sigma)
                    .isCloseTo(mean, within(0.005));
        }
        // Wider than the picture: extended edges, a flat picture stays exactly flat.
        float[] flat = new float[W * H];
        java.util.Arrays.fill(flat, 0.25f);
        for (float v : SpatialCielab.gaussian(flat, W, H, 2000)) {
            assertThat(v).isCloseTo(0.25f, within(1e-5f));
        }
        // Three boxes of these radii have the variance of the Gaussian, within a box step.
        for (double sigma : new double[] {7, 20, 150}) {
            double variance = 0;
            for (int r : SpatialCielab.boxRadii(sigma)) {
                variance += ((2.0 * r + 1) * (2 * r + 1) - 1) / 12;
            }
            assertThat(Math.sqrt(variance)).isCloseTo(sigma, within(0.6));
        }
        // Just past the exact kernel's limit the boxes spread an impulse as far as the kernel does.
        float[] impulse = new float[W * H];
        impulse[(H / 2) * W + W / 2] = 1;
        double exact = spread(SpatialCielab.gaussian(impulse, W, H, SpatialCielab.EXACT_MAX_SIGMA));
        double boxed = spread(SpatialCielab.gaussian(impulse, W, H, SpatialCielab.EXACT_MAX_SIGMA + 1e-6));
        assertThat(exact).isCloseTo(SpatialCielab.EXACT_MAX_SIGMA, within(0.1));   // a kernel cut at 3 sigma
        assertThat(boxed).isCloseTo(exact, within(0.1 * exact));
    }

    /** Standard deviation along x of a blurred centred impulse. */
    private static double spread(float[] blurred) {
        double sum = 0;
        double moment = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double v = blurred[y * W + x];
                sum += v;
                moment += v * (x - W / 2.0) * (x - W / 2.0);
            }
        }
        return Math.sqrt(moment / sum);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Test
    void theExactGaussianIsTheSumOfEveryTapWithTheEdgeRepeated() {
        Random random = new Random(6);
        int w = 301;
        int h = 57;
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextFloat() * 100;
        }
        // Down to a kernel wider than the picture is high, so the clamped edge is repeated many times.
        for (double sigma : new double[] {0.3, 1.1, 2.5, SpatialCielab.EXACT_MAX_SIGMA}) {
            assertThat(SpatialCielab.gaussian(plane, w, h, sigma)).as("sigma %s", sigma)
                    .isEqualTo(tapByTap(plane, w, h, sigma));
        }
    }

    @Test
    void theBoxedGaussianIsThreeRunningSumsAlongEachRowAndColumn() {
        Random random = new Random(7);
        // a height that is not a multiple of four: the rows the running sums do not take four at a time
        int w = 203;
        int h = 59;
        float[] plane = new float[w * h];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = random.nextFloat() * 100;
        }
        for (double sigma : new double[] {SpatialCielab.EXACT_MAX_SIGMA + 0.5, 19, 140}) {
            float[] expected = plane;
            for (int radius : SpatialCielab.boxRadii(sigma)) {
                expected = boxColumns(boxRows(expected, w, h, radius), w, h, radius);
            }
            assertThat(SpatialCielab.gaussian(plane, w, h, sigma)).as("sigma %s", sigma).isEqualTo(expected);
        }
    }

    /** One running sum along each row, window 2r+1, the edge pixel repeated. */
    private static float[] boxRows(float[] in, int w, int h, int radius) {
        float scale = 1f / (2 * radius + 1);
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += in[y * w + Math.min(w - 1, Math.max(0, k))];
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (sum * scale);
                sum += in[y * w + Math.min(w - 1, x + radius + 1)] - in[y * w + Math.max(0, x - radius)];
            }
        }
        return out;
    }

    /** One running sum down each column, window 2r+1, the edge row repeated. */
    private static float[] boxColumns(float[] in, int w, int h, int radius) {
        float scale = 1f / (2 * radius + 1);
        float[] out = new float[in.length];
        for (int x = 0; x < w; x++) {
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += in[Math.min(h - 1, Math.max(0, k)) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = (float) (sum * scale);
                sum += in[Math.min(h - 1, y + radius + 1) * w + x] - in[Math.max(0, y - radius) * w + x];
            }
        }
        return out;
    }

    /** Each output pixel's taps summed in order, indices clamped to the picture, rows then columns. */
    private static float[] tapByTap(float[] in, int w, int h, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 * i * i / (sigma * sigma));
            kernel[i + radius] = (float) v;
            total += v;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) total;
        }
        float[] rows = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * in[y * w + Math.min(w - 1, Math.max(0, x + k))];
                }
                rows[y * w + x] = sum;
            }
        }
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int k = -radius; k <= radius; k++) {
                    sum += kernel[k + radius] * rows[Math.min(h - 1, Math.max(0, y + k)) * w + x];
                }
                out[y * w + x] = sum;
            }
        }
        return out;
    }
}
