package dev.platen.color;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Measures lcms's ink-limiting device link on rich dark colours separated with the synthetic press profile,
 * whose darkest colours run to 400 %.
 */
class InkLimitTest {

    private static final InkLimit LIMIT = new InkLimit(300);

    /**
     * Rich darks: every sRGB colour with channels in {0, 10, 20, 30, 45}, plus dark saturated colours.
     * Separated relative colorimetric without black point compensation, so the darkest ones clip to the
     * profile's 400 % black; with BPC this profile maps sRGB black to its black point at about 300 %.
     */
    static byte[] richDarks() {
        int[] levels = {0, 10, 20, 30, 45};
        int[][] extra = {{90, 0, 0}, {0, 60, 0}, {0, 0, 110}, {60, 0, 90}, {90, 40, 0}, {30, 10, 50}};
        byte[] rgb = new byte[(levels.length * levels.length * levels.length + extra.length) * 3];
        int i = 0;
        for (int r : levels) {
            for (int g : levels) {
                for (int b : levels) {
                    rgb[i++] = (byte) r;
                    rgb[i++] = (byte) g;
                    rgb[i++] = (byte) b;
                }
            }
        }
        for (int[] colour : extra) {
            for (int v : colour) {
                rgb[i++] = (byte) v;
            }
        }
        return rgb;
    }

