package dev.platen.color;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.Stock;
import dev.platen.testing.Transicc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checked grid against lcms's exact evaluation and against transicc. The exhaustive check over all 16,777,216
 * colours is {@code bench/separation} (a minute a profile); here a sample that can fail: random colours, the RGB
 * cube's edges and faces (saturated colours, where separations clip), and the greys.
 */
class CheckedGridTest {

    @TempDir
    static Path dir;

    /** The stocks of icc-profiles/stocks.yaml with their intent, BPC and ink limit, and the synthetic press. */
    static Stream<Object[]> separations() {
        Catalog catalog = Catalog.load(new CatalogLocations(Path.of("layout-tiers"), Path.of("icc-profiles/stocks.yaml")));
        List<Object[]> cases = new ArrayList<>();
        for (Stock stock : catalog.stocks()) {
            cases.add(new Object[] {stock.id(), stock.profile(), RenderingOptions.of(stock.intent(),
                    stock.blackPointCompensation()).withInkLimit(stock.inkLimit())});
        }
        // The lcms-built stand-in: its precalculation is 33 counts off transicc, the hardest case for a grid.
        cases.add(new Object[] {"synthetic press", SyntheticPressProfile.writeTo(dir),
                RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true).withInkLimit(new InkLimit(300))});
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("separations")
    void agreesWithExactEvaluationWithinOneCountOnRandomAndGamutEdgeColours(String name, Path profile,
                                                                           RenderingOptions options) throws Exception {
        byte[] rgb = sample();
        int colours = rgb.length / 3;
        byte[] viaGrid = new byte[colours * 4];
        byte[] exact = new byte[colours * 4];
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(profile);
             TransformCache cache = new TransformCache(2);
             ColorTransform exact8 = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options)) {
            CheckedGrid.Conversion conversion = cache.checkedGrid(srgb, press, options).conversion(exact8);
            conversion.convert(rgb, colours, viaGrid);
            exact8.convert(rgb, exact, colours);
            int worst = 0;
            int worstAt = -1;
            for (int i = 0; i < colours * 4; i++) {
                int d = Math.abs((viaGrid[i] & 0xFF) - (exact[i] & 0xFF));
                if (d > worst) {
                    worst = d;
                    worstAt = i / 4;
                }
            }
            assertThat(worst).as("%s: largest difference, at RGB %s", name, worstAt < 0 ? "-"
                    : (rgb[3 * worstAt] & 0xFF) + " " + (rgb[3 * worstAt + 1] & 0xFF) + " " + (rgb[3 * worstAt + 2] & 0xFF))
                    .isLessThanOrEqualTo(1);
            // Both ways were taken: some colours interpolated, some separated exactly (on the stock profiles a third
            // to a half exactly; on the synthetic press, whose separation is all kinks, two thirds).
            assertThat(conversion.exactPixels()).as("pixels separated exactly").isPositive().isLessThan(colours);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("separations")
    void agreesWithTransiccWithinOneCountOnTheCrossCheckColours(String name, Path profile, RenderingOptions stockOptions)
            throws Exception {
        // transicc has no ink limit: the same intent and BPC without one (the stock profiles' own TAC is within it).
        RenderingOptions options = new RenderingOptions(stockOptions.intent(), stockOptions.blackPointCompensation(),
                Precision.EXACT, null);
        byte[] rgb = TransiccCrossCheckTest.srgbGrid();
        int colours = rgb.length / 3;
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < colours; i++) {
            input.append(rgb[3 * i] & 0xFF).append(' ').append(rgb[3 * i + 1] & 0xFF).append(' ')
                    .append(rgb[3 * i + 2] & 0xFF).append('\n');
        }
        double[][] reference = Transicc.run(input.toString(), colours, 4, "-i*sRGB", "-o" + profile,
                "-t" + options.intent().code(), options.blackPointCompensation() ? "-b" : null);
        byte[] cmyk = new byte[colours * 4];
        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = ColorProfile.fromFile(profile);
             TransformCache cache = new TransformCache(2);
             ColorTransform exact8 = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options)) {
            cache.checkedGrid(srgb, press, options).conversion(exact8).convert(rgb, colours, cmyk);
        }
        for (int i = 0; i < colours; i++) {
            for (int ch = 0; ch < 4; ch++) {
                long expected = Math.round(Math.max(0, Math.min(255, reference[i][ch] * 255 / 100)));
                assertThat(Math.abs((cmyk[4 * i + ch] & 0xFF) - expected)).as("%s colour %d (RGB %d %d %d) channel %d",
                        name, i, rgb[3 * i] & 0xFF, rgb[3 * i + 1] & 0xFF, rgb[3 * i + 2] & 0xFF, ch)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    /**
     * A grid saved by one process is read by the next (a restart) and separates exactly as the grid built; a saved
     * file cut short or changed is not trusted, the grid is built again and saved over it.
     */
    @Test
    void aSavedGridIsReadBackByTheNextProcessAndABrokenOneIsBuiltAgain(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        byte[] rgb = new byte[100_000 * 3];
        new Random(11).nextBytes(rgb);
        RenderingOptions options = RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true)
                .withInkLimit(new InkLimit(330));
        try (ColorProfile srgb = ColorProfile.srgb();
             ColorProfile press = ColorProfile.fromFile(Path.of("icc-profiles/platen-coated-v1.icc"))) {
            byte[] built = new byte[100_000 * 4];
            try (TransformCache first = new TransformCache(2, folder);
                 ColorTransform exact8 = first.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options)) {
                CheckedGrid grid = first.checkedGrid(srgb, press, options);
                assertThat(grid.buildMillis()).as("built, not read").isPositive();
                grid.conversion(exact8).convert(rgb, 100_000, built);
            }
            Path[] saved;
            try (var files = java.nio.file.Files.list(folder)) {
                saved = files.toArray(Path[]::new);
            }
            assertThat(saved).hasSize(1);
            assertThat(saved[0].getFileName().toString()).endsWith(".grid");

            try (TransformCache restarted = new TransformCache(2, folder);
                 ColorTransform exact8 = restarted.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8,
                         options)) {
                CheckedGrid grid = restarted.checkedGrid(srgb, press, options);
                assertThat(grid.buildMillis()).as("read, not built").isZero();
                byte[] read = new byte[100_000 * 4];
                grid.conversion(exact8).convert(rgb, 100_000, read);
                assertThat(read).isEqualTo(built);
            }

            byte[] bytes = java.nio.file.Files.readAllBytes(saved[0]);
            bytes[bytes.length / 2] ^= 0x10; // one flipped bit in the nodes
            java.nio.file.Files.write(saved[0], bytes);
            try (TransformCache afterDamage = new TransformCache(2, folder)) {
                assertThat(afterDamage.checkedGrid(srgb, press, options).buildMillis()).as("built again").isPositive();
            }
            assertThat(CheckedGrid.readFrom(saved[0])).as("saved again, whole").isNotNull();
            java.nio.file.Files.write(saved[0], java.util.Arrays.copyOf(bytes, bytes.length / 3));
            assertThat(CheckedGrid.readFrom(saved[0])).as("cut short").isNull();
        }
    }

    @Test
    void aBandConvertedInStripesAcrossCoresIsTheSameAsOnePixelAtATime() throws Exception {
        byte[] rgb = new byte[200_000 * 3];
        new Random(7).nextBytes(rgb);
        RenderingOptions options = RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true)
                .withInkLimit(new InkLimit(330));
        try (ColorProfile srgb = ColorProfile.srgb();
             ColorProfile press = ColorProfile.fromFile(Path.of("icc-profiles/platen-coated-v1.icc"));
             TransformCache cache = new TransformCache(2);
             ColorTransform exact8 = cache.transform(srgb, PixelFormat.RGB_8, press, PixelFormat.CMYK_8, options)) {
            CheckedGrid grid = cache.checkedGrid(srgb, press, options);
            byte[] band = new byte[200_000 * 4];
            grid.conversion(exact8).convert(rgb, 200_000, band);
            CheckedGrid.Conversion single = grid.conversion(exact8);
            byte[] one = new byte[4];
            for (int i = 0; i < 200_000; i += 7) {
                single.convert(new byte[] {rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]}, 1, one);
                for (int ch = 0; ch < 4; ch++) {
                    assertThat(band[4 * i + ch]).as("pixel %d channel %d", i, ch).isEqualTo(one[ch]);
                }
            }
        }
    }

    @Test
    void isBuiltOnceForTheSameProfilesAndOptionsEvenWhenManyThreadsAskAtOnce() throws Exception {
        RenderingOptions relative = RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true);
        try (TransformCache cache = new TransformCache(4)) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Callable<CheckedGrid>> asks = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    asks.add(() -> {
                        // fresh profile objects each time: the key is the profiles' bytes
                        try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open()) {
                            return cache.checkedGrid(srgb, press, relative);
                        }
                    });
                }
                List<CheckedGrid> grids = new ArrayList<>();
                for (Future<CheckedGrid> grid : threads.invokeAll(asks)) {
                    grids.add(grid.get());
                }
                assertThat(grids).allSatisfy(grid -> assertThat(grid).isSameAs(grids.get(0)));
            } finally {
                threads.shutdown();
            }
            try (ColorProfile srgb = ColorProfile.srgb(); ColorProfile press = SyntheticPressProfile.open()) {
                CheckedGrid perceptual = cache.checkedGrid(srgb, press, RenderingOptions.of(RenderingIntent.PERCEPTUAL, true));
                assertThat(perceptual).isNotSameAs(cache.checkedGrid(srgb, press, relative));
                assertThat(cache.grids()).isEqualTo(2);
                assertThatThrownBy(() -> cache.checkedGrid(srgb, press, relative.withPrecision(Precision.PRECALCULATED)))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> cache.checkedGrid(press, srgb, relative))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void roundsToEightBitsAsLcmsDoesForEveryValueTheInterpolationCanMake() {
        // lcms: 8-bit = (16-bit x 65281 + 2^23) >> 24, which is round(16-bit / 257); the grid holds thirds of 16-bit.
        for (int thirds = 0; thirds <= CheckedGrid.STEP * 65535; thirds++) {
            long expected = Math.round(thirds / (CheckedGrid.STEP * 257.0));
            if ((CheckedGrid.eightBit(thirds) & 0xFF) != expected) {
                assertThat(CheckedGrid.eightBit(thirds) & 0xFF).as("thirds %d", thirds).isEqualTo(expected);
            }
        }
        for (int sixteen = 0; sixteen <= 65535; sixteen++) {
            assertThat(CheckedGrid.eightBit(CheckedGrid.STEP * sixteen) & 0xFF)
                    .isEqualTo((sixteen * 65281 + 8388608) >>> 24);
        }
    }

    /** 100,000 random colours, the cube's 12 edges, its 6 faces every 3 levels, and the 256 greys. */
    private static byte[] sample() {
        List<int[]> colours = new ArrayList<>();
        Random random = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            colours.add(new int[] {random.nextInt(256), random.nextInt(256), random.nextInt(256)});
        }
        for (int v = 0; v < 256; v++) {
            colours.add(new int[] {v, v, v});
            for (int a : new int[] {0, 255}) {
                for (int b : new int[] {0, 255}) {
                    colours.add(new int[] {v, a, b});
                    colours.add(new int[] {a, v, b});
                    colours.add(new int[] {a, b, v});
                }
            }
        }
        for (int u = 0; u < 256; u += 3) {
            for (int v = 0; v < 256; v += 3) {
                for (int side : new int[] {0, 255}) {
                    colours.add(new int[] {side, u, v});
                    colours.add(new int[] {u, side, v});
                    colours.add(new int[] {u, v, side});
                }
            }
        }
        byte[] rgb = new byte[colours.size() * 3];
        for (int i = 0; i < colours.size(); i++) {
            for (int ch = 0; ch < 3; ch++) {
                rgb[3 * i + ch] = (byte) colours.get(i)[ch];
            }
        }
        return rgb;
    }
}
