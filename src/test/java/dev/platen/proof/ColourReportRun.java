package dev.platen.proof;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.color.BlackPointCompensation;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.Colorimeter;
import dev.platen.color.InkLimit;
import dev.platen.color.Lab;
import dev.platen.color.PixelFormat;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import dev.platen.color.RenderingOptions;
import dev.platen.render.SourceColour;
import dev.platen.testing.EngineTransforms;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints colour reports as the soft-proof step makes them (poster, largest tier, 2048 px proof). Not a test: a
 * measuring command whose numbers go into notes and the README.
 * <ul>
 *   <li>{@code ColourReportRun art.jpg coated-gloss uncoated-offset}: one artwork on each stock named.</li>
 *   <li>{@code ColourReportRun --lanes [dir] [stock ...]}: every file of the labelled set ({@code LANES.tsv} in
 *       {@code dir}, default the system property {@code platen.lanes} or {@code ../shared/lanes}) on the stock its
 *       product prints on (T-shirt front: {@code dtg-white-cotton}; poster face: {@code coated-gloss}), and on
 *       each further stock named (e.g. {@code uncoated-offset sublimation-mug}, for stock classes the set has no
 *       product on), one row per file and stock.</li>
 *   <li>{@code ColourReportRun --synthetic}: art drawn here (black text, a grey ramp, a checkerboard of primaries, flat
 *       and scattered neon) on every stock and on the reference press profiles in {@code platen.icc-reference}
 *       (default {@code ../shared/icc-reference}) as relative colorimetric + BPC stocks.</li>
 *   <li>{@code ColourReportRun --perceptual}: how far each stock's intent, and perceptual, move the colours the stock
 *       can print (the out-of-gamut limit must sit above it).</li>
 * </ul>
 * {@code -Dplaten.run.out=DIR} also writes each proof sheet's images; {@code -Dplaten.run.no-bpc=true} measures the
 * labelled set on the stocks with BPC switched off (the quality floor's counter-example).
 */
public final class ColourReportRun {

    private static final Map<String, String> PRODUCT_STOCK = Map.of("tshirt", "dtg-white-cotton",
            "poster", "coated-gloss");

    private ColourReportRun() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--lanes")) {
            lanes(args);
            return;
        }
        if (args.length > 0 && args[0].equals("--synthetic")) {
            synthetic();
            return;
        }
        if (args.length > 0 && args[0].equals("--perceptual")) {
            perceptualCompression();
            return;
        }
        Path art = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Stock stock = ProofFixtures.stock(args[i]);
            ColourReport r = report(art, stock);
            System.out.printf(Locale.ROOT, "%s on %s: %s%n", art.getFileName(), stock.id(), r.summary());
        }
    }

    private static void lanes(String[] args) throws IOException {
        int next = 1;
        Path dir = Path.of(System.getProperty("platen.lanes", "../shared/lanes"));
        if (args.length > 1 && Files.isDirectory(Path.of(args[1]))) {
            dir = Path.of(args[1]);
            next = 2;
        }
        List<String> extraStocks = List.of(args).subList(next, args.length);
        Map<String, List<String>> stocksOfFile = new LinkedHashMap<>();
        for (String line : Files.readAllLines(dir.resolve("LANES.tsv"))) {
            String[] cells = line.split("\t");
            if (cells[0].equals("file")) {
                continue;
            }
            String stock = PRODUCT_STOCK.get(cells[1]);
            List<String> stocks = stocksOfFile.computeIfAbsent(cells[0], f -> new ArrayList<>());
            if (stock != null && !stocks.contains(stock)) {
                stocks.add(stock);
            }
        }
        System.out.printf(Locale.ROOT, "%-54s %-18s %8s %8s %7s %8s %6s %6s%n", "file", "stock", "gamut%", "dE95",
                "ssim", "dEmean", "ink%", "s");
        for (Map.Entry<String, List<String>> e : stocksOfFile.entrySet()) {
            List<String> stocks = new ArrayList<>(e.getValue());
            extraStocks.stream().filter(s -> !stocks.contains(s)).forEach(stocks::add);
            for (String id : stocks) {
                long start = System.nanoTime();
                Stock stock = ProofFixtures.stock(id);
                if (Boolean.getBoolean("platen.run.no-bpc")) {
                    // What a stock set up without black point compensation makes of the same art (the SSIM floor's
                    // counter-example: shadows below the stock's black are crushed to it).
                    stock = withoutBpc(stock);
                }
                ColourReport r = report(dir.resolve(e.getKey()), stock);
                System.out.printf(Locale.ROOT, "%-54s %-18s %8.2f %8.2f %7.4f %8.2f %6.0f %6.1f%n", e.getKey(),
                        e.getValue().contains(id) ? id : "(" + id + ")", r.outOfGamutShare() * 100,
                        r.deltaE2000P95(), r.ssim(), r.deltaE2000Mean(), r.maxTotalInk(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }

    static Stock withoutBpc(Stock s) {
        return new Stock(s.id(), s.name(), s.paper(), s.profile(), s.profileDescription(), s.profileSha256(), s.intent(),
                false, s.inkLimit(), s.outputs(), s.outputCondition(), s.precision(), s.gamutClass());
    }

    /** The project's stocks, and the reference press profiles as relative colorimetric + BPC stocks, 300 % ink. */
    static List<Stock> allStocks() {
        List<Stock> stocks = new ArrayList<>(ProofFixtures.CATALOG.stocks());
        Path reference = Path.of(System.getProperty("platen.icc-reference", "../shared/icc-reference"));
        for (String name : List.of("FOGRA39L_coated", "FOGRA29L_uncoated", "FOGRA47L_uncoated", "FOGRA45L_lwc",
                "GRACoL_TR006_coated", "IFRA26S_2004_newsprint")) {
            Path file = reference.resolve(name + ".icc");
            if (Files.isRegularFile(file)) {
                stocks.add(new Stock(name, name, null, file, name, "", RenderingIntent.RELATIVE_COLORIMETRIC, true,
                        new InkLimit(300), Set.of(PrintFileFormat.TIFF), name, Precision.EXACT, null));
            }
        }
        return stocks;
    }

    /**
     * Art drawn here on every stock: black text on white, a grey ramp, a checkerboard of saturated RGB primaries
     * and secondaries (squares an eighth of the picture wide), a flat neon green and the same green scattered
     * over 2 % of a muted photo.
     */
    private static void synthetic() {
        Map<String, BufferedImage> art = new LinkedHashMap<>();
        art.put("black text on white", ProofFixtures.blackText(1200, 800));
        art.put("grey ramp", ProofFixtures.greyRamp(1200, 800));
        art.put("primaries checkerboard", ProofFixtures.primariesCheckerboard(1200, 800, 150));
        art.put("flat neon green", ProofFixtures.flat(1200, 800, 0x00FF40));
        art.put("2 % scattered neon green", ProofFixtures.withScattered(ProofFixtures.mutedPhoto(1200, 800), 0x00FF40, 0.02));
        Product poster = ProofFixtures.product("poster");
        LayoutTier tier = poster.placements().get(0).largestTier();
        System.out.printf(Locale.ROOT, "%-26s %-24s %8s %8s %7s%n", "art", "stock", "gamut%", "dE95", "ssim");
        for (Map.Entry<String, BufferedImage> e : art.entrySet()) {
            for (Stock stock : allStocks()) {
                try (SourceColour source = ProofFixtures.srgbArt(e.getValue())) {
                    ColourReport r = ProofSheet.make(source, stock, poster, tier, 2048, EngineTransforms.CACHE)
                            .report();
                    System.out.printf(Locale.ROOT, "%-26s %-24s %8.2f %8.2f %7.4f%n", e.getKey(), stock.id(),
                            r.outOfGamutShare() * 100, r.deltaE2000P95(), r.ssim());
                }
            }
        }
    }

    /**
     * What each stock's own intent does to colours it can print: on a 17-step sRGB grid, the colours whose
     * relative colorimetric + BPC print lands within ΔE2000 1.5 of the target are in gamut; for those, the ΔE2000
     * between target and the print with the stock's intent (and ink limit). Per-colour, no spatial filter: the
     * tolerance for "a different colour" must sit above these for perceptual stocks too.
     */
    private static void perceptualCompression() {
        System.out.printf(Locale.ROOT, "%-24s %-22s %9s %7s %7s %7s%n", "stock", "intent", "in gamut", "p50", "p95",
                "max");
        for (Stock stock : allStocks()) {
            for (RenderingIntent intent : List.of(stock.intent(), RenderingIntent.PERCEPTUAL)) {
                double[] d = inGamutDifferences(stock, intent);
                Arrays.sort(d);
                System.out.printf(Locale.ROOT, "%-24s %-22s %9d %7.2f %7.2f %7.2f%n", stock.id(), intent, d.length,
                        d[d.length / 2], d[(int) (d.length * 0.95)], d[d.length - 1]);
                if (intent == RenderingIntent.PERCEPTUAL) {
                    break;
                }
            }
        }
    }

    private static double[] inGamutDifferences(Stock stock, RenderingIntent intent) {
        int steps = 17;
        int n = steps * steps * steps;
        byte[] rgb = new byte[3 * n];
        int k = 0;
        for (int r = 0; r < steps; r++) {
            for (int g = 0; g < steps; g++) {
                for (int b = 0; b < steps; b++) {
                    rgb[k++] = (byte) Math.min(255, r * 16);
                    rgb[k++] = (byte) Math.min(255, g * 16);
                    rgb[k++] = (byte) Math.min(255, b * 16);
                }
            }
        }
        try (ColorProfile press = stock.openProfile(); ColorProfile srgb = ColorProfile.srgb();
             Colorimeter art = Colorimeter.of(srgb, PixelFormat.RGB_8, RenderingIntent.RELATIVE_COLORIMETRIC);
             Colorimeter print = Colorimeter.of(press, PixelFormat.CMYK_8, RenderingIntent.RELATIVE_COLORIMETRIC);
             ColorTransform colorimetric = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true).withInkLimit(stock.inkLimit()));
             ColorTransform own = ColorTransform.create(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                     RenderingOptions.of(intent, stock.blackPointCompensation()).withInkLimit(stock.inkLimit()))) {
            byte[] c1 = new byte[4 * n];
            byte[] c2 = new byte[4 * n];
            colorimetric.convert(rgb, c1, n);
            own.convert(rgb, c2, n);
            List<Lab> artLab = art.measure(rgb, n);
            List<Lab> p1 = print.measure(c1, n);
            List<Lab> p2 = print.measure(c2, n);
            BlackPointCompensation relBpc = BlackPointCompensation.of(srgb, press,
                    RenderingIntent.RELATIVE_COLORIMETRIC, true);
            BlackPointCompensation ownBpc = BlackPointCompensation.of(srgb, press, intent,
                    stock.blackPointCompensation());
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (relBpc.apply(artLab.get(i)).deltaE2000(p1.get(i)) < 1.5) {
                    out.add(ownBpc.apply(artLab.get(i)).deltaE2000(p2.get(i)));
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    static ColourReport report(Path art, Stock stock) {
        Product poster = ProofFixtures.product("poster");
        LayoutTier tier = poster.placements().get(0).largestTier();
        ArtworkPixels pixels;
        try {
            pixels = new ArtworkInspector(new ArtworkLimits(400_000_000L, 300_000_000L, 1)).pixels(art, 150);
        } catch (ArtworkRejected e) {
            // A JPEG that stops early: measure what the decoder makes of it (the rest filled in), as sRGB. Its
            // colours are the photo's; the truncation is another check's business.
            System.out.println("(" + art.getFileName() + ": " + e.getMessage() + "; measured as ImageIO decodes it)");
            try (SourceColour source = ProofFixtures.srgbArt(ImageIO.read(art.toFile()))) {
                return ProofSheet.make(source, stock, poster, tier, 2048, EngineTransforms.CACHE).report();
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        try (ColorProfile press = stock.openProfile(); SourceColour source = SourceColour.of(pixels, press)) {
            ProofSheet sheet = ProofSheet.make(source, stock, poster, tier, 2048, EngineTransforms.CACHE);
            String out = System.getProperty("platen.run.out");
            if (out != null) {
                // -Dplaten.run.out=DIR: the proof, gamut view, mockup and before/after of each file and stock.
                try {
                    sheet.writePngs(Path.of(out, art.getFileName() + "-" + stock.id()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return sheet.report();
        }
    }
}
