package dev.platen.artwork;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the inspector over every file of a folder, as the engine would on upload (header), at the inspection
 * step (full decode) and at the render step (pixels), and prints one line per file: the answer, the time and the heap used. For trying the engine
 * against artwork collected elsewhere without committing it. Not part of the suite.
 *
 * <pre>java -Xmx1g -cp ... dev.platen.artwork.CorpusRun folder [folder...]</pre>
 */
public final class CorpusRun {

    private CorpusRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: CorpusRun folder [folder...]");
            System.exit(2);
        }
        ArtworkInspector inspector = new ArtworkInspector(ArtworkLimits.defaults());
        int files = 0;
        int accepted = 0;
        int rejected = 0;
        int crashed = 0;
        long slowest = 0;
        for (String folder : args) {
            List<Path> paths;
            try (Stream<Path> listing = Files.list(Path.of(folder))) {
                paths = listing.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : paths) {
                files++;
                resetPeaks();
                long start = System.nanoTime();
                String answer;
                try {
                    ArtworkHeader header = inspector.readHeader(file);
                    DecodedArtwork decoded = inspector.decodeFully(file);
                    // the render step's path too: pixels for printing, PDFs rendered at a proof's 72 ppi
                    inspector.pixels(file, 72);
                    answer = "accepted " + header.format().wireName() + " findings="
                            + Stream.concat(header.findings().stream(), decoded.findings().stream())
                            .map(Finding::code).distinct().toList();
                    accepted++;
                } catch (ArtworkRejected e) {
                    answer = e.httpStatus() + " " + e.code();
                    rejected++;
                } catch (Throwable t) {
                    answer = "CRASH " + t;
                    crashed++;
                }
                long ms = (System.nanoTime() - start) / 1_000_000;
                slowest = Math.max(slowest, ms);
                System.out.printf(Locale.ROOT, "%-60s %6d ms %5d MiB  %s%n", file.getFileName(), ms,
                        peakHeap() >> 20, answer);
            }
        }
        System.out.printf(Locale.ROOT, "%d files: %d accepted, %d rejected (4xx), %d crashed; slowest %d ms%n",
                files, accepted, rejected, crashed, slowest);

    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
