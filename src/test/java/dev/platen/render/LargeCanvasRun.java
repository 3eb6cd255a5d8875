package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.PrintArea;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Set;

/**
 * The large placement, run in its own JVM by {@link LargeCanvasHeapTest} so that its heap limit is the one set
 * on the command line: 6000 x 8000 px art (3 bytes a pixel, as ImageIO decodes JPEG) onto a 12 x 16 in tier at
 * 300 DPI, both formats. Prints one line: {@code art=<bytes> peak=<bytes> canvas=<w>x<h> seconds=<s>}.
 */
public final class LargeCanvasRun {

    private LargeCanvasRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        BufferedImage art = new BufferedImage(6000, 8000, BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) art.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < 8000; y++) {
            for (int x = 0; x < 6000; x++) {
                int at = (y * 6000 + x) * 3;
                pixels[at] = (byte) (x * 255 / 6000);
                pixels[at + 1] = (byte) (y * 255 / 8000);
                pixels[at + 2] = (byte) ((x ^ y) & 0xFF);
            }
        }
        RenderJob job = TestJobs.job(art, PrintArea.inches(12, 16), 0, 300, new NaiveCmyk(),
                Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF));
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long start = System.nanoTime();
        PrintFiles files = new PrintFileWriter().write(job, dir.resolve("large.pdf"), dir.resolve("large.tif"));
        double seconds = (System.nanoTime() - start) / 1e9;
        // Sum of each heap pool's peak: pools peak at different moments, so this over-states the true peak.
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("art=%d peak=%d canvas=%dx%d seconds=%.1f%n", pixels.length, peak, files.widthPx(),
                files.heightPx(), seconds);
    }
}
