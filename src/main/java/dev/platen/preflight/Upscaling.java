package dev.platen.preflight;

import dev.platen.artwork.ArgbRows;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * How far the art's pixels are from carrying detail of their own size: the width, in art pixels, over which the
 * edges of its sharpest parts are spread. An upscaled thumbnail (enough pixels, no detail) has no sharp part: every
 * edge is spread over about the upscaling factor; a camera photo at its own resolution has sharp parts (its
 * subject in focus) with edges over one or two pixels, however much of it is soft background.
 *
 * <p>Measured on the art's own pixels, never on a resampled copy: reducing an 8x upscale to the 150 DPI working
 * grid shrinks its blur with it and hides it. The art is read in tiles of {@value #TILE} x {@value #TILE} pixels. In
 * each, the luminance is box-reduced three times (2 x 2 averages) and at each level k the mean squared step between
 * neighbours, {@code S_k}, is taken. A sharp edge keeps its full step at every level while the pixels per edge length
 * halve, so {@code S_k} doubles per level; an edge spread over {@code w} pixels gives steps of {@code 1/w} of the
 * edge at the levels finer than {@code w}, so there {@code S_k} quadruples per level. Hence a tile's
 * {@code S_3 / (2 S_1)} reads 2 for sharp edges and about {@code w} for edges spread over {@code w} = 2 to 8 pixels
 * (more than 8 reads 8); fine texture reads below 2. Level 0 is left out: JPEG and 8-bit rounding noise live there
 * and make a blurred picture look sharper than it is.
 *
 * <p>Only tiles with structure count: {@code S_3} of at least {@value #STRUCTURE} (an RMS step of two grey levels
 * between pixels 8 apart), so flat sky and noise, which say nothing about blur, are left out. The spread is the
 * tenth percentile over those tiles, the sharpest tenth of the picture's structured parts: an in-focus subject
 * rarely covers less, an upscale has no sharp tenth at all. (The whole art's energy-weighted ratio, tried first,
 * let a shallow-focus macro photo read 3.9 against 4.5 for the softest enlargement; the sharpest tenth reads 2.45
 * against 3.39.) Art with no structured tile has nothing to judge.
 *
 * <p>Cost is bounded: at most about 4 MP of tiles are read, spread evenly over the art.
 */
final class Upscaling {

    static final int LEVELS = 3;
    static final int TILE = 128;
    /** Mean squared step at level 3 from which a tile has structure to judge (grey levels of 255, squared). */
    static final double STRUCTURE = 4.0;
    /** Which of the structured tiles' spreads is the art's: the tenth percentile, the sharpest tenth. */
    static final double SHARPEST_SHARE = 0.10;
    private static final long MAX_PIXELS = 4_000_000L;

    private Upscaling() {
    }

    /**
     * @param spread          the tenth percentile of the structured tiles' edge spread in art pixels; NaN when the
     *                        art is too small or has no structured tile
     * @param structuredTiles tiles that had structure to judge
     */
    record Measurement(double spread, int structuredTiles) {
    }

    static Measurement measure(BufferedImage art) {
        int w = art.getWidth();
        int h = art.getHeight();
        int tile = Math.min(TILE, Math.min(w, h) / (1 << LEVELS) * (1 << LEVELS));
        if (tile < 4 << LEVELS) {
            return new Measurement(Double.NaN, 0);
        }
        int across = w / tile;
        int down = h / tile;
        long tiles = (long) across * down;
        long allowed = Math.max(1, MAX_PIXELS / ((long) tile * tile));
        int[] argb = new int[tile * tile];
        float[] luma = new float[tile * tile];
        double[] energy = new double[LEVELS + 1];
        double[] spreads = new double[(int) Math.min(tiles, allowed)];
        int structured = 0;
        // evenly spread tiles, centred: the i-th of 'take' is tile floor(i * tiles / take) in reading order
        long take = Math.min(tiles, allowed);
        ArgbRows rows = ArgbRows.of(art);
        for (long i = 0; i < take; i++) {
            long index = i * tiles / take;
            int x0 = (int) (index % across) * tile + (w - across * tile) / 2;
            int y0 = (int) (index / across) * tile + (h - down * tile) / 2;
            for (int y = 0; y < tile; y++) {
                rows.read(x0, y0 + y, tile, argb, y * tile);
            }
            for (int p = 0; p < argb.length; p++) {
                luma[p] = 255f * Luma.overWhite(argb[p]);
            }
            int size = tile;
            for (int level = 0; level <= LEVELS; level++) {
                energy[level] = squaredSteps(luma, size) / (2.0 * size * (size - 1));
                if (level < LEVELS) {
                    reduce(luma, size);
                    size /= 2;
                }
            }
            if (energy[LEVELS] >= STRUCTURE && energy[1] > 0) {
                spreads[structured++] = energy[3] / (2 * energy[1]);
            }
        }
        if (structured == 0) {
            return new Measurement(Double.NaN, 0);
        }
        Arrays.sort(spreads, 0, structured);
        return new Measurement(spreads[(int) Math.floor(SHARPEST_SHARE * (structured - 1))], structured);
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
