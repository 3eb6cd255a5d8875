package dev.platen.preflight;

import dev.platen.artwork.ArgbRows;
import org.jspecify.annotations.Nullable;

import java.awt.image.BufferedImage;

/**
 * A halo: a ring of light (or dark) pixels hugging the outer edge of a cut-out, left by cutting art out of the
 * white (or black) background it was drawn or photographed on. The blend of the art with that background that
 * anti-aliasing or blur put along the edge stays inside the cut, so the art is ringed with pixels that fade from
 * near-white at the very edge into the art's own colour; on a dark shirt or a coloured page it prints as a pale
 * outline. Its alpha can be perfectly hard, so the semi-transparent fringe measure does not see it.
 *
 * <p>Metric: the share of the outline with a halo. The outline is every pixel at least half opaque with a 4-neighbour
 * less than half opaque (the edge of the art image's own border does not count). From each outline pixel the
 * luminance is read inward, across the edge (the direction in which alpha rises), up to {@code depth} pixels
 * ({@value #MIN_DEPTH}, or 2% of the art's shorter side when that is more) or until the art ends. The art's own
 * colour there ("body") is the first place the profile settles (three pixels within {@value #SETTLED} grey levels),
 * or, over textured art that never settles, the median of the inner half of the walk. An outline pixel has a light
 * halo when it is at least {@value #WHITENED} of the way from the body's luminance to white (and 16 grey levels
 * lighter), a dark halo likewise towards black. A deliberate outline (a sticker's white keyline, a stroke) is a flat
 * band of opaque colour at the edge, not a fade: when the first three pixels of the walk are opaque and settled, the
 * edge colour is the art's own and no halo is counted.
 *
 * <p>Cost is bounded: at most {@value #MAX_WALKS} outline pixels are walked, spread evenly along the outline.
 */
final class Halo {

    static final int MIN_DEPTH = 32;
    static final int SETTLED = 2;
    static final double WHITENED = 0.5;
    static final int MAX_WALKS = 50_000;
    private static final long MAX_PIXELS = 4_000_000L;
    private static final int HALF_OPAQUE = 128;
    private static final int OPAQUE = 250;
    private static final float MIN_CONTRAST = 16f;

    private Halo() {
    }

    /**
     * @param share   outline pixels with a halo over outline pixels walked; NaN when the art has no outline
     * @param light   whether light halo pixels outnumber dark ones
     * @param outline outline pixels walked
     */
    record Measurement(double share, boolean light, long outline) {
    }

    static Measurement measure(BufferedImage art) {
        int w = art.getWidth();
        int h = art.getHeight();
        long outline = 0;
        int[] above = new int[w];
        int[] row = new int[w];
        int[] below = new int[w];
        // art over 4 MP: every k-th row (with its neighbours), an unbiased estimate of the share along the sides
        int rowStep = (int) Math.max(1, ((long) w * h + MAX_PIXELS - 1) / MAX_PIXELS);
        ArgbRows rows = ArgbRows.of(art);
        for (int y = 1; y < h - 1; y += rowStep) {
            outline += outlineIn(rows, y, above, row, below, null);
        }
        if (outline == 0) {
            return new Measurement(Double.NaN, true, 0);
        }
        long every = Math.max(1, (outline + MAX_WALKS - 1) / MAX_WALKS);
        int depth = Math.max(MIN_DEPTH, Math.min(w, h) / 50);
        Walker walker = new Walker(art, depth, every);
        for (int y = 1; y < h - 1; y += rowStep) {
            outlineIn(rows, y, above, row, below, walker);
        }
        if (walker.walked == 0) {
            return new Measurement(Double.NaN, true, 0);
        }
        return new Measurement((double) (walker.light + walker.dark) / walker.walked, walker.light >= walker.dark,
                walker.walked);
    }

