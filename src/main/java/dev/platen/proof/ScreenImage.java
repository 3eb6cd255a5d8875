package dev.platen.proof;

import dev.platen.artwork.ArgbRows;

import java.awt.image.BufferedImage;

/**
 * The art at screen size as packed 0xRRGGBB samples, still in the art's own colour space (nothing here converts
 * colour; only LittleCMS does, later).
 *
 * <p><b>Size.</b> The long edge is brought down to {@link #DEFAULT_LONG_EDGE} (or the caller's value) and never
 * up: a proof only shows what the file holds, so a small file stays small rather than being blown up into
 * softness that would be blamed on the stock.
 *
 * <p><b>Filter.</b> An exact box (area-average) filter: every output pixel is the coverage-weighted mean of the
 * source pixels under it, fractional edges included. It never aliases (unlike nearest neighbour or a plain
 * bilinear taps at a 3:1 reduction) and needs one pass over the source, row by row, so a 100 MP upload does not
 * need a second full-size copy. Averaging happens on the encoded samples, not in linear light: that is what
 * every browser and desktop viewer does when it shows the art, and the "before" half must look like that.
 *
 * <p><b>Transparency.</b> Transparent art is composited over white in the art's space before averaging: white
 * art separates to no ink, so what shows through is the bare stock, as it will print.
 */
record ScreenImage(int width, int height, int[] rgb) {

    /** 2048 px: a retina-class laptop screen shows it whole without the browser rescaling much. */
    static final int DEFAULT_LONG_EDGE = 2048;

