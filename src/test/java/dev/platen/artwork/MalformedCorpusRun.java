package dev.platen.artwork;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs {@link MalformedCorpus} through the inspector as upload, inspection and render do (header, full decode,
 * pixels), in a JVM of its own so that the heap limit it runs under is part of the result. One line per file:
 * {@code case <name> <answer> <ms>}, then a summary line. Started by {@link MalformedCorpusTest}.
 */
public final class MalformedCorpusRun {

    private MalformedCorpusRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        ArtworkInspector inspector = new ArtworkInspector(ArtworkLimits.defaults());
        long slowest = 0;
        long peak = 0;
        int files = 0;
        for (MalformedCorpus.Case c : MalformedCorpus.cases()) {
            Path file = Files.write(dir.resolve("case.bin"), c.bytes());
            resetPeaks();
            long start = System.nanoTime();
            String answer;
            try {
                ArtworkHeader header = inspector.readHeader(file);
                DecodedArtwork decoded = inspector.decodeFully(file);
                ArtworkPixels pixels = inspector.pixels(file, 36);
                answer = MalformedCorpus.ACCEPTED + " findings=" + String.join(",", java.util.stream.Stream.of(
                        header.findings(), decoded.findings(), pixels.findings()).flatMap(java.util.List::stream)
                        .map(Finding::code).distinct().toList());
            } catch (ArtworkRejected e) {
                answer = "REJECTED " + e.httpStatus() + " " + e.code();
            } catch (Throwable t) {
                answer = "FAILED " + t.toString().replace('\n', ' ');
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            slowest = Math.max(slowest, ms);
            peak = Math.max(peak, peakHeap());
            files++;
            System.out.printf(Locale.ROOT, "case %s %s %d%n", c.name(), answer, ms);
        }
        System.out.printf(Locale.ROOT, "summary files=%d slowest=%d peak=%d max=%d%n", files, slowest, peak,
                Runtime.getRuntime().maxMemory());
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks: an over-estimate (the pools peak at different moments, garbage included). */
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