    /** Counts the outline pixels of row y (image border excluded), handing each to the walker when there is one. */
    private static long outlineIn(ArgbRows rows, int y, int[] above, int[] row, int[] below, @Nullable Walker walker) {
        int w = rows.width();
        rows.read(y, row);
        boolean rowHasArt = false;
        for (int x = 1; x < w - 1 && !rowHasArt; x++) {
            rowHasArt = Luma.alpha(row[x]) >= HALF_OPAQUE;
        }
        if (!rowHasArt) {
            return 0;
        }
        rows.read(y - 1, above);
        rows.read(y + 1, below);
        long count = 0;
        for (int x = 1; x < w - 1; x++) {
            if (Luma.alpha(row[x]) >= HALF_OPAQUE
                    && (Luma.alpha(row[x - 1]) < HALF_OPAQUE || Luma.alpha(row[x + 1]) < HALF_OPAQUE
                    || Luma.alpha(above[x]) < HALF_OPAQUE || Luma.alpha(below[x]) < HALF_OPAQUE)) {
                count++;
                if (walker != null) {
                    walker.offer(x, y);
                }
            }
        }
        return count;
    }

    /** Walks every n-th outline pixel inward and tallies light and dark halo pixels. */
    private static final class Walker {
        private final BufferedImage art;
        private final int depth;
        private final long every;
        private final float[] luma;
        private final int[] alpha;
        private long seen;
        private long walked;
        private long light;
        private long dark;

        Walker(BufferedImage art, int depth, long every) {
            this.art = art;
            this.depth = depth;
            this.every = every;
            this.luma = new float[depth + 1];
            this.alpha = new int[depth + 1];
        }

        void offer(int x, int y) {
            if (seen++ % every != 0) {
                return;
            }
            // inward: the direction alpha rises in, from a 3 x 3 Sobel of alpha
            double gx = 0;
            double gy = 0;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int a = Luma.alpha(art.getRGB(x + dx, y + dy));
                    double weight = (dx == 0 || dy == 0) ? 2 : 1;
                    gx += dx * a * weight;
                    gy += dy * a * weight;
                }
            }
            double norm = Math.hypot(gx, gy);
            if (norm == 0) {
                return; // a lone pixel or a one-pixel line: no inside to compare with
            }
            double ux = gx / norm;
            double uy = gy / norm;
            int n = 0;
            for (int d = 0; d <= depth; d++) {
                int px = (int) Math.round(x + d * ux);
                int py = (int) Math.round(y + d * uy);
                if (px < 0 || py < 0 || px >= art.getWidth() || py >= art.getHeight()) {
                    break;
                }
                int argb = art.getRGB(px, py);
                if (d > 0 && Luma.alpha(argb) < HALF_OPAQUE) {
                    break; // out the other side of a thin part, or into a feather (the soft-fringe measure's)
                }
                luma[n] = Luma.of(argb);
                alpha[n] = Luma.alpha(argb);
                n++;
            }
            walked++;
            if (n < 3) {
                return; // a hairline: nothing inside to compare the edge with
            }
            if (alpha[0] >= OPAQUE && alpha[1] >= OPAQUE && alpha[2] >= OPAQUE && settled(0)) {
                return; // a flat opaque band at the edge: the art's own colour, not a fade
            }
            float body = body(n);
            float edge = luma[0];
            if (edge - body >= MIN_CONTRAST && (edge - body) >= WHITENED * (255f - body)) {
                light++;
            } else if (body - edge >= MIN_CONTRAST && (body - edge) >= WHITENED * body) {
                dark++;
            }
        }

        private boolean settled(int d) {
            return Math.abs(luma[d + 1] - luma[d]) <= SETTLED && Math.abs(luma[d + 2] - luma[d + 1]) <= SETTLED
                    && Math.abs(luma[d + 2] - luma[d]) <= SETTLED;
        }

        /** Where the walk settles past the edge, else the median of its inner half. */
        private float body(int n) {
            for (int d = 1; d + 2 < n; d++) {
                if (settled(d)) {
                    return luma[d];
                }
            }
            float[] inner = java.util.Arrays.copyOfRange(luma, n / 2, n);
            java.util.Arrays.sort(inner);
            return inner[inner.length / 2];
        }
    }
}
