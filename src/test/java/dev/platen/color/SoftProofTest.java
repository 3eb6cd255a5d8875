package dev.platen.color;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SoftProofTest {

    private static final byte[] WHITE = {(byte) 255, (byte) 255, (byte) 255};
    private static final byte[] GREY = {(byte) 128, (byte) 128, (byte) 128};
    private static final byte[] BLUE = {0, 0, (byte) 255};   // far outside the synthetic press's gamut

    @Test
    void paperWhiteSimulationShowsThePaperInsteadOfScreenWhite() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform plain = ColorTransform.softProof(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                     new SoftProof(press, RenderingIntent.RELATIVE_COLORIMETRIC, true, false, null, Precision.EXACT));
             ColorTransform paper = ColorTransform.softProof(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                     new SoftProof(press, RenderingIntent.RELATIVE_COLORIMETRIC, true, true, null, Precision.EXACT));
             Colorimeter screen = Colorimeter.of(srgb, PixelFormat.RGB_8, RenderingIntent.ABSOLUTE_COLORIMETRIC)) {
            byte[] out = new byte[3];
            plain.convert(WHITE, out, 1);
            Lab plainWhite = screen.measure(out[0] & 0xFF, out[1] & 0xFF, out[2] & 0xFF);
            assertThat(plainWhite.lightness()).isGreaterThan(99);

            paper.convert(WHITE, out, 1);
            Lab simulated = screen.measure(out[0] & 0xFF, out[1] & 0xFF, out[2] & 0xFF);
            double[] paperLab = SyntheticPressProfile.xyzToLab(SyntheticPressProfile.printXyz(0, 0, 0, 0));
            Lab expectedPaper = new Lab(paperLab[0], paperLab[1], paperLab[2]);
            System.out.printf("paper white on screen: RGB %d %d %d, %s; the paper is %s%n", out[0] & 0xFF,
                    out[1] & 0xFF, out[2] & 0xFF, simulated, expectedPaper);
            // The screen shows the paper: warmer and darker than screen white, close to the model's paper.
            assertThat(simulated.lightness()).isLessThan(plainWhite.lightness() - 2);
            assertThat(simulated.deltaE2000(expectedPaper)).isLessThan(2);
        }
    }

    @Test
    void outOfGamutArtIsPaintedInTheAlarmColourAndInGamutArtIsNot() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open();
             ColorTransform magenta = ColorTransform.softProof(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                     new SoftProof(press, RenderingIntent.RELATIVE_COLORIMETRIC, true, false, GamutAlarm.MAGENTA,
                             Precision.EXACT));
             ColorTransform green = ColorTransform.softProof(srgb, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                     new SoftProof(press, RenderingIntent.RELATIVE_COLORIMETRIC, true, false,
                             new GamutAlarm(0, 255, 0), Precision.EXACT))) {
            byte[] out = new byte[3];
            magenta.convert(BLUE, out, 1);
            assertThat(out).containsExactly((byte) 255, 0, (byte) 255);
            // Alarm codes live in the lcms context: each proof has its own, so two alarms coexist.
            green.convert(BLUE, out, 1);
            assertThat(out).containsExactly(0, (byte) 255, 0);
            magenta.convert(GREY, out, 1);
            assertThat(out).isNotEqualTo(new byte[] {(byte) 255, 0, (byte) 255});
            assertThat(Math.abs((out[0] & 0xFF) - (out[2] & 0xFF))).as("grey stays grey").isLessThan(12);
        }
    }

    @Test
    void anAlarmNeedsAnRgbScreen() {
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open()) {
            assertThatThrownBy(() -> ColorTransform.softProof(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                    new SoftProof(press, RenderingIntent.PERCEPTUAL, false, false, GamutAlarm.MAGENTA,
                            Precision.EXACT))).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
