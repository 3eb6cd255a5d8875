package dev.platen.color;

import dev.platen.testing.Transicc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Independent cross-check: Platen's conversions against {@code transicc} from Debian's liblcms2-utils, run
 * as a separate process with the same profile file, intent and black point compensation. transicc works in
 * double precision on the full pipeline (float formats are never resampled by lcms), prints CMYK in percent
 * and RGB in 0..255; each value is rounded to 8 bits and compared with Platen's 8-bit output.
 *
 * <p>Tolerance: one 8-bit count per channel, for {@link Precision#EXACT} (Platen's default). The precalculated
 * modes are measured and printed, not held to that tolerance (see {@link Precision}).
 */
class TransiccCrossCheckTest {

    private static final int STEPS = 7;   // 7 x 7 x 7 = 343 sRGB colours, every 42.5 counts

    @TempDir
    static Path dir;
    private static Path pressFile;

    @BeforeAll
    static void writeProfile() {
        pressFile = SyntheticPressProfile.writeTo(dir);
    }

    /** The lcms-built stand-in, and the project's own press profiles as shipped in icc-profiles/. */
    static java.util.stream.Stream<Path> pressProfiles() {
        return java.util.stream.Stream.of(SyntheticPressProfile.writeTo(dir),
                Path.of("icc-profiles/platen-coated-v1.icc"), Path.of("icc-profiles/platen-uncoated-v1.icc"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("pressProfiles")
    void srgbToCmykAgreesWithTransiccWithinOneCount(Path pressFile) throws Exception {
        byte[] rgb = srgbGrid();
        int colours = rgb.length / 3;
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < colours; i++) {
            input.append(rgb[3 * i] & 0xFF).append(' ').append(rgb[3 * i + 1] & 0xFF).append(' ')
                    .append(rgb[3 * i + 2] & 0xFF).append('\n');
        }
        Object[][] cases = {
                {RenderingIntent.PERCEPTUAL, false},
                {RenderingIntent.RELATIVE_COLORIMETRIC, true},
                {RenderingIntent.RELATIVE_COLORIMETRIC, false},
                {RenderingIntent.SATURATION, false},
                {RenderingIntent.ABSOLUTE_COLORIMETRIC, false},
        };
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(pressFile)) {
            for (Object[] c : cases) {
                RenderingIntent intent = (RenderingIntent) c[0];
                boolean bpc = (Boolean) c[1];
                double[][] reference = transicc(input.toString(), colours, 4, "-i*sRGB", "-o" + pressFile,
                        "-t" + intent.code(), bpc ? "-b" : null);
                for (Precision precision : Precision.values()) {
                    byte[] cmyk = new byte[colours * 4];
                    try (ColorTransform transform = ColorTransform.create(srgb, PixelFormat.RGB_8, press,
                            PixelFormat.CMYK_8, new RenderingOptions(intent, bpc, precision, null))) {
                        transform.convert(rgb, cmyk, colours);
                    }
                    int[] worst = worstPerChannel(cmyk, reference, 255.0 / 100);
                    System.out.printf(Locale.ROOT, "%s sRGB->CMYK %-21s bpc=%-5s %-22s %d colours, max |Platen - transicc| "
                                    + "C %d M %d Y %d K %d%n", pressFile.getFileName(), intent, bpc, precision, colours,
                            worst[0], worst[1], worst[2], worst[3]);
                    if (precision == Precision.EXACT) {
                        assertThat(Arrays.stream(worst).max().orElseThrow()).as("%s bpc=%s", intent, bpc).isLessThanOrEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void cmykToSrgbAgreesWithTransiccWithinOneCount() throws Exception {
        int steps = 5;   // 0, 25, 50, 75, 100 % of each ink: 625 colours
        int colours = steps * steps * steps * steps;
        byte[] cmyk = new byte[colours * 4];
        StringBuilder input = new StringBuilder();
        int i = 0;
        for (int c = 0; c < steps; c++) {
            for (int m = 0; m < steps; m++) {
                for (int y = 0; y < steps; y++) {
                    for (int k = 0; k < steps; k++) {
                        int[] inks = {c, m, y, k};
                        for (int ch = 0; ch < 4; ch++) {
                            int value = (int) Math.round(inks[ch] * 255.0 / (steps - 1));
                            cmyk[4 * i + ch] = (byte) value;
                            // transicc reads CMYK in percent; hand it exactly the 8-bit value Platen gets
                            input.append(String.format(Locale.ROOT, "%.6f ", value * 100.0 / 255));
                        }
                        input.append('\n');
                        i++;
                    }
                }
            }
        }
        double[][] reference = transicc(input.toString(), colours, 3, "-i" + pressFile, "-o*sRGB", "-t1", null);
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(pressFile);
             ColorTransform transform = ColorTransform.create(press, PixelFormat.CMYK_8, srgb, PixelFormat.RGB_8,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            byte[] rgb = new byte[colours * 3];
            transform.convert(cmyk, rgb, colours);
            int[] worst = worstPerChannel(rgb, reference, 1);
            System.out.printf(Locale.ROOT, "CMYK->sRGB relative %d colours, max |Platen - transicc| R %d G %d B %d%n",
                    colours, worst[0], worst[1], worst[2]);
            assertThat(Arrays.stream(worst).max().orElseThrow()).isLessThanOrEqualTo(1);
        }
    }

    /** The largest |Platen - round(transicc * scale)| per channel. */
    private static int[] worstPerChannel(byte[] platen, double[][] reference, double scale) {
        int channels = reference[0].length;
        int[] worst = new int[channels];
        for (int i = 0; i < reference.length; i++) {
            for (int ch = 0; ch < channels; ch++) {
                long expected = Math.round(Math.max(0, Math.min(255, reference[i][ch] * scale)));
                int difference = (int) Math.abs((platen[i * channels + ch] & 0xFF) - expected);
                worst[ch] = Math.max(worst[ch], difference);
            }
        }
        return worst;
    }

    static byte[] srgbGrid() {
        byte[] rgb = new byte[STEPS * STEPS * STEPS * 3];
        int i = 0;
        for (int r = 0; r < STEPS; r++) {
            for (int g = 0; g < STEPS; g++) {
                for (int b = 0; b < STEPS; b++) {
                    rgb[i++] = (byte) Math.round(r * 255.0 / (STEPS - 1));
                    rgb[i++] = (byte) Math.round(g * 255.0 / (STEPS - 1));
                    rgb[i++] = (byte) Math.round(b * 255.0 / (STEPS - 1));
                }
            }
        }
        return rgb;
    }

    private static double[][] transicc(String input, int colours, int outputChannels, String... flags)
            throws IOException, InterruptedException {
        return Transicc.run(input, colours, outputChannels, flags);
    }
}
