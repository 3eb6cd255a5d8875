package dev.platen.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code transicc} from Debian's liblcms2-utils, run as a separate process: the reference the tests hold Platen's
 * conversions to. One wrapper for every package's tests.
 */
public final class Transicc {

    private Transicc() {
    }

    /**
     * Runs transicc in terse mode (-n) with all colours on stdin, one per line; returns its numbers (CMYK in
     * percent, RGB 0..255, Lab as L* a* b*).
     *
     * @param flags transicc's options, e.g. {@code "-i" + profile}, {@code "-t11"}, {@code "-b"}; nulls are skipped
     */
    public static double[][] run(String input, int colours, int outputChannels, String... flags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("transicc", "-n"));
        Arrays.stream(flags).filter(f -> f != null).forEach(command::add);
        // from a file, not a pipe: a long input and its answer would fill both pipes and wait on each other
        Path in = Files.writeString(Files.createTempFile("transicc-in", ".txt"), input);
        String out;
        Process process;
        try {
            try {
                process = new ProcessBuilder(command).redirectInput(in.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                fail("transicc is not installed; the cross-check needs it: apt-get install liblcms2-utils ("
                        + e.getMessage() + ")");
                throw e;
            }
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("transicc finished").isTrue();
        } finally {
            Files.deleteIfExists(in);
        }
        assertThat(process.exitValue()).as("transicc exit code for %s", command).isZero();
        List<String> lines = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines).as("one line per colour from %s", command).hasSize(colours);
        double[][] values = new double[colours][];
        for (int i = 0; i < colours; i++) {
            values[i] = Arrays.stream(lines.get(i).split("\\s+")).mapToDouble(Double::parseDouble).toArray();
            assertThat(values[i]).hasSize(outputChannels);
        }
        return values;
    }

    /** 8-bit RGB (r, g, b, r, g, b, ...) as transicc reads it: 0..255, one colour a line. */
    public static String rgbInput(int... rgb) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i + 2 < rgb.length; i += 3) {
            input.append(rgb[i]).append(' ').append(rgb[i + 1]).append(' ').append(rgb[i + 2]).append('\n');
        }
        return input.toString();
    }

    /** transicc's CMYK answers (percent) as 8-bit samples, as a TIFF or a raster holds them. */
    public static int[][] eightBit(double[][] percent) {
        int[][] samples = new int[percent.length][];
        for (int i = 0; i < percent.length; i++) {
            samples[i] = Arrays.stream(percent[i]).mapToInt(v -> (int) Math.round(v * 255 / 100)).toArray();
        }
        return samples;
    }

    /** 8-bit CMYK as transicc reads it: percent, exactly the 8-bit value, one colour a line. */
    public static String cmykInput(byte[] cmyk, int colours) {
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < colours; i++) {
            for (int c = 0; c < 4; c++) {
                input.append(String.format(java.util.Locale.ROOT, "%.6f ", (cmyk[4 * i + c] & 0xFF) * 100.0 / 255));
            }
            input.append('\n');
        }
        return input.toString();
    }
}