    @Test
    void limitedRichDarksStayWithinTheLimitAndKeepTheirBlack() {
        byte[] rgb = richDarks();
        int colours = rgb.length / 3;
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform separate = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false);
             ColorTransform limiter = ColorTransform.inkLimiter(LIMIT, PixelFormat.CMYK_8);
             Colorimeter meter = Colorimeter.of(press, PixelFormat.CMYK_8, RenderingIntent.RELATIVE_COLORIMETRIC)) {
            byte[] before = new byte[colours * 4];
            separate.convert(rgb, before, colours);
            byte[] after = new byte[colours * 4];
            limiter.convert(before, after, colours);

            double maxBefore = 0;
            double maxAfter = 0;
            int overLimitBefore = 0;
            int largestChangeUnderLimit = 0;
            for (int i = 0; i < colours; i++) {
                double tacBefore = tac(before, i);
                double tacAfter = tac(after, i);
                maxBefore = Math.max(maxBefore, tacBefore);
                maxAfter = Math.max(maxAfter, tacAfter);
                if (!LIMIT.allows(tacBefore)) {
                    overLimitBefore++;
                }
                // K is never touched by lcms's limiter; within one count for the 17-point grid's interpolation.
                assertThat(Math.abs((after[4 * i + 3] & 0xFF) - (before[4 * i + 3] & 0xFF))).as("K of colour %d", i)
                        .isLessThanOrEqualTo(1);
                int change = 0;
                for (int ch = 0; ch < 4; ch++) {
                    change = Math.max(change, Math.abs((after[4 * i + ch] & 0xFF) - (before[4 * i + ch] & 0xFF)));
                }
                if (LIMIT.allows(tacBefore)) {
                    largestChangeUnderLimit = Math.max(largestChangeUnderLimit, change);
                }
                // lcms samples the limiter on a 17-point grid: a cell spans 25 % of TAC, so colours up to a
                // cell below the limit are interpolated with nodes above it and pulled down a little. Further
                // below, nothing may change beyond a count.
                if (LIMIT.allows(tacBefore + 25)) {
                    assertThat(change).as("colour %d at %.1f %%", i, tacBefore).isLessThanOrEqualTo(1);
                }
            }
        assertThat(overLimitBefore).as("the test needs colours over the limit").isGreaterThan(10);
            assertThat(maxAfter).as("total area coverage after limiting").isLessThanOrEqualTo(LIMIT.percent() + 1);

            List<Lab> labBefore = meter.measure(before, colours);
            List<Lab> labAfter = meter.measure(after, colours);
            double sum = 0;
            double worst = 0;
            int limited = 0;
            for (int i = 0; i < colours; i++) {
                if (!LIMIT.allows(tac(before, i))) {
                    double dE = labBefore.get(i).deltaE2000(labAfter.get(i));
                    sum += dE;
                    worst = Math.max(worst, dE);
                    limited++;
                }
            }
            System.out.printf(Locale.ROOT, "ink limit %.0f %%: %d rich darks, %d over the limit; TAC max %.1f %% -> "
                            + "%.1f %%; colour change of the limited ones ΔE00 mean %.2f, max %.2f; colours under the "
                            + "limit moved by up to %d counts%n",
                    LIMIT.percent(), colours, overLimitBefore, maxBefore, maxAfter, sum / limited, worst,
                    largestChangeUnderLimit);
            // Limiting takes out C, M and Y, which darkens no further: it must not lighten beyond a few ΔE.
            assertThat(worst).isLessThan(6);
        }
    }

    @Test
    void limitingInsideTheSeparationMatchesLimitingAfterIt() {
        byte[] rgb = richDarks();
        int colours = rgb.length / 3;
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform separate = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingIntent.RELATIVE_COLORIMETRIC, true);
             ColorTransform limiter = ColorTransform.inkLimiter(LIMIT, PixelFormat.CMYK_8);
             ColorTransform combined = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true).withInkLimit(LIMIT))) {
            byte[] separated = new byte[colours * 4];
            separate.convert(rgb, separated, colours);
            byte[] twoSteps = new byte[colours * 4];
            limiter.convert(separated, twoSteps, colours);
            byte[] oneStep = new byte[colours * 4];
            combined.convert(rgb, oneStep, colours);
            int worst = 0;
            for (int i = 0; i < oneStep.length; i++) {
                worst = Math.max(worst, Math.abs((oneStep[i] & 0xFF) - (twoSteps[i] & 0xFF)));
            }
            // One rounding fewer in the chained transform: a count apart at most.
            assertThat(worst).isLessThanOrEqualTo(1);
            for (int i = 0; i < colours; i++) {
                assertThat(tac(oneStep, i)).isLessThanOrEqualTo(LIMIT.percent() + 1);
            }
        }
    }

    /**
     * The Java limiter agrees with lcms's own ink-limiting link on every heavy colour of a CMYK grid, within the
     * three counts by which the link's sampled table (17 points a channel, interpolated) misses its own formula near
     * the limit's kink, and leaves every colour within the limit exactly as it was.
     */
    @Test
    void javaLimiterIsLcmsFormulaAndLeavesColoursWithinTheLimitAlone() {
        int[] levels = {0, 40, 90, 128, 170, 210, 240, 255};
        int n = levels.length * levels.length * levels.length * levels.length;
        byte[] grid = new byte[n * 4];
        int at = 0;
        for (int c : levels) {
            for (int m : levels) {
                for (int y : levels) {
                    for (int k : levels) {
                        grid[at++] = (byte) c;
                        grid[at++] = (byte) m;
                        grid[at++] = (byte) y;
                        grid[at++] = (byte) k;
                    }
                }
            }
        }
        byte[] ours = grid.clone();
        int changed = LIMIT.limit(ours, n);
        byte[] lcms = new byte[grid.length];
        try (ColorTransform link = ColorTransform.inkLimiter(LIMIT, PixelFormat.CMYK_8)) {
            link.convert(grid, lcms, n);
        }
        int over = 0;
        for (int i = 0; i < n; i++) {
            boolean heavy = tac(grid, i) > LIMIT.percent();
            if (heavy) {
                over++;
                assertThat(tac(ours, i)).isLessThanOrEqualTo(LIMIT.percent() + 0.6);
                assertThat(ours[4 * i + 3]).as("K is never touched").isEqualTo(grid[4 * i + 3]);
                for (int ch = 0; ch < 4; ch++) {
                    assertThat(Math.abs((ours[4 * i + ch] & 0xFF) - (lcms[4 * i + ch] & 0xFF)))
                            .as("colour %d channel %d against lcms's link", i, ch).isLessThanOrEqualTo(3);
                }
            } else {
                for (int ch = 0; ch < 4; ch++) {
                    assertThat(ours[4 * i + ch]).isEqualTo(grid[4 * i + ch]);
                }
            }
        }
        assertThat(changed).isEqualTo(over).isPositive();
    }

    @Test
    void limitsOutsideZeroToFourHundredAreRefused() {
        assertThatThrownBy(() -> new InkLimit(401)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InkLimit(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColorTransform.inkLimiter(LIMIT, PixelFormat.RGB_8))
                .isInstanceOf(IllegalArgumentException.class);
        try (ColorProfile srgb = ColorProfile.srgb()) {
            assertThatThrownBy(() -> ColorTransform.create(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                    RenderingOptions.of(RenderingIntent.PERCEPTUAL, false).withInkLimit(LIMIT)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CMYK");
        }
    }

    private static double tac(byte[] cmyk, int pixel) {
        return InkLimit.coverageOf8Bit(cmyk[4 * pixel] & 0xFF, cmyk[4 * pixel + 1] & 0xFF, cmyk[4 * pixel + 2] & 0xFF,
                cmyk[4 * pixel + 3] & 0xFF);
    }
}
