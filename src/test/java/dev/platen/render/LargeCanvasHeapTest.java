package dev.platen.render;

import dev.platen.testing.PrintTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 6000 x 8000 px placement onto 12 x 16 in at 300 DPI (3600 x 4800 px, 17 MP) under a heap limit that holds the
 * decoded art (144 MB) and little more. One full-size copy of the CMYK canvas alone would be 69 MB and a full-size
 * ARGB copy of the art 192 MB; either would run the JVM out of memory. Not a timing test: the time is printed.
 */
class LargeCanvasHeapTest {

    /**
     * The art's 137 MiB plus 55 MiB for the JVM, PDFBox, ImageIO, one band and the blocks in flight to the
     * compressing workers; measured on JDK 17 with G1, the run usually completes at 170m, but at 180m it ran out about
     * once in ten runs on a busy 2-core machine, when the workers fell behind and held their most blocks. A canvas held
     * whole instead of in bands needs its CMYK copy too, 66 MiB more, and fails at this limit. G1 is named because the
     * JVM picks Serial on small machines, whose old generation (two thirds of the heap) could not take the art's single
     * 137 MiB array at this limit.
     */
    private static final List<String> HEAP_LIMIT = List.of("-Xmx192m", "-XX:+UseG1GC");

    @TempDir
    Path dir;

    @Test
    void largePlacementRendersWithTheArtAndOneBandOnTheHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(HEAP_LIMIT);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LargeCanvasRun.class.getName(),
                dir.toString()));
        String output = PrintTools.run(command);

        System.out.println("Large placement under " + HEAP_LIMIT + ": " + output.strip());
        Matcher m = Pattern.compile("art=(\\d+) peak=(\\d+) canvas=3600x4800").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        long art = Long.parseLong(m.group(1));
        long peak = Long.parseLong(m.group(2));
        System.out.printf("Sum of heap pool peaks %.1f MiB (an over-estimate: garbage included), art %.1f MiB%n",
                peak / 1048576.0, art / 1048576.0);
        assertThat(Files.size(dir.resolve("large.tif"))).isPositive();
        assertThat(Files.size(dir.resolve("large.pdf"))).isPositive();
    }
}
