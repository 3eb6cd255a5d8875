package dev.platen.color;

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
     * @param dir   where the input file is written
     * @param flags transicc's options, e.g. {@code "-i" + profile}, {@code "-t11"}, {@code "-b"}; nulls are skipped
     */
    public static double[][] run(Path dir, String input, int colours, int outputChannels, String... flags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("transicc", "-n"));
        Arrays.stream(flags).filter(f -> f != null).forEach(command::add);
        Path in = Files.writeString(Files.createTempFile(dir, "transicc-in", ".txt"), input);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(in.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            fail("transicc is not installed; the cross-check needs it: apt-get install liblcms2-utils ("
                    + e.getMessage() + ")");
            throw e;
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("transicc finished").isTrue();
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
