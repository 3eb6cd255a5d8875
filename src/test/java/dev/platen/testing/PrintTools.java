package dev.platen.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The independent tools the render tests check files with, and the Debian package each comes from. A missing
 * tool fails the test and names the package: CI installs them, and a check that silently does not run is no check.
 */
public final class PrintTools {

    private PrintTools() {
    }

    /** The project's own coated press profile, as the coated stock ships it. */
    public static final Path STOCK_PROFILE = Path.of("icc-profiles/platen-coated-v1.icc");

    public static byte[] stockProfile() throws IOException {
        if (!Files.isReadable(STOCK_PROFILE)) {
            fail(STOCK_PROFILE + " is missing: run the tests from the project's root folder");
        }
        return Files.readAllBytes(STOCK_PROFILE);
    }

    /** Runs a tool to completion and returns its standard output; fails on a non-zero exit. */
    public static String run(List<String> command) throws IOException, InterruptedException {
        String tool = command.get(0);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("'" + tool + "' is not installed: install the Debian package " + packageOf(tool)
                    + " (apt-get install " + packageOf(tool) + ")", e);
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(tool + " did not finish");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + text);
        return text;
    }

    public static String packageOf(String tool) {
        return switch (tool) {
            case "gs" -> "ghostscript";
            case "tiffinfo", "tiffdump" -> "libtiff-tools";
            case "pdfinfo", "pdfimages" -> "poppler-utils";
            default -> "providing " + tool;
        };
    }
}
