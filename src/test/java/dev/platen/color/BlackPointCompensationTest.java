package dev.platen.color;

import dev.platen.testing.Transicc;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The target a stock is held to: the art's colour after black point compensation, against what the separation
 * really prints (lcms in-process, and {@code transicc} from liblcms2-utils as an independent process).
 */
class BlackPointCompensationTest {

    private static final Path COATED = Path.of("icc-profiles/platen-coated-v1.icc");
    private static final Path COTTON = Path.of("icc-profiles/platen-dtg-cotton-v1.icc");

    @Test
    void greysAreHeldToWhatTheSeparationPrintsForThem() throws Exception {
        for (Path file : List.of(COATED, COTTON)) {
            RenderingIntent intent = file == COATED ? RenderingIntent.RELATIVE_COLORIMETRIC : RenderingIntent.PERCEPTUAL;
            try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(file);
                 ColorTransform separation = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         intent, true);
                 Colorimeter art = Colorimeter.of(srgb, PixelFormat.RGB_8, RenderingIntent.RELATIVE_COLORIMETRIC);
                 Colorimeter print = Colorimeter.of(press, PixelFormat.CMYK_8, RenderingIntent.RELATIVE_COLORIMETRIC)) {
                BlackPointCompensation bpc = BlackPointCompensation.of(srgb, press, intent, true);
                assertThat(bpc.isIdentity()).isFalse();
                double worst = 0;
                for (int v = 0; v <= 255; v += 15) {
                    byte[] cmyk = new byte[4];
                    separation.convert(new byte[] {(byte) v, (byte) v, (byte) v}, cmyk, 1);
                    Lab printed = print.measure(cmyk[0] & 0xFF, cmyk[1] & 0xFF, cmyk[2] & 0xFF, cmyk[3] & 0xFF);
                    Lab target = bpc.apply(art.measure(v, v, v));
                    worst = Math.max(worst, target.deltaE2000(printed));
                }
                System.out.printf("%s, %s + BPC: stock black L* %.1f; greys 0..255 printed within ΔE2000 %.2f of "
                        + "their target%n", file.getFileName(), intent, bpc.stockBlackLab().lightness(), worst);
                // Without the scaling sRGB black (L* 0) would miss by the stock's black: L* 10 coated, 25 cotton.
                assertThat(worst).isLessThan(2.0);
            }
        }
    }

    @Test
    void transiccPrintsBlackWhereTheTargetPutsIt() throws Exception {
        // sRGB black, relative colorimetric + BPC, to CMYK; that CMYK read back to Lab: both by transicc.
        double[] cmyk = Transicc.run("0 0 0\n", 1, 4, "-i*sRGB", "-o" + COATED, "-t1", "-b")[0];
        double[] lab = Transicc.run(String.format(java.util.Locale.ROOT, "%f %f %f %f%n", cmyk[0], cmyk[1], cmyk[2],
                cmyk[3]), 1, 3, "-i" + COATED, "-o*Lab", "-t1")[0];
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(COATED)) {
            Lab target = BlackPointCompensation.of(srgb, press, RenderingIntent.RELATIVE_COLORIMETRIC, true)
                    .apply(new Lab(0, 0, 0));
            Lab printed = new Lab(lab[0], lab[1], lab[2]);
            System.out.printf("coated: sRGB black prints (transicc) at %s; its target is %s%n", printed, target);
            assertThat(target.deltaE2000(printed)).isLessThan(2.0);
        }
    }

    @Test
    void withoutCompensationTheShadowsAreCrushedAndTheTargetStaysTheArt() throws Exception {
        // transicc, relative colorimetric: without -b sRGB 0 and 10 separate to the same CMYK (both below the
        // stock's black); with -b they stay apart. The shadow detail a stock without BPC loses.
        double[][] crushed = Transicc.run("0 0 0\n10 10 10\n", 2, 4, "-i*sRGB", "-o" + COATED, "-t1");
        double[][] kept = Transicc.run("0 0 0\n10 10 10\n", 2, 4, "-i*sRGB", "-o" + COATED, "-t1", "-b");
        assertThat(crushed[1]).containsExactly(crushed[0], within(0.01));
        assertThat(Math.abs(kept[1][3] - kept[0][3]) + Math.abs(kept[1][0] - kept[0][0])).isGreaterThan(5);
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(COATED)) {
            assertThat(BlackPointCompensation.of(srgb, press, RenderingIntent.RELATIVE_COLORIMETRIC, false).isIdentity())
                    .isTrue();
            assertThat(BlackPointCompensation.of(srgb, press, RenderingIntent.ABSOLUTE_COLORIMETRIC, true).isIdentity())
                    .isTrue();
            Lab grey = new Lab(40, 5, -5);
            assertThat(BlackPointCompensation.none().apply(grey).deltaE2000(grey)).isLessThan(1e-4);
        }
    }

    @Test
    void perceptualTakesBlackToTheMediumsBlackWhateverTheStocksBpcSetting() throws Exception {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(COTTON)) {
            Lab black = BlackPointCompensation.of(srgb, press, RenderingIntent.PERCEPTUAL, false).apply(new Lab(0, 0, 0));
            Lab relative = BlackPointCompensation.of(srgb, press, RenderingIntent.RELATIVE_COLORIMETRIC, true)
                    .stockBlackLab();
            assertThat(black.deltaE2000(relative)).isLessThan(0.01);
            assertThat(black.lightness()).isGreaterThan(15);
        }
    }

    @Test
    void labAndXyzRoundTripWithTheD50White() {
        Lab white = Lab.fromXyz(0.9642f, 1.0f, 0.8249f);
        assertThat(white.lightness()).isCloseTo(100, within(1e-4));
        assertThat(white.a()).isCloseTo(0, within(1e-3));
        assertThat(white.b()).isCloseTo(0, within(1e-3));
        for (Lab lab : List.of(new Lab(0, 0, 0), new Lab(3, 10, -10), new Lab(50, 60, -70), new Lab(95, -20, 90))) {
            float[] xyz = lab.toXyz();
            Lab back = Lab.fromXyz(xyz[0], xyz[1], xyz[2]);
            assertThat(back.deltaE2000(lab)).as("%s", lab).isLessThan(1e-3);
        }
    }
}
