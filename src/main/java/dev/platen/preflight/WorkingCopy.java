package dev.platen.preflight;

import dev.platen.artwork.ArgbRows;
import dev.platen.catalog.PrintArea;

import java.awt.image.BufferedImage;

/**
 * The art's luminance as it prints, at a bounded working resolution: what the softness check looks at.
 *
 * <p>The art is placed "contain" on the print area (as {@link EffectiveDpi} places it) and reduced to the smaller of
 * two sizes: the placed size at {@code workingDpi} (150 by default), and {@code maxPixels} (4 MP by default).
 * 150 DPI is about what an eye resolves at arm's length (one arc-minute at 60 cm is 0.17 mm, 1/150 in), so blur that
 * survives reduction to 150 DPI is blur a customer sees, while detail finer than that does not count for or against
 * the art. The 4 MP cap bounds time and memory whatever the upload (a 100 MP art is read once, row by row, into a
 * 4 MP float array); it only bites for prints larger than about 13 x 13 in, which are also looked at from further
 * away, so the coarser scale still matches how they are seen. The art is never enlarged: art that prints below the
 * working resolution is measured on its own pixels, since its low resolution is {@link EffectiveDpi}'s finding, not
 * one to count twice.
 *
 * <p>Reduction is an exact area average (each working pixel is the mean of the art it covers, fractional pixels
 * weighted by overlap): it neither aliases nor sharpens, so a sharp art stays as sharp as the working grid allows and
 * a soft one gains no false crispness. Transparent art is composited over paper white first, as the print file is.
 *
 * @param luma  row-major, 0 (black) to 1 (white)
 * @param scale working pixels per art pixel (at most 1)
 * @param dpi   the resolution the working copy represents on paper
 */
record WorkingCopy(int width, int height, float[] luma, double scale, double dpi) {

    /** Default working resolution on paper; see the class comment. */
    static final double DEFAULT_DPI = 150.0;
    /** Default cap on the working copy's size; see the class comment. */
    static final double DEFAULT_MAX_PIXELS = 4_000_000.0;

    static WorkingCopy of(BufferedImage art, PrintArea area, double workingDpi, double maxPixels) {
        int w = art.getWidth();
        int h = art.getHeight();
        double printsAt = EffectiveDpi.ofRaster(w, h, area).value();
        double scale = Math.min(1.0, Math.min(workingDpi / printsAt, Math.sqrt(maxPixels / ((double) w * h))));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        float[] luma = reduce(art, tw, th);
        return new WorkingCopy(tw, th, luma, (double) tw / w, printsAt * tw / w);
    }

    float at(int x, int y) {
        return luma[y * width + x];
    }

    /**
     * Area average, separable: each art row is spread across into a working row with overlap weights, and each of
     * those is spread down into the (at most two) working rows the art row overlaps. One art row in memory at a time.
     */
    private static float[] reduce(BufferedImage art, int tw, int th) {
        int w = art.getWidth();
        int h = art.getHeight();
        double sx = (double) tw / w;
        double sy = (double) th / h;
        // Across: art column x covers [x * sx, (x + 1) * sx), at most two working columns since sx <= 1. Its
        // weight in the second is 0 where nothing spills over (or there is no second): adding value * 0 changes no
        // sum, so every pixel adds to two columns without a branch; the spare column at the end takes the zeros.
        int[] firstColumn = new int[w];
        float[] firstWeight = new float[w];
        float[] secondWeight = new float[w];
        for (int x = 0; x < w; x++) {
            double start = x * sx;
            double end = (x + 1) * sx;
            int column = Math.min(tw - 1, (int) Math.floor(start));
            double boundary = column + 1;
            firstColumn[x] = column;
            float first = (float) ((Math.min(end, boundary) - start) / sx);
            firstWeight[x] = first;
            secondWeight[x] = first < 1f && column + 1 < tw ? 1f - first : 0f;
        }
        float[] out = new float[tw * th];
        int[] argb = new int[w];
        float[] across = new float[tw + 1];
        boolean opaque = !art.getColorModel().hasAlpha();
        ArgbRows rows = ArgbRows.of(art);
        for (int y = 0; y < h; y++) {
            rows.read(y, argb);
            // Each working column's sum is kept in a register while its art columns pass, the next one's (the
            // part of the last art column that spills over) beside it, and stored when the column is done: the
            // same additions in the same order as adding into the row array pixel by pixel, so the same floats,
            // without each pixel's add waiting on the store of the one before (five times faster on 16 MP).
            int column = 0;
            float sum = 0f;
            float spill = 0f;
            for (int x = 0; x < w; x++) {
                // For opaque art overWhite is luma / 255 exactly: alpha 1 multiplies and adds nothing.
                float value = opaque ? Luma.of(argb[x]) / 255f : Luma.overWhite(argb[x]);
                int c = firstColumn[x];
                if (c != column) {
                    across[column] = sum;
                    sum = spill;
                    spill = 0f;
                    column = c;
                }
                sum += value * firstWeight[x];
                spill += value * secondWeight[x];
            }
            across[column] = sum;
            across[column + 1] = spill;
            double start = y * sy;
            double end = (y + 1) * sy;
            int row = Math.min(th - 1, (int) Math.floor(start));
            float firstShare = (float) (Math.min(end, row + 1.0) - start);
            float secondShare = (float) (end - start) - firstShare;
            addRow(out, row * tw, across, tw, firstShare * (float) sx);
            if (secondShare > 0f && row + 1 < th) {
                addRow(out, (row + 1) * tw, across, tw, secondShare * (float) sx);
            }
        }
        return out;
    }

    private static void addRow(float[] out, int offset, float[] row, int width, float weight) {
        for (int i = 0; i < width; i++) {
            out[offset + i] += row[i] * weight;
        }
    }
}
