package dev.platen.proof;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.TransformCache;
import dev.platen.render.SourceColour;
import dev.platen.testing.EngineTransforms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcuts of the proof change none of its numbers: converting each distinct colour once gives, figure for
 * figure and pixel for pixel, the proof that converting every pixel's own colour gives; the 95th percentile from
 * one sorted bucket is the one a full sort gives. Real photographs from the corpus, read in place.
 */
class StockProofTest {

    private static final Path CORPUS = Path.of("../shared/corpus/good");
    private static final ArtworkInspector READER = new ArtworkInspector(ArtworkLimits.defaults());

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "photo_plasma_ColorfulCups_2560x1600.jpg, dtg-white-cotton, 1600",
            "photo_lomiri_Dragonfly_by_Bolly.jpg, coated-gloss, 1100",
            "gray_photo_jfif_thumb_2547.jpg, uncoated-offset, 1100",
            "cmyk_photo_derived_path_swop.jpg, coated-gloss, 1100"})
    void eachColourOnceGivesTheProofOfEveryPixel(String file, String stockId, int longEdge) {
        Stock stock = ProofFixtures.stock(stockId);
        ArtworkPixels pixels = READER.pixels(CORPUS.resolve(file), 300);
        TransformCache cache = EngineTransforms.CACHE;
        try (ColorProfile press = stock.openProfile();
             SourceColour source = SourceColour.of(pixels, stock, press)) {
            int channels = source.samples().channels();
            ScreenImage screen = ScreenImage.of(source.image(), channels, longEdge);
            // A map of more than one screen pixel a sample, so its sums over blocks are exercised too.
            assertThat(Math.max(screen.width(), screen.height())).isGreaterThan(StockProof.MAP_LONG_EDGE);

            StockProof.Result proof = StockProof.run(screen, source, stock, cache);

            // Every pixel its own colour: no colour found twice, no look-up.
            int mask = channels == 3 ? 0xFFFFFF : channels == 4 ? -1 : 0xFF;
            int[] rgb = screen.rgb();
            long[] own = new long[rgb.length];
            int[] identity = new int[rgb.length];
            for (int p = 0; p < rgb.length; p++) {
                own[p] = Integer.toUnsignedLong(rgb[p] & mask);
                identity[p] = p;
            }
            StockProof.Palette everyPixel = new StockProof.Palette(own, own.length, identity);
            StockProof.Result reference = channels == 3
                    ? StockProof.run(screen, everyPixel, source.profile(), stock, cache)
                    : StockProof.run(screen, everyPixel, source, stock, cache);

            assertThat(proof.report()).isEqualTo(reference.report());
            assertThat(proof.proof()).isEqualTo(reference.proof());
            assertThat(proof.gamutView()).isEqualTo(reference.gamutView());
            assertThat(proof.artOnScreen()).isEqualTo(reference.artOnScreen());
            // The photographs have many colours, and a difference to measure.
            assertThat(StockProof.Palette.of(rgb, mask).size()).isGreaterThan(channels == 1 ? 100 : 20_000);
            assertThat(proof.report().deltaE2000Mean()).isGreaterThan(0);
            // The gamut view is the proof with exactly the counted share painted, in whole map blocks.
            int alarm = StockProof.ALARM.red() << 16 | StockProof.ALARM.green() << 8 | StockProof.ALARM.blue();
            long painted = 0;
            for (int p = 0; p < rgb.length; p++) {
                if (proof.gamutView()[p] != proof.proof()[p]) {
                    assertThat(proof.gamutView()[p]).isEqualTo(alarm);
                }
                if (proof.gamutView()[p] == alarm) {
                    painted++;
                    int x = p % screen.width();
                    int y = p / screen.width();
                    int block = (x - x % 2) + (y - y % 2) * screen.width();
                    assertThat(proof.gamutView()[block]).as("the block of %d,%d", x, y).isEqualTo(alarm);
                }
            }
            assertThat((double) painted / rgb.length).isEqualTo(proof.report().outOfGamutShare());
            if (file.contains("ColorfulCups")) {
                assertThat(painted).isGreaterThan(1000);
            }
        }
    }

    @Test
    void theViewedDifferenceSumsEveryPixelIntoItsBlock() {
        Random random = new Random(1024);
        // Not a whole number of blocks either way: the right and bottom blocks are partial.
        int width = 2047;
        int height = 1229;
        int colours = 5000;
        float[] xyz = new float[colours * 6];
        for (int i = 0; i < xyz.length; i++) {
            xyz[i] = random.nextFloat() * (i % 3 == 1 ? 1f : 0.9f);
        }
        int[] index = new int[width * height];
        for (int p = 0; p < index.length; p++) {
            // Runs of one colour and scattered ones, as in a picture.
            index[p] = p > 0 && random.nextInt(4) > 0 ? index[p - 1] : random.nextInt(colours);
        }
        StockProof.ViewedDifference seen = StockProof.ViewedDifference.of(index, width, height, xyz);

        // Pixel by pixel, straight into the block's sums.
        int factor = 2;
        int mw = (width + 1) / 2;
        int mh = (height + 1) / 2;
        float[] target = new float[mw * mh * 3];
        float[] print = new float[mw * mh * 3];
        int[] weight = new int[mw * mh];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int m = (y / factor) * mw + x / factor;
                int i = index[y * width + x];
                weight[m]++;
                for (int c = 0; c < 3; c++) {
                    target[3 * m + c] += xyz[6 * i + c];
                    print[3 * m + c] += xyz[6 * i + 3 + c];
                }
            }
        }
        for (int m = 0; m < weight.length; m++) {
            for (float[] sums : new float[][] {target, print}) {
                dev.platen.color.Lab lab = dev.platen.color.Lab.fromXyz(sums[3 * m] / weight[m],
                        sums[3 * m + 1] / weight[m], sums[3 * m + 2] / weight[m]);
                sums[3 * m] = (float) lab.lightness();
                sums[3 * m + 1] = (float) lab.a();
                sums[3 * m + 2] = (float) lab.b();
            }
        }
        float[] deltaE = dev.platen.color.SpatialCielab.deltaE2000(target, print, mw, mh,
                dev.platen.color.SpatialCielab.samplesPerDegree(mw, mh));

        assertThat(seen.factor()).isEqualTo(factor);
        assertThat(seen.weight()).isEqualTo(weight);
        assertThat(seen.deltaE()).isEqualTo(deltaE);
    }

    /**
     * The "before" half shows sRGB art exactly as supplied: its screen transform is lcms's precalculated one (see
     * {@code StockProof.fromPrint}), which for sRGB to sRGB gives back every one of the 16.7 million 8-bit colours
     * unchanged, as exact evaluation does.
     */
    @Test
    void srgbArtIsShownOnScreenAsSupplied() {
        Stock stock = ProofFixtures.stock("coated-gloss");
        ArtworkPixels pixels = READER.pixels(CORPUS.resolve("photo_lomiri_Dragonfly_by_Bolly.jpg"), 300);
        TransformCache cache = EngineTransforms.CACHE;
        try (ColorProfile press = stock.openProfile();
             SourceColour source = SourceColour.of(pixels, stock, press)) {
            assertThat(source.samples().channels()).isEqualTo(3);
            ScreenImage screen = ScreenImage.of(source.image(), 3, 1024);

            StockProof.Result proof = StockProof.run(screen, source, stock, cache);

            assertThat(proof.artOnScreen()).isEqualTo(screen.rgb());
        }
    }

    @Test
    void thePaletteHoldsEachColourOnceAndEveryPixelFindsItsOwn() {
        Random random = new Random(13);
        int[] pixels = new int[200_000];
        for (int p = 0; p < pixels.length; p++) {
            // Repeats, full 32-bit values (CMYK) and the extremes.
            pixels[p] = p % 7 == 0 ? pixels[random.nextInt(p + 1)] : p % 11 == 0 ? -1 : random.nextInt();
        }
        for (int mask : new int[] {0xFFFFFF, 0xFF, -1}) {
            StockProof.Palette palette = StockProof.Palette.of(pixels, mask);
            Set<Long> distinct = new HashSet<>();
            for (int pixel : pixels) {
                distinct.add(Integer.toUnsignedLong(pixel & mask));
            }
            assertThat(palette.size()).as("mask %x", mask).isEqualTo(distinct.size());
            assertThat(Arrays.stream(palette.colours(), 0, palette.size()).distinct().count())
                    .isEqualTo(palette.size());
            for (int p = 0; p < pixels.length; p++) {
                assertThat(palette.colours()[palette.index()[p]]).isEqualTo(Integer.toUnsignedLong(pixels[p] & mask));
            }
            assertNumberedInTheOrderTheyFirstOccur(palette.index());
        }
        long[] pairs = new long[100_000];
        for (int p = 0; p < pairs.length; p++) {
            pairs[p] = p % 3 == 0 ? pairs[random.nextInt(p + 1)] : random.nextLong();
        }
        StockProof.Palette palette = StockProof.Palette.of(pairs);
        assertThat(palette.size()).isEqualTo((int) Arrays.stream(pairs).distinct().count());
        for (int p = 0; p < pairs.length; p++) {
            assertThat(palette.colours()[palette.index()[p]]).isEqualTo(pairs[p]);
        }
        assertNumberedInTheOrderTheyFirstOccur(palette.index());
    }

    /**
     * Each pixel's colour is one met before or the next number: what keeps a photograph's neighbouring pixels'
     * look-ups near each other (see {@link StockProof.Palette}).
     */
    private static void assertNumberedInTheOrderTheyFirstOccur(int[] index) {
        int next = 0;
        for (int p = 0; p < index.length; p++) {
            assertThat(index[p]).as("pixel %d", p).isLessThanOrEqualTo(next);
            if (index[p] == next) {
                next++;
            }
        }
    }

    @Test
    void theNinetyFifthPercentileIsTheFullSortsOne() {
        Random random = new Random(95);
        for (int run = 0; run < 200; run++) {
            int n = 1 + random.nextInt(run < 100 ? 50 : 20_000);
            float[] values = new float[n];
            int[] counts = new int[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                // Ties, zeros, values close together (one bucket) and far apart; a few below zero and NaN, which
                // no ΔE should be but the order must still treat alike.
                values[i] = switch (random.nextInt(8)) {
                    case 0 -> 0f;
                    case 1 -> values[random.nextInt(i + 1)];
                    case 2 -> 5f + random.nextInt(4) * Math.ulp(5f);
                    case 3 -> run % 10 == 0 ? -random.nextFloat() : random.nextFloat();
                    case 4 -> run % 25 == 0 ? Float.NaN : 100 * random.nextFloat();
                    default -> 40 * random.nextFloat();
                };
                counts[i] = random.nextInt(run % 5 == 0 ? 3 : 16);
                total += counts[i];
            }
            long asked = run % 7 == 0 ? total + 1 + random.nextInt(10) : total; // counts short of the rank
            // As Double: NaN equals NaN there.
            assertThat(Double.valueOf(StockProof.percentile95(values, counts, asked))).as("run %d", run)
                    .isEqualTo(Double.valueOf(sortedPercentile95(values, counts, asked)));
        }
    }

    /** The whole order sorted, as the proof computed it before. */
    private static double sortedPercentile95(float[] values, int[] counts, long total) {
        long[] order = new long[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = (long) Float.floatToIntBits(Math.max(0f, values[i])) << 32 | i;
        }
        Arrays.sort(order);
        long rank = (long) Math.ceil(0.95 * total);
        long seen = 0;
        for (long packed : order) {
            int i = (int) packed;
            seen += counts[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[(int) order[order.length - 1]];
    }
}
