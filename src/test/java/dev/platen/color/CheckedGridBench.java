package dev.platen.color;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.Stock;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The exhaustive check of {@link CheckedGrid} and its speed, per stock of {@code icc-profiles/stocks.yaml} (sRGB art,
 * the stock's intent, BPC and ink limit): every one of the 16,777,216 RGB colours through the grid and through
 * lcms's exact evaluation, compared count by count, then the throughput of the grid, of exact lcms and of lcms's
 * high-resolution precalculation on a photograph's pixels, on one thread and on two.
 *
 * <pre>bench/separation [PHOTO.jpg] [stock-id ...]</pre>
 * Reports: the build time; the largest difference per channel from lcms's exact 8-bit output and the histogram of
 * differences; the largest distance from the exact value before rounding (lcms's 16-bit output / 257, what
 * {@code transicc} prints), which decides the promise against transicc; the share of colours in tetrahedra the build
 * marked for exact evaluation. Throughput is the median of three runs, in megapixels a second of wall time.
 */
public final class CheckedGridBench {

    private static final int COLOURS = 1 << 24;
    private static final int CHUNK = 1 << 20;
    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private CheckedGridBench() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = Path.of("/tmp/photo.jpg");
        List<String> only = new ArrayList<>();
        for (String arg : args) {
            if (arg.endsWith(".jpg") || arg.endsWith(".jpeg") || arg.endsWith(".png") || arg.endsWith(".tif")) {
                photo = Path.of(arg);
            } else {
                only.add(arg);
            }
        }
        Catalog catalog = Catalog.load(new CatalogLocations(Path.of("layout-tiers"), Path.of("icc-profiles/stocks.yaml")));
        byte[] pixels = Files.exists(photo) ? rgbOf(photo) : null;
        System.out.printf(Locale.ROOT, "%d cores; photo %s%n", Runtime.getRuntime().availableProcessors(),
                pixels == null ? "missing, no throughput" : photo + ", " + pixels.length / 3 + " px");
        for (Stock stock : catalog.stocks()) {
            if (!only.isEmpty() && !only.contains(stock.id())) {
                continue;
            }
            RenderingOptions options = RenderingOptions.of(stock.intent(), stock.blackPointCompensation())
                    .withPrecision(Precision.EXACT).withInkLimit(stock.inkLimit());
            try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = stock.openProfile();
                 TransformCache cache = new TransformCache(2);
                 ColorTransform exact8 = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options);
                 ColorTransform exact16 = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_16, options);
                 ColorTransform highRes = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         options.withPrecision(Precision.PRECALCULATED_HIGH_RES))) {
                System.out.printf(Locale.ROOT, "%n== %s: %s, %s, BPC %s, ink limit %.0f %%%n", stock.id(),
                        stock.profile().getFileName(), stock.intent(), stock.blackPointCompensation(), stock.inkLimit().percent());
                long cpu = OS.getProcessCpuTime();
                CheckedGrid grid = cache.checkedGrid(srgb, press, options);
                System.out.printf(Locale.ROOT, "build %d ms wall, %.0f ms CPU (%s)%n", grid.buildMillis(),
                        (OS.getProcessCpuTime() - cpu) / 1e6, grid);
                exhaustive(grid, exact8, exact16);
                if (pixels != null) {
                    throughput(grid, exact8, highRes, pixels);
                }
            }
        }
    }

    private static void exhaustive(CheckedGrid grid, ColorTransform exact8, ColorTransform exact16) {
        CheckedGrid.Conversion conversion = grid.conversion(exact8);
        int[] worst = new int[4];
        double[] worstReal = new double[4];
        long[] histogram = new long[4];     // channel values off by 0, 1, 2, 3 or more
        long[] colours = new long[4];       // colours whose worst channel is off by 0, 1, 2, 3 or more
        long roundingMismatches = 0;
        byte[] rgb = new byte[CHUNK * 3];
        byte[] viaGrid = new byte[CHUNK * 4];
        byte[] exact = new byte[CHUNK * 4];
        byte[] exactWide = new byte[CHUNK * 8];
        long start = System.nanoTime();
        long gridNanos = 0;
        for (int first = 0; first < COLOURS; first += CHUNK) {
            for (int i = 0; i < CHUNK; i++) {
                int c = first + i;
                rgb[3 * i] = (byte) (c >>> 16);
                rgb[3 * i + 1] = (byte) (c >>> 8);
                rgb[3 * i + 2] = (byte) c;
            }
            long t = System.nanoTime();
            conversion.convert(rgb, CHUNK, viaGrid);
            gridNanos += System.nanoTime() - t;
            parallel(exact8, rgb, exact, CHUNK, 4);
            parallel(exact16, rgb, exactWide, CHUNK, 8);
            ByteBuffer wide = ByteBuffer.wrap(exactWide).order(ByteOrder.nativeOrder());
            for (int i = 0; i < CHUNK; i++) {
                int colourWorst = 0;
                for (int ch = 0; ch < 4; ch++) {
                    int g = viaGrid[4 * i + ch] & 0xFF;
                    int e = exact[4 * i + ch] & 0xFF;
                    int w = wide.getChar(8 * i + 2 * ch);
                    if ((w * 65281 + 8388608) >>> 24 != e) {
                        roundingMismatches++;
                    }
                    int d = Math.abs(g - e);
                    worst[ch] = Math.max(worst[ch], d);
                    worstReal[ch] = Math.max(worstReal[ch], Math.abs(g - w / 257.0));
                    histogram[Math.min(3, d)]++;
                    colourWorst = Math.max(colourWorst, d);
                }
                colours[Math.min(3, colourWorst)]++;
            }
        }
        System.out.printf(Locale.ROOT, "all %d colours (%.1f s; the grid %.1f s of it, its exact colours included):%n",
                COLOURS, (System.nanoTime() - start) / 1e9, gridNanos / 1e9);
        System.out.printf(Locale.ROOT, "  max |grid - lcms exact 8-bit|  C %d  M %d  Y %d  K %d counts%n",
                worst[0], worst[1], worst[2], worst[3]);
        System.out.printf(Locale.ROOT, "  max |grid - exact value|      C %.3f  M %.3f  Y %.3f  K %.3f counts "
                + "(exact value = lcms 16-bit / 257, as transicc prints it)%n", worstReal[0], worstReal[1], worstReal[2], worstReal[3]);
        System.out.printf(Locale.ROOT, "  channel values off by 0: %d, 1: %d, 2: %d, 3+: %d%n",
                histogram[0], histogram[1], histogram[2], histogram[3]);
        System.out.printf(Locale.ROOT, "  colours off by 0: %d (%.2f %%), 1: %d (%.2f %%), 2+: %d%n", colours[0],
                100.0 * colours[0] / COLOURS, colours[1], 100.0 * colours[1] / COLOURS, colours[2] + colours[3]);
        System.out.printf(Locale.ROOT, "  in exact tetrahedra: %.2f %% of colours (%.2f %% of tetrahedra marked); "
                + "lcms 8-bit vs its 16-bit rounded: %d mismatches%n", 100.0 * conversion.exactPixels() / COLOURS,
                100 * grid.markedShare(), roundingMismatches);
    }

    private static void throughput(CheckedGrid grid, ColorTransform exact8, ColorTransform highRes, byte[] rgb)
            throws Exception {
        int pixels = rgb.length / 3;
        byte[] out = new byte[pixels * 4];
        // Exact lcms pixel by pixel takes seconds a megapixel-core; timed on the first 2 MP.
        int exactPixels = Math.min(pixels, 2_000_000);
        for (int threads : new int[] {1, 2}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                long[] exactColours = new long[1];
                long[] remembered = new long[1];
                long[] marked = new long[1];
                double gridRate = median(() -> pool.submit(() -> {
                    CheckedGrid.Conversion conversion = grid.conversion(exact8);
                    // in bands of 256 rows of the 3600 px photo, as the render hands them over
                    int band = 3600 * 256;
                    byte[] in = new byte[band * 3];
                    byte[] cmyk = new byte[band * 4];
                    for (int first = 0; first < pixels; first += band) {
                        int n = Math.min(band, pixels - first);
                        System.arraycopy(rgb, first * 3, in, 0, n * 3);
                        conversion.convert(in, n, cmyk);
                    }
                    exactColours[0] = conversion.exactColours();
                    remembered[0] = conversion.remembered();
                    marked[0] = conversion.exactPixels();
                    return null;
                }).get(), pixels);
                double gridCpu = lastCpuRate;
                CheckedGrid.Conversion warm = grid.conversion(exact8);
                warm.convert(rgb, pixels, out);
                double warmRate = median(() -> pool.submit(() -> {
                    warm.convert(rgb, pixels, out);
                    return null;
                }).get(), pixels);
                double warmCpu = lastCpuRate;
                double highResRate = median(() -> pool.submit(() -> parallel(highRes, rgb, out, pixels, 4)).get(), pixels);
                double highResCpu = lastCpuRate;
                double exactRate = median(() -> pool.submit(() -> parallel(exact8, rgb, out, exactPixels, 4)).get(), exactPixels);
                double exactCpu = lastCpuRate;
                System.out.printf(Locale.ROOT, "photo, %d thread%s, Mpx/s of wall (of CPU): checked grid %.1f (%.1f) as a "
                                + "new render (%.1f %% of pixels in exact tetrahedra, %d colours separated exactly, table of %d), %.1f (%.1f) with its "
                                + "exact colours known; lcms exact %.1f (%.1f); lcms precalculated high-res %.1f (%.1f)%n",
                        threads, threads == 1 ? "" : "s", gridRate, gridCpu, 100.0 * marked[0] / pixels, exactColours[0], remembered[0], warmRate,
                        warmCpu, exactRate, exactCpu, highResRate, highResCpu);
            } finally {
                pool.shutdown();
            }
        }
    }

    private interface Run {
        void run() throws Exception;
    }

    /**
     * Megapixels a second of wall time, the median of three runs after one to warm up; the median megapixels a
     * second of the process's CPU time goes to {@link #lastCpuRate} (the machine may be shared: CPU time is the
     * steadier figure).
     */
    private static double median(Run run, int pixels) throws Exception {
        run.run();
        double[] rates = new double[3];
        double[] cpuRates = new double[3];
        com.sun.management.OperatingSystemMXBean os = OS;
        for (int i = 0; i < rates.length; i++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            run.run();
            rates[i] = pixels / ((System.nanoTime() - start) / 1e3);
            cpuRates[i] = pixels / ((os.getProcessCpuTime() - cpu) / 1e3);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        lastCpuRate = cpuRates[1];
        return rates[1];
    }

    private static double lastCpuRate;

    /** lcms over {@code pixels}, in as many parts as the pool running it has threads (x4, for balance). */
    private static Void parallel(ColorTransform transform, byte[] in, byte[] out, int pixels, int outBytes) {
        int parts = Math.max(1, Math.min(64, pixels / 16384));
        int per = (pixels + parts - 1) / parts;
        IntStream.range(0, parts).parallel().forEach(part -> {
            int first = part * per;
            int n = Math.min(per, pixels - first);
            if (n > 0) {
                transform.convert(ByteBuffer.wrap(in, first * 3, n * 3).slice(),
                        ByteBuffer.wrap(out, first * outBytes, n * outBytes).slice(), n);
            }
        });
        return null;
    }

    /** The photo's pixels as R, G, B bytes, from the decoder's raster (no getRGB per pixel). */
    static byte[] rgbOf(Path photo) throws Exception {
        BufferedImage image = ImageIO.read(photo.toFile());
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(image, 0, 0, null);
            image = bgr;
        }
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        return rgb;
    }
}
