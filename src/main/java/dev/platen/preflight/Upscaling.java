package dev.platen.preflight;

import java.awt.image.BufferedImage;

/**
 * How far the art's pixels are from carrying detail of their own size: the width, in art pixels, over which its
 * edges are spread. An upscaled thumbnail (enough pixels, no detail) spreads every edge over about the upscaling
 * factor; a camera photo at its own resolution over one or two pixels.
 *
 * <p>Measured on the art's own pixels, never on a resampled copy: reducing an 8x upscale to the 150 DPI working
 * grid shrinks its blur with it and hides it. The luminance is box-reduced three times (2 x 2 averages) and at each
 * level k the mean squared step between neighbours, {@code S_k}, is taken. A sharp edge keeps its full step at
 * every level while the pixels per edge length halve, so {@code S_k} doubles per level; an edge spread over
 * {@code w} pixels gives steps of {@code 1/w} of the edge at the levels finer than {@code w}, so there {@code S_k}
 * quadruples per level. Hence {@code S_3 / (2 S_1)} reads 2 for sharp edges and about {@code w} for edges spread
 * over {@code w} = 2 to 8 pixels (more than 8 reads 8). Level 0 is left out: JPEG and 8-bit rounding noise live
 * there and make a blurred picture look sharper than it is (measured: the upscaled copies of the labelled set read
 * 2 to 4 from level 0, 5.3 to 6.8 from level 1). Sums over the whole art, so the strongest edges decide (a macro
 * photo with a sharp insect on a blurred background reads as sharp); fine texture reads below 2. Flat art (a plain
 * fill) has nothing to judge.
 *
 * <p>Cost is bounded: the art is read in tiles of 256 x 256 pixels, at most about 4 MP of them, spread evenly.
 */
final class Upscaling {

    static final int LEVELS = 3;
    private static final int TILE = 256;
    private static final long MAX_PIXELS = 4_000_000L;
    /** Mean squared step below which the coarsest level counts as flat: a grey level (of 255) per neighbour. */
    private static final double FLAT = 1.0;

    private Upscaling() {
    }

    /**
     * @param spread     the estimated edge spread in art pixels, {@code S_3 / (2 S_1)}; NaN when flat or small
     * @param stepEnergy {@code S_0 .. S_3}, the mean squared step per level (grey levels of 255, squared)
     */
    record Measurement(double spread, double[] stepEnergy) {
    }

    static Measurement measure(BufferedImage art) {
        int w = art.getWidth();
        int h = art.getHeight();
        int tile = Math.min(TILE, Math.min(w, h) / (1 << LEVELS) * (1 << LEVELS));
        if (tile < 4 << LEVELS) {
            return new Measurement(Double.NaN, new double[LEVELS + 1]);
        }
        int across = w / tile;
        int down = h / tile;
        long tiles = (long) across * down;
        long allowed = Math.max(1, MAX_PIXELS / ((long) tile * tile));
        double[] sums = new double[LEVELS + 1];
        long[] counts = new long[LEVELS + 1];
        int[] argb = new int[tile * tile];
        float[] luma = new float[tile * tile];
        // evenly spread tiles, centred: the i-th of 'take' is tile floor(i * tiles / take) in reading order
        long take = Math.min(tiles, allowed);
        for (long i = 0; i < take; i++) {
            long index = i * tiles / take;
            int x0 = (int) (index % across) * tile + (w - across * tile) / 2;
            int y0 = (int) (index / across) * tile + (h - down * tile) / 2;
            art.getRGB(x0, y0, tile, tile, argb, 0, tile);
            for (int p = 0; p < argb.length; p++) {
                luma[p] = 255f * Luma.overWhite(argb[p]);
            }
            int size = tile;
            for (int level = 0; level <= LEVELS; level++) {
                sums[level] += squaredSteps(luma, size);
                counts[level] += 2L * size * (size - 1);
                if (level < LEVELS) {
                    reduce(luma, size);
                    size /= 2;
                }
            }
        }
        double[] energy = new double[LEVELS + 1];
        for (int level = 0; level <= LEVELS; level++) {
            energy[level] = sums[level] / counts[level];
        }
        if (energy[LEVELS] < FLAT || energy[1] == 0) {
            return new Measurement(Double.NaN, energy);
        }
        return new Measurement(energy[3] / (2 * energy[1]), energy);
    }

    /** Sum of squared steps to the right and down neighbours of a size x size block. */
    private static double squaredSteps(float[] luma, int size) {
        double sum = 0;
        for (int y = 0; y < size; y++) {
            int row = y * size;
            for (int x = 0; x < size; x++) {
                float c = luma[row + x];
                if (x + 1 < size) {
                    float d = luma[row + x + 1] - c;
                    sum += d * d;
                }
                if (y + 1 < size) {
                    float d = luma[row + size + x] - c;
                    sum += d * d;
                }
            }
        }
        return sum;
    }

    /** 2 x 2 box average in place: the half-size block is written over the start of the array. */
    private static void reduce(float[] luma, int size) {
        int half = size / 2;
        for (int y = 0; y < half; y++) {
            for (int x = 0; x < half; x++) {
                int p = 2 * y * size + 2 * x;
                luma[y * half + x] = (luma[p] + luma[p + 1] + luma[p + size] + luma[p + size + 1]) / 4f;
            }
        }
    }
}
