package dev.platen.preflight;

import dev.platen.artwork.ArgbRows;
import dev.platen.preflight.QualityFinding.Severity;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code JPEG_BLOCKING}: the 8 x 8 tiles of a heavily compressed JPEG, on the art's own pixels (resampling would
 * smear the tile edges away and hide them from the measurement, not from the print).
 *
 * <p>Metric: the mean luminance step between neighbouring pixels across the 8-pixel block boundary, divided by
 * the mean step between neighbours inside blocks (across and down added), computed per 64 x 64 tile and summarised by
 * the median over the tiles that are not flat. JPEG codes each 8 x 8 block on its own, so at low quality the blocks
 * stop matching at their edges while their insides go flat: the ratio climbs well above 1. Undamaged art has no
 * reason to change more at every eighth pixel and scores about 1. Per tile and median, because blocking is a
 * property of nearly the whole picture while a design's own edges are local: over the whole art, a few strong edges
 * that happen to lie on multiples of 8 (a bar drawn at round coordinates) would read as a grid; in the median tile
 * they do not. Flat tiles (a plain background, where no pixel changes) say nothing and are left out, so a small
 * blocky logo on a white page is judged on the tiles that hold it. The boundary is taken at whichever of the 8
 * phases has the largest mean step over the whole art (per axis), so art cropped after compression, whose grid no
 * longer starts at pixel 0, is still caught. A design that is itself a grid of period 8, 16, 32 ... pixels (a
 * pixel-art checkerboard) is indistinguishable from blocking by this measure, which is one reason it is only run on
 * JPEG-coded pixels.
 *
 * <p>Transparent art is judged as it prints, over paper white. Half a grey level (of 255) is added to both means so
 * that near-flat tiles do not turn rounding noise into a large ratio; half a level, not one, because a heavily
 * compressed smooth picture (an illustration's gradients, a sky) steps by only one to three levels at the block
 * edges and is flat inside, and a whole level of floor hid most of that (the labelled set's blocky illustration read
 * 2.09 with a floor of 1, 3.16 with 0.5, while the good photos moved only from at most 1.48 to at most 1.63).
 *
 * <p>Only pixels that went through JPEG are judged ({@link dev.platen.artwork.PixelCoding#JPEG}, decided by
 * {@link QualityChecks}): in lossless art (PNG, TIFF without JPEG compression, lossless WebP) a grid of steps is the
 * designer's own, never compression, and measuring it there only cried wolf.
 *
 * <p>Art larger than 4 MP is sampled: bands of 17 rows (16 row pairs: every vertical phase twice) spread evenly
 * down the image, each read whole across, so every horizontal and vertical phase is still counted.
 *
 * <p>Defaults. Photo-like test art written with ImageIO at quality 0.05 reads 3.16, 0.10: 2.25, 0.20: 1.86, 0.30:
 * 1.75, 0.50: 1.60, 0.75: 1.51, 0.95: 1.09, never compressed: about 1.0. On the labelled set ({@code
 * LanesChecksRun}): real photos as supplied (JPEG quality 75 to 90) 1.23 to 1.63; their copies re-saved at quality
 * 6 read 3.16 to 5.83; upscaled copies saved at quality 95 1.07 to 1.18. {@value #DEFAULT_PROBLEM} sits a third
 * above the highest good photo and a third below the lowest quality-6 copy: the mosaic look of quality 10 and
 * below. {@value #DEFAULT_WARNING} (about quality 0.20) is where the grid starts to show on smooth gradients and
 * skin; everyday web JPEGs (0.5 to 0.9) pass.
 */
final class BlockingCheck {

    static final String CODE = "JPEG_BLOCKING";
    static final double DEFAULT_WARNING = 1.8;
    static final double DEFAULT_PROBLEM = 2.2;
    static final String UNIT = "boundary step / in-block step";

    private static final int BLOCK = 8;
    private static final int BAND_ROWS = 2 * BLOCK + 1;
    private static final long MAX_SAMPLED_PIXELS = 4_000_000L;
    private static final double FLOOR = 0.5;
    private static final int TILE = 64;

    private final Levels levels;

    BlockingCheck(double warningAt, double problemAt) {
        this.levels = Levels.higherIsWorse(warningAt, problemAt);
    }

    BlockingCheck() {
        this(DEFAULT_WARNING, DEFAULT_PROBLEM);
    }

    /** The boundary / inside ratio, or NaN for art smaller than two blocks each way or with no detail at all. */
    static double measure(BufferedImage art) {
        int w = art.getWidth();
        int h = art.getHeight();
        if (w < 2 * BLOCK || h < 2 * BLOCK) {
            return Double.NaN;
        }
        List<int[]> bands = bands(w, h);
        int tilesAcross = (w + TILE - 1) / TILE;
        // per tile: summed absolute steps per phase, across (slots 0-7) and down (8-15), and how many (16-31)
        double[][] tiles = new double[bands.size() * tilesAcross][4 * BLOCK];
        int[] argb = new int[w];
        float[] previous = new float[w];
        float[] current = new float[w];
        ArgbRows rows = ArgbRows.of(art);
        for (int b = 0; b < bands.size(); b++) {
            int top = bands.get(b)[0];
            int bottom = bands.get(b)[1];
            for (int y = top; y < bottom; y++) {
                rows.read(y, argb);
                for (int x = 0; x < w; x++) {
                    current[x] = 255f * Luma.overWhite(argb[x]);
                }
                if (y < top + TILE) { // the extra row of a full-read band belongs to the next band
                    for (int x = 0; x < w - 1; x++) {
                        double[] tile = tiles[b * tilesAcross + x / TILE];
                        tile[x % BLOCK] += Math.abs(current[x + 1] - current[x]);
                        tile[2 * BLOCK + x % BLOCK]++;
                    }
                }
                if (y > top) {
                    int slot = BLOCK + (y - 1) % BLOCK;
                    for (int x = 0; x < w; x++) {
                        double[] tile = tiles[b * tilesAcross + x / TILE];
                        tile[slot] += Math.abs(current[x] - previous[x]);
                        tile[2 * BLOCK + slot]++;
                    }
                }
                float[] swap = previous;
                previous = current;
                current = swap;
            }
        }
        // the grid's phase on each axis: where the mean step is largest over the whole art
        double[] total = new double[4 * BLOCK];
        for (double[] tile : tiles) {
            for (int i = 0; i < total.length; i++) {
                total[i] += tile[i];
            }
        }
        int acrossBoundary = largestMean(total, 0);
        int downBoundary = largestMean(total, BLOCK);
        double[] ratios = new double[tiles.length];
        int n = 0;
        for (double[] tile : tiles) {
            double boundarySum = tile[acrossBoundary] + tile[downBoundary];
            double boundaryCount = tile[2 * BLOCK + acrossBoundary] + tile[2 * BLOCK + downBoundary];
            double insideSum = 0;
            double insideCount = 0;
            for (int i = 0; i < 2 * BLOCK; i++) {
                if (i != acrossBoundary && i != downBoundary) {
                    insideSum += tile[i];
                    insideCount += tile[2 * BLOCK + i];
                }
            }
            if (boundarySum + insideSum == 0 || boundaryCount == 0 || insideCount == 0) {
                continue; // flat (a plain background says nothing either way) or too thin to have both
            }
            ratios[n++] = (boundarySum / boundaryCount + FLOOR) / (insideSum / insideCount + FLOOR);
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(ratios, 0, n);
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    /** Bands of rows to read, each starting on a multiple of 8: all rows, or evenly spread samples of them. */
    private static List<int[]> bands(int w, int h) {
        List<int[]> bands = new ArrayList<>();
        long rowsAllowed = Math.max(BAND_ROWS, MAX_SAMPLED_PIXELS / w);
        if (h <= rowsAllowed) {
            for (int top = 0; top < h; top += TILE) {
                // a band reads one row past its end (the next band's first), so no row pair is lost between bands
                bands.add(new int[] {top, Math.min(h, top + TILE + 1)});
            }
            return bands;
        }
        int count = (int) Math.max(2, rowsAllowed / BAND_ROWS);
        for (int i = 0; i < count; i++) {
            int top = (int) ((long) i * (h - BAND_ROWS) / (count - 1)) / BLOCK * BLOCK;
            bands.add(new int[] {top, Math.min(h, top + BAND_ROWS)});
        }
        return bands;
    }

    /** The slot (from, from + 8) with the largest mean step. */
    private static int largestMean(double[] total, int from) {
        int best = from;
        for (int i = from + 1; i < from + BLOCK; i++) {
            if (total[i] / Math.max(1, total[2 * BLOCK + i]) > total[best] / Math.max(1, total[2 * BLOCK + best])) {
                best = i;
            }
        }
        return best;
    }

    Optional<QualityFinding> check(BufferedImage art) {
        double measured = measure(art);
        return levels.severityOf(measured).map(severity -> new QualityFinding(CODE, severity, measured,
                levels.limitFor(severity), UNIT, String.format(Locale.ROOT, "The art shows %s JPEG compression "
                        + "blocks: steps at the 8-pixel grid are %.1f times those inside the blocks.",
                        severity == Severity.PROBLEM ? "heavy" : "visible", measured)));
    }
}