    /** The screen size for a {@code width} x {@code height} art: long edge at most {@code longEdge}, aspect kept. */
    static int[] size(int width, int height, int longEdge) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("art is " + width + " x " + height);
        }
        if (longEdge < 1) {
            throw new IllegalArgumentException("long edge must be positive, was " + longEdge);
        }
        int longest = Math.max(width, height);
        if (longest <= longEdge) {
            return new int[] {width, height};
        }
        double scale = (double) longEdge / longest;
        int w = width >= height ? longEdge : Math.max(1, (int) Math.round(width * scale));
        int h = height > width ? longEdge : Math.max(1, (int) Math.round(height * scale));
        return new int[] {w, h};
    }

    static ScreenImage of(BufferedImage art, int longEdge) {
        int[] size = size(art.getWidth(), art.getHeight(), longEdge);
        return areaAverage(art, size[0], size[1]);
    }

    /**
     * Grey or CMYK art at screen size in its own samples, packed: a grey level in the low byte, or C, M, Y, K from
     * the high byte down (an int holds exactly one CMYK colour). The same box filter as RGB, on the samples (16-bit
     * art read at 8 bits); transparency composited over paper in the art's own terms: white for grey, no ink for
     * CMYK, so what shows through is the bare stock, as it prints.
     *
     * @param channels 1 (grey) or 4 (CMYK); 3 is RGB art, {@link #of(BufferedImage, int)}
     */
    static ScreenImage of(BufferedImage art, int channels, int longEdge) {
        if (channels == 3) {
            return of(art, longEdge);
        }
        int[] size = size(art.getWidth(), art.getHeight(), longEdge);
        int outW = size[0];
        int outH = size[1];
        int srcW = art.getWidth();
        int srcH = art.getHeight();
        java.awt.image.Raster raster = art.getRaster();
        int bands = raster.getNumBands();
        boolean alpha = bands > channels;
        int[] bits = art.getColorModel().getComponentSize();
        double paper = channels == 4 ? 0 : 255;
        double[] sums = new double[outW * outH * channels];
        int[] row = new int[srcW * bands];
        double sx = (double) outW / srcW;
        double sy = (double) outH / srcH;
        for (int y = 0; y < srcH; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, srcW, 1, row);
            double top = y * sy;
            double bottom = (y + 1) * sy;
            int oy = Math.min(outH - 1, (int) Math.floor(top));
            double wy1 = Math.min(bottom, oy + 1) - top;
            double wy2 = sy - wy1;
            for (int x = 0; x < srcW; x++) {
                double left = x * sx;
                double right = (x + 1) * sx;
                int ox = Math.min(outW - 1, (int) Math.floor(left));
                double wx1 = Math.min(right, ox + 1) - left;
                double wx2 = sx - wx1;
                double a = alpha ? eight(row[x * bands + channels], bits[channels]) / 255.0 : 1;
                for (int c = 0; c < channels; c++) {
                    double v = eight(row[x * bands + c], bits[c]) * a + paper * (1 - a);
                    add(sums, outW, outH, channels, ox, oy, c, v * wx1 * wy1);
                    if (wx2 > 1e-12) {
                        add(sums, outW, outH, channels, ox + 1, oy, c, v * wx2 * wy1);
                    }
                    if (wy2 > 1e-12) {
                        add(sums, outW, outH, channels, ox, oy + 1, c, v * wx1 * wy2);
                        if (wx2 > 1e-12) {
                            add(sums, outW, outH, channels, ox + 1, oy + 1, c, v * wx2 * wy2);
                        }
                    }
                }
            }
        }
        int[] out = new int[outW * outH];
        for (int p = 0; p < out.length; p++) {
            int packed = 0;
            for (int c = 0; c < channels; c++) {
                packed = packed << 8 | clamp(sums[p * channels + c]);
            }
            out[p] = packed;
        }
        return new ScreenImage(outW, outH, out);
    }

    private static void add(double[] sums, int w, int h, int channels, int x, int y, int c, double v) {
        if (x < w && y < h) {
            sums[(y * w + x) * channels + c] += v;
        }
    }

    private static int eight(int value, int bits) {
        return bits == 8 ? value : (int) Math.round(value * 255.0 / ((1L << bits) - 1));
    }

    /**
     * Box filter from the art's size to {@code outW} x {@code outH} (each no larger than the source). Source row
     * {@code y} covers output rows {@code [y*sy, (y+1)*sy)} with {@code sy = outH / srcH <= 1}, so it touches at
     * most two output rows; likewise for columns. Weights are those overlaps, so each output pixel's weights add
     * up to one.
     */
    static ScreenImage areaAverage(BufferedImage art, int outW, int outH) {
        int srcW = art.getWidth();
        int srcH = art.getHeight();
        boolean alpha = art.getColorModel().hasAlpha();
        ArgbRows rows = ArgbRows.of(art);
        int[] out = new int[outW * outH];
        if (srcW == outW && srcH == outH) {
            int[] row = new int[srcW];
            for (int y = 0; y < srcH; y++) {
                rows.read(y, row);
                for (int x = 0; x < srcW; x++) {
                    out[y * outW + x] = alpha ? overWhite(row[x]) : row[x] & 0xFFFFFF;
                }
            }
            return new ScreenImage(outW, outH, out);
        }
        double sx = (double) outW / srcW;
        double sy = (double) outH / srcH;
        // Per source column: the output column it starts in and its weights there and in the next column (the
        // covered widths, in output units). A weight of 0 where nothing spills over: adding r * 0.0 changes no sum,
        // so every pixel adds to two columns without a branch; the spare column at the end takes the zeros.
        int[] firstColumn = new int[srcW];
        double[] firstWeight = new double[srcW];
        double[] secondWeight = new double[srcW];
        for (int x = 0; x < srcW; x++) {
            double start = x * sx;
            double end = (x + 1) * sx;
            int column = Math.min(outW - 1, (int) Math.floor(start));
            firstColumn[x] = column;
            double boundary = column + 1;
            double firstShare = end <= boundary ? 1.0 : (boundary - start) / sx;
            double w1 = firstShare * sx;
            double w2 = sx - w1;
            firstWeight[x] = w1;
            secondWeight[x] = w2 > 1e-12 && column + 1 < outW ? w2 : 0.0;
        }
        int[] row = new int[srcW];
        double[] horizontal = new double[outW * 3 + 3];
        double[] current = new double[outW * 3];
        double[] next = new double[outW * 3];
        int currentRow = 0;
        for (int y = 0; y < srcH; y++) {
            rows.read(y, row);
            // Each output column's sums are kept in registers while its source columns pass, the next column's
            // (what the last source column spills over) beside them, and stored when the column is done: the same
            // additions in the same order as adding into the row array pixel by pixel, so the same doubles, without
            // each pixel's adds waiting on the stores of the one before.
            int column = 0;
            double sumR = 0;
            double sumG = 0;
            double sumB = 0;
            double spillR = 0;
            double spillG = 0;
            double spillB = 0;
            for (int x = 0; x < srcW; x++) {
                int p = alpha ? overWhite(row[x]) : row[x];
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                int c = firstColumn[x];
                if (c != column) {
                    horizontal[3 * column] = sumR;
                    horizontal[3 * column + 1] = sumG;
                    horizontal[3 * column + 2] = sumB;
                    sumR = spillR;
                    sumG = spillG;
                    sumB = spillB;
                    spillR = 0;
                    spillG = 0;
                    spillB = 0;
                    column = c;
                }
                double w1 = firstWeight[x];
                double w2 = secondWeight[x];
                sumR += r * w1;
                sumG += g * w1;
                sumB += b * w1;
                spillR += r * w2;
                spillG += g * w2;
                spillB += b * w2;
            }
            horizontal[3 * column] = sumR;
            horizontal[3 * column + 1] = sumG;
            horizontal[3 * column + 2] = sumB;
            horizontal[3 * column + 3] = spillR;
            horizontal[3 * column + 4] = spillG;
            horizontal[3 * column + 5] = spillB;
            double start = y * sy;
            double end = (y + 1) * sy;
            int outRow = Math.min(outH - 1, (int) Math.floor(start));
            while (currentRow < outRow) {
                emit(current, out, currentRow++, outW);
                double[] swap = current;
                current = next;
                next = swap;
                java.util.Arrays.fill(next, 0);
            }
            double boundary = outRow + 1;
            double w1 = end <= boundary ? sy : boundary - start;
            double w2 = sy - w1;
            for (int i = 0; i < current.length; i++) {
                current[i] += horizontal[i] * w1;
            }
            if (w2 > 1e-12) {
                for (int i = 0; i < next.length; i++) {
                    next[i] += horizontal[i] * w2;
                }
            }
        }
        while (currentRow < outH) {
            emit(current, out, currentRow++, outW);
            double[] swap = current;
            current = next;
            next = swap;
            java.util.Arrays.fill(next, 0);
        }
        return new ScreenImage(outW, outH, out);
    }

    private static void emit(double[] sums, int[] out, int row, int width) {
        for (int x = 0; x < width; x++) {
            int r = clamp(sums[3 * x]);
            int g = clamp(sums[3 * x + 1]);
            int b = clamp(sums[3 * x + 2]);
            out[row * width + x] = r << 16 | g << 8 | b;
        }
    }

    /**
     * The nearest level, halves up, as {@code Math.round}, which on JDK 17 is bit arithmetic with a branch the JIT
     * does not replace (three a screen pixel). Subtracting the whole part is exact, so comparing the rest with a half
     * is Math.round's own definition; below 0, where both differ, the clamp gives 0 either way.
     */
    static int clamp(double value) {
        long whole = (long) value;
        long nearest = whole + (value - whole >= 0.5 ? 1 : 0);
        return (int) Math.max(0, Math.min(255, nearest));
    }

    /** Straight (non-premultiplied) ARGB over white, in the art's encoded samples. */
    private static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xFFFFFF;
        }
        int r = (argb >> 16 & 0xFF) * a + 255 * (255 - a);
        int g = (argb >> 8 & 0xFF) * a + 255 * (255 - a);
        int b = (argb & 0xFF) * a + 255 * (255 - a);
        return (r + 127) / 255 << 16 | (g + 127) / 255 << 8 | (b + 127) / 255;
    }

    BufferedImage toImage() {
        return toImage(width, height, rgb);
    }

    /**
     * Packed samples as an 8-bit sRGB image (the samples are taken as they are). Written into the raster row by row:
     * what {@code setRGB} stores in a {@code TYPE_INT_RGB} image is the pixel's low 24 bits, and it gets there
     * through the colour model one pixel at a time.
     */
    static BufferedImage toImage(int width, int height, int[] rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.awt.image.WritableRaster raster = image.getRaster();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = rgb[y * width + x] & 0xFFFFFF;
            }
            raster.setDataElements(0, y, width, 1, row);
        }
        return image;
    }
}
