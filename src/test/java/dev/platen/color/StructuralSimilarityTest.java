package dev.platen.color;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StructuralSimilarityTest {

    private static final int W = 64;
    private static final int H = 48;

    /** Lightness texture: smooth ramp plus noise, L* 20..80. */
    private static float[] texture(long seed) {
        Random random = new Random(seed);
        float[] l = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                l[y * W + x] = (float) (20 + 50.0 * x / W + 10 * random.nextDouble());
            }
        }
        return l;
    }

    @Test
    void aPictureIsItselfExactly() {
        float[] l = texture(1);
        assertThat(StructuralSimilarity.ofLightness(l, l.clone(), W, H)).isEqualTo(1.0);
        float[] flat = new float[W * H];
        Arrays.fill(flat, 37);
        assertThat(StructuralSimilarity.ofLightness(flat, flat, W, H)).isEqualTo(1.0);
    }

    @Test
    void moreNoiseIsLessSimilar() {
        float[] reference = texture(2);
        Random random = new Random(3);
        double previous = 1;
        for (double amplitude : new double[] {1, 4, 16}) {
            float[] noisy = reference.clone();
            for (int i = 0; i < noisy.length; i++) {
                noisy[i] += (float) (amplitude * random.nextGaussian());
            }
            double ssim = StructuralSimilarity.ofLightness(reference, noisy, W, H);
            assertThat(ssim).isLessThan(previous);
            previous = ssim;
        }
        assertThat(previous).isLessThan(0.5);
    }

    @Test
    void flatPicturesCompareByTheLuminanceTermAlone() {
        // σ = 0 in every window: SSIM = (2 μx μy + C1) / (μx² + μy² + C1), with C1 = (0.01 * 100)² = 1.
        float[] a = new float[W * H];
        float[] b = new float[W * H];
        Arrays.fill(a, 50);
        Arrays.fill(b, 40);
        assertThat(StructuralSimilarity.ofLightness(a, b, W, H))
                .isCloseTo((2 * 50 * 40 + 1.0) / (50 * 50 + 40 * 40 + 1.0), within(1e-9));
    }

    @Test
    void shadowDetailCrushedFlatIsLostAndCompensatedDetailIsKept() {
        // Dark texture L* 0..10 on a stock whose black is L* 12. With BPC the texture is scaled onto 12..100 and
        // printed to within 8-bit rounding; without it every shade below 12 prints as 12.
        Random random = new Random(4);
        float[] art = new float[W * H];
        float[] compensated = new float[W * H];
        float[] printedWithBpc = new float[W * H];
        float[] printedWithout = new float[W * H];
        for (int i = 0; i < art.length; i++) {
            art[i] = (float) (10 * random.nextDouble());
            compensated[i] = 12 + 0.88f * art[i];
            printedWithBpc[i] = compensated[i] + (float) (0.3 * random.nextGaussian());
            printedWithout[i] = 12;
        }
        double kept = StructuralSimilarity.ofLightness(compensated, printedWithBpc, W, H);
        double lost = StructuralSimilarity.ofLightness(art, printedWithout, W, H);
        System.out.printf("dark texture: SSIM %.3f printed with BPC, %.3f crushed without%n", kept, lost);
        assertThat(kept).isGreaterThan(0.95);
        assertThat(lost).isLessThan(0.5);
    }

    @Test
    void picturesSmallerThanAWindowAreMeasuredWhole() {
        float[] a = {10, 20, 30, 40, 50, 60};
        float[] b = {10, 20, 30, 40, 50, 61};
        double ssim = StructuralSimilarity.ofLightness(a, b, 3, 2);
        assertThat(ssim).isLessThan(1).isGreaterThan(0.99);
        assertThat(ssim).isEqualTo(StructuralSimilarity.window(a, b, 3, 0, 0, 3, 2));
    }

    @Test
    void everyPixelIsInSomeWindowAtAnAwkwardSize() {
        // 13 x 9: windows at x 0, 4, 5 and y 0, 1; a change in the last column and row still shows.
        int w = 13;
        int h = 9;
        float[] a = new float[w * h];
        Arrays.fill(a, 50);
        float[] b = a.clone();
        b[w * h - 1] = 90;
        assertThat(StructuralSimilarity.ofLightness(a, b, w, h)).isLessThan(1);
    }
}
