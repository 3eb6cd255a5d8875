package dev.platen.render;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.catalog.LengthUnit;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.InkLimit;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The bench command of one placement, as the engine runs it: decode the artwork, separate it for the coated
 * stock (relative colorimetric, BPC, 330 % ink limit), write the print file. Run as a whole process so that it
 * can be timed beside libvips and ImageMagick doing the same (see the README's "Benchmark").
 *
 * <pre>java -cp ... dev.platen.render.PlacementBench in.jpg tiff|pdfx4|both out-file [dpi] [repeat] [width-inches]</pre>
 * {@code both} writes the PDF/X-4 and the TIFF of one canvas, as a poster's stock asks, to {@code out-file.pdf} and
 * {@code out-file.tif}.
 * With {@code repeat} above 1 the placement is made that many times in one JVM and each run's time is printed:
 * the engine renders in a warm JVM, the whole-process figure includes start-up and JIT warm-up.
 * The print area is the art's own size at the given DPI (default 300), so the canvas is the art pixel for pixel
 * and the run measures decoding, separation and writing, not resampling; with {@code width-inches} it is that wide
 * (the art's aspect), as a 16 MP photo on a 4 in sticker.
 */
public final class PlacementBench {

    private PlacementBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PlacementBench in.jpg tiff|pdfx4|both out-file [dpi] [repeat] [width-inches]");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Set<PrintFileFormat> formats = args[1].equals("both") ? Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF)
                : Set.of(PrintFileFormat.parse(args[1]).orElseThrow());
        Path out = Path.of(args[2]);
        int dpi = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int repeat = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        BigDecimal widthInches = args.length > 5 ? new BigDecimal(args[5]) : null;
        // One cache for all runs, as the engine has one: the first run builds the stock's checked grid, the rest
        // reuse it.
        try (dev.platen.color.TransformCache cache = new dev.platen.color.TransformCache(4,
                System.getProperty("platen.grid-folder") == null ? null
                        : java.nio.file.Path.of(System.getProperty("platen.grid-folder")))) {
            for (int run = 1; run <= repeat; run++) {
                long start = System.nanoTime();
                String made = place(in, formats, out, dpi, widthInches, cache);
                System.out.printf("run %d: %s in %.0f ms%n", run, made, (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private static String place(Path in, Set<PrintFileFormat> formats, Path out, int dpi, BigDecimal widthInches,
                                dev.platen.color.TransformCache cache) throws Exception {
        Path profile = Path.of("icc-profiles/platen-coated-v1.icc");
        Stock coated = new Stock("coated-gloss", "Coated", null, profile, "Platen coated", "", RenderingIntent.RELATIVE_COLORIMETRIC,
                true, new InkLimit(330), formats, "Platen coated v1",
                "fast".equals(System.getProperty("platen.precision")) ? Precision.PRECALCULATED_HIGH_RES : Precision.EXACT,
                "coated-paper");

        ArtworkPixels pixels = new ArtworkInspector(new ArtworkLimits(400_000_000L, 300_000_000L, 1)).pixelsInRows(in, dpi);
        BigDecimal width = widthInches != null ? widthInches
                : BigDecimal.valueOf(pixels.image().getWidth()).divide(BigDecimal.valueOf(dpi), MathContext.DECIMAL64);
        PrintArea area = new PrintArea(width, width.multiply(BigDecimal.valueOf(pixels.image().getHeight()))
                .divide(BigDecimal.valueOf(pixels.image().getWidth()), MathContext.DECIMAL64), LengthUnit.IN);
        try (ColorProfile press = ColorProfile.fromFile(profile);
             SourceColour source = SourceColour.of(pixels, press);
             ArtSeparation separation = ArtSeparation.of(source, press, coated, cache)) {
            RenderJob job = new RenderJob(source.image(), area, 0, dpi, separation,
                    new OutputCondition("coated-gloss", "Platen coated v1", Files.readAllBytes(profile)), formats,
                    new Provenance("bench", java.time.Instant.EPOCH, "relative-colorimetric", true, "bench", "bench", "bench", "bench"));
            boolean both = formats.size() > 1;
            PrintFiles files = new PrintFileWriter().write(job,
                    !formats.contains(PrintFileFormat.PDF_X4) ? null : both ? Path.of(out + ".pdf") : out,
                    !formats.contains(PrintFileFormat.TIFF) ? null : both ? Path.of(out + ".tif") : out);
            return files.widthPx() + "x" + files.heightPx() + " " + files.files().stream()
                    .map(f -> f.bytes() + " bytes").collect(java.util.stream.Collectors.joining(" + "));
        }
    }
}
