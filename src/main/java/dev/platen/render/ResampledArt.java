package dev.platen.render;

import dev.platen.artwork.ArgbRows;
import org.jspecify.annotations.Nullable;

import java.awt.image.BufferedImage;

/**
 * The art resampled to its placed size on the canvas grid, produced one row at a time.
 *
 * <p>The filter is Lanczos-3, separable, written here: rows of the source are filtered across into a small ring of
 * float rows, and each output row is filtered down from the few of those it needs, so memory is a handful of rows
 * whatever the image size. Lanczos-3 keeps edges and fine type crisp when going down (where bilinear halving, as
 * {@code java.awt} offers it, softens) and avoids the blocky stair-steps of nearest neighbour and the blur of
 * bilinear when going up to the canvas grid; its slight ringing is clamped. When reducing, the kernel is widened
 * by the reduction factor so every source pixel counts (no aliasing, no moiré on halftoned scans). At a scale of
 * exactly 1 it copies pixels unchanged.
 *
 * <p><b>Art much larger than its place.</b> RGB art four or more times its placed size on both axes (16 MP on a
 * 4 in sticker) is first shrunk by a whole factor {@link #shrinkFor k}, each k x k block of source pixels averaged
 * (alpha-weighted) into one as its rows are read, so that the Lanczos filter reads a k-th of the rows' pixels
 * instead of all of them. k leaves the filter a reduction of two or more to make, whose kernel then still spans
 * several blocks on each side: the box's own aliasing is filtered away, and the result is on average within a tenth
 * of a level of filtering every source pixel, 9 levels at the sharpest edge of a photograph (measured in
 * {@code ResampledArtTest}). The JDK's decoders cannot decode at a reduced scale (libjpeg's scaled IDCT is not
 * reachable through ImageIO), so the rows are decoded whole and shrunk here, before they cost filtering; streamed
 * art ({@code StreamedRows}) is shrunk the same way as it arrives.
 *
 * <p>Filtering is done on alpha-premultiplied values, so transparent pixels do not bleed their (invisible) colour
 * into their neighbours; the result is then composited over paper white, because the colour conversion is given
 * opaque RGB. Values are the sRGB-encoded samples {@link BufferedImage#getRGB} gives, as retouchers' tools also
 * resample in the encoded space.
 *
 * <p>Rows may be asked for in any order (the top mirror bleed walks upward), but forward order is the cheap one.
 * Not thread-safe.
 */
final class ResampledArt {

    private static final int LOBES = 3;

    private final BufferedImage art;
    /**
     * Colour channels per pixel: 3 read as getRGB gives them (RGB art, {@link ArgbRows}), else 1 or 4 read from the
     * raster's samples.
     */
    private final int channels;
    /** Paper's value in these channels: 255 for light (RGB, grey), 0 for ink (CMYK). */
    private final boolean inkPaper;
    private final int[] sourceSamples;
    private final int sourceBands;
    private final int[] sampleBits;
    /** RGB art's rows as getRGB gives them (straight from the raster for the decoders' layouts); null otherwise. */
    private final @Nullable ArgbRows rgbRows;
    /** One row of 8-bit samples as the raster holds them, for ink and grey art read without the colour model. */
    private final byte @Nullable [] byteSamples;
    private final int width;
    private final int height;
    /** The source as the filter sees it: the art's size, or its size shrunk by {@link #shrink} (rounded up). */
    private final int sourceWidth;
    private final int sourceHeight;
    /** Source pixels averaged into one on each axis before filtering; 1 for none. */
    private final int shrink;
    /** One row of the art itself and the block sums of a shrunk row (R, G, B premultiplied, then alpha). */
    private final int @Nullable [] artRow;
    private final long @Nullable [] blockSums;

    // Across: for each output column, the first source column and a fixed number of weights (zero-padded).
    private final int acrossTaps;
    private final int[] acrossIndex;
    private final float[] acrossWeight;
    /** For art without alpha: each tap's weight as {@link #across} applies it to an alpha of 255, and the coverage. */
    private final float @Nullable [] opaqueAcross;
    private final float @Nullable [] opaqueCoverage;
    /** For art without alpha: the source row's red, green and blue as floats (see {@link #acrossOpaque}). */
    private final float[] sourceRed;
    private final float[] sourceGreen;
    private final float[] sourceBlue;

    // Down: the kernel for each output row is computed when the row is made.
    private final double downScale;
    private final double downSupport;
    private final int downTaps;

    // Ring of source rows already filtered across: premultiplied channels then A, width * (channels + 1) floats.
    private final float[][] ring;
    private final int[] ringRow;
    private final int[] sourceArgb;

    private final float[] downWeight;
    private final int[] downIndex;
    /** One output row's sums before compositing, {@code channels + 1} floats a pixel. */
    private final float[] downSums;

    ResampledArt(BufferedImage art, int width, int height) {
        this(art, 3, width, height);
    }

    /**
     * @param channels 3: RGB art, read as {@link BufferedImage#getRGB} gives it ({@link ArgbRows}), composited
     *                 over white;
     *                 1: grey levels, 4: CMYK inks, read from the raster's own samples (8 or 16 bit, scaled to 8),
     *                 grey composited over white and ink over no ink
     */
    ResampledArt(BufferedImage art, int channels, int width, int height) {
        this(art, channels, width, height,
                channels == 3 ? shrinkFor(art.getWidth(), art.getHeight(), width, height) : 1);
    }

    /** With the shrink factor given (1: every source pixel filtered), for comparing the two. */
    ResampledArt(BufferedImage art, int channels, int width, int height, int shrink) {
        if (channels != 3 && shrink != 1) {
            throw new IllegalArgumentException("only RGB art is shrunk before filtering");
        }
        if (channels != 3 && art.getColorModel().getNumColorComponents() != channels) {
            throw new IllegalArgumentException("art with " + art.getColorModel().getNumColorComponents()
                    + " colour components read as " + channels + " channels");
        }
        this.art = art;
        this.channels = channels;
        this.inkPaper = channels == 4;
        this.sourceBands = art.getRaster().getNumBands();
        this.sourceSamples = new int[channels == 3 ? 0 : art.getWidth() * sourceBands]; // RGB is read as ARGB
        this.sampleBits = art.getColorModel().getComponentSize();
        this.rgbRows = channels == 3 ? ArgbRows.of(art) : null;
        boolean eightBitSamples = channels != 3 && art.getRaster().getTransferType() == java.awt.image.DataBuffer.TYPE_BYTE
                && java.util.Arrays.stream(sampleBits).allMatch(bits -> bits == 8);
        this.byteSamples = eightBitSamples ? new byte[art.getWidth() * sourceBands] : null;
        this.width = width;
        this.height = height;
        this.shrink = shrink;
        this.sourceWidth = (art.getWidth() + shrink - 1) / shrink;
        this.sourceHeight = (art.getHeight() + shrink - 1) / shrink;
        this.artRow = shrink > 1 ? new int[art.getWidth()] : null;
        this.blockSums = shrink > 1 ? new long[sourceWidth * 4] : null;

        // A shrunk pixel i stands where the block it averages stands: its centre is the block's, so scales are taken
        // from the art's own size, the clamp at the edge from the shrunk one (the last block may be partial).
        double acrossScale = (double) width * shrink / art.getWidth();
        double acrossSupport = LOBES * Math.max(1.0, 1.0 / acrossScale);
        this.acrossTaps = (int) Math.ceil(2 * acrossSupport) + 1;
        this.acrossIndex = new int[width * acrossTaps];
        this.acrossWeight = new float[width * acrossTaps];
        double[] w = new double[acrossTaps];
        int[] idx = new int[acrossTaps];
        for (int x = 0; x < width; x++) {
            kernel(x, acrossScale, acrossSupport, sourceWidth, idx, w);
            for (int t = 0; t < acrossTaps; t++) {
                acrossIndex[x * acrossTaps + t] = idx[t];
                acrossWeight[x * acrossTaps + t] = (float) w[t];
            }
        }

        if (channels == 3 && !art.getColorModel().hasAlpha()) {
            this.opaqueAcross = new float[acrossWeight.length];
            this.opaqueCoverage = new float[width];
            for (int x = 0; x < width; x++) {
                float a = 0;
                for (int t = 0; t < acrossTaps; t++) {
                    float k = acrossWeight[x * acrossTaps + t];
                    if (k != 0) {
                        opaqueAcross[x * acrossTaps + t] = k * 255f / 255f; // as across() weighs an alpha of 255
                        a += k * 255f;
                    }
                }
                opaqueCoverage[x] = a;
            }
        } else {
            this.opaqueAcross = null;
            this.opaqueCoverage = null;
        }
        int planes = opaqueAcross != null ? sourceWidth : 0;
        this.sourceRed = new float[planes];
        this.sourceGreen = new float[planes];
        this.sourceBlue = new float[planes];

        this.downScale = (double) height * shrink / art.getHeight();
        this.downSupport = LOBES * Math.max(1.0, 1.0 / downScale);
        this.downTaps = (int) Math.ceil(2 * downSupport) + 1;
        this.downWeight = new float[downTaps];
        this.downIndex = new int[downTaps];

        // Enough slots that one output row's window of consecutive source rows never evicts itself.
        int slots = downTaps + 2;
        this.ring = new float[slots][width * (channels + 1)];
        this.downSums = new float[width * (channels + 1)];
        this.ringRow = new int[slots];
        java.util.Arrays.fill(ringRow, -1);
        this.sourceArgb = new int[sourceWidth * (channels + 1)];
    }

    int channels() {
        return channels;
    }

    /**
     * The whole factor RGB art is shrunk by before filtering: the largest k that leaves the filter a reduction of
     * two or more on both axes ({@code k <= ratio / 2}), 1 below a ratio of four, at most 8.
     */
    static int shrinkFor(int artWidth, int artHeight, int width, int height) {
        double ratio = Math.min((double) artWidth / width, (double) artHeight / height);
        return (int) Math.max(1, Math.min(8, Math.floor(ratio / 2)));
    }

    /** See {@link #shrinkFor}: the factor this art is shrunk by. */
    int shrink() {
        return shrink;
    }

    /**
     * Source row {@code sy} as straight channel values and alpha, 0..255, {@code channels + 1} ints a pixel in
     * {@link #sourceArgb}; for RGB art packed ARGB as {@code getRGB} gives it instead, one int a pixel.
     */
    private void readSource(int sy) {
        if (rgbRows != null) { // RGB art
            if (artRow != null && blockSums != null) { // shrunk
                readShrunk(sy, rgbRows, artRow, blockSums);
            } else {
                rgbRows.read(sy, sourceArgb);
            }
            return;
        }
        if (byteSamples != null) {
            art.getRaster().getDataElements(0, sy, sourceWidth, 1, byteSamples);
            boolean alpha = sourceBands > channels;
            for (int x = 0; x < sourceWidth; x++) {
                int from = x * sourceBands;
                int to = x * (channels + 1);
                for (int c = 0; c < channels; c++) {
                    sourceArgb[to + c] = byteSamples[from + c] & 0xFF;
                }
                sourceArgb[to + channels] = alpha ? byteSamples[from + channels] & 0xFF : 255;
            }
            return;
        }
        art.getRaster().getPixels(0, sy, sourceWidth, 1, sourceSamples);
        boolean alpha = sourceBands > channels;
        for (int x = 0; x < sourceWidth; x++) {
            int from = x * sourceBands;
            int to = x * (channels + 1);
            for (int c = 0; c < channels; c++) {
                sourceArgb[to + c] = SourceColour.scale(sourceSamples[from + c], sampleBits[c]);
            }
            sourceArgb[to + channels] = alpha ? SourceColour.scale(sourceSamples[from + channels],
                    sampleBits[channels]) : 255;
        }
    }

    /**
     * Shrunk source row {@code sy}: the k x k blocks of the art's rows {@code k * sy ..} (fewer at the bottom and
     * right edges) averaged, colour weighted by alpha as the filter weighs it, as straight ARGB again.
     */
    private void readShrunk(int sy, ArgbRows rgbRows, int[] artRow, long[] blockSums) {
        int k = shrink;
        int artWidth = art.getWidth();
        java.util.Arrays.fill(blockSums, 0);
        int firstRow = sy * k;
        int lastRow = Math.min(art.getHeight(), firstRow + k);
        for (int y = firstRow; y < lastRow; y++) {
            rgbRows.read(y, artRow);
            for (int bx = 0, x = 0; bx < sourceWidth; bx++) {
                long r = 0;
                long g = 0;
                long b = 0;
                long a = 0;
                for (int end = Math.min(artWidth, x + k); x < end; x++) {
                    int argb = artRow[x];
                    int alpha = argb >>> 24;
                    r += (long) ((argb >> 16) & 0xFF) * alpha;
                    g += (long) ((argb >> 8) & 0xFF) * alpha;
                    b += (long) (argb & 0xFF) * alpha;
                    a += alpha;
                }
                blockSums[4 * bx] += r;
                blockSums[4 * bx + 1] += g;
                blockSums[4 * bx + 2] += b;
                blockSums[4 * bx + 3] += a;
            }
        }
        int rows = lastRow - firstRow;
        for (int bx = 0; bx < sourceWidth; bx++) {
            long a = blockSums[4 * bx + 3];
            int pixels = rows * (Math.min(artWidth, (bx + 1) * k) - bx * k);
            if (a == 0) {
                sourceArgb[bx] = 0;
                continue;
            }
            int alpha = (int) ((a + pixels / 2) / pixels);
            int r = (int) ((blockSums[4 * bx] + a / 2) / a);
            int g = (int) ((blockSums[4 * bx + 1] + a / 2) / a);
            int b = (int) ((blockSums[4 * bx + 2] + a / 2) / a);
            sourceArgb[bx] = alpha << 24 | r << 16 | g << 8 | b;
        }
    }

    /**
     * Lanczos weights for output sample {@code out}: source positions are pixel centres, clamped at the image
     * edge (the edge pixel extends), and the weights are normalised to sum to 1.
     */
    private static void kernel(int out, double scale, double support, int sourceSize, int[] index, double[] weight) {
        double centre = (out + 0.5) / scale - 0.5;
        double stretch = Math.min(1.0, scale);
        int first = (int) Math.floor(centre - support) + 1;
        double sum = 0;
        for (int t = 0; t < index.length; t++) {
            int s = first + t;
            double v = lanczos((s - centre) * stretch);
            index[t] = Math.max(0, Math.min(sourceSize - 1, s));
            weight[t] = v;
            sum += v;
        }
        for (int t = 0; t < index.length; t++) {
            weight[t] /= sum;
        }
    }

    private static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (x <= -LOBES || x >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }

    int width() {
        return width;
    }

    /** The first and last rows of the art that output row {@code y} reads (the taps of non-zero weight). */
    int[] sourceRows(int y) {
        if (height == sourceHeight && width == sourceWidth && shrink == 1) {
            return new int[] {y, y};
        }
        double[] w = new double[downTaps];
        int[] index = new int[downTaps];
        kernel(y, downScale, downSupport, sourceHeight, index, w);
        int first = Integer.MAX_VALUE;
        int last = -1;
        for (int t = 0; t < downTaps; t++) {
            if (w[t] != 0) {
                first = Math.min(first, index[t]);
                last = Math.max(last, index[t]);
            }
        }
        return new int[] {first * shrink, Math.min(art.getHeight() - 1, last * shrink + shrink - 1)};
    }

    int height() {
        return height;
    }

    /**
     * Writes row {@code y} of the resampled art into {@code rgbOut} (its channels composited over paper,
     * {@link #channels()} bytes a pixel: R, G, B over white; grey over white; C, M, Y, K over no ink) and
     * {@code alphaOut} (coverage, 0 = transparent), starting at index 0.
     */
    void row(int y, byte[] rgbOut, byte[] alphaOut) {
        if (rgbRows == null) { // not RGB
            samplesRow(y, rgbOut, alphaOut);
            return;
        }
        if (width == sourceWidth && height == sourceHeight) {
            copyRow(rgbRows, y, rgbOut, alphaOut);
            return;
        }
        double[] w = new double[downTaps];
        kernel(y, downScale, downSupport, sourceHeight, downIndex, w);
        float[][] rows = new float[downTaps][];
        for (int t = 0; t < downTaps; t++) {
            downWeight[t] = (float) w[t];
            rows[t] = w[t] == 0 ? null : across(downIndex[t]);
        }
        float[] sums = down(rows, downWeight);
        for (int x = 0; x < width; x++) {
            int at = x * 4;
            float r = sums[at];
            float g = sums[at + 1];
            float b = sums[at + 2];
            float a = sums[at + 3];
            // Ringing can push values past the legal range; premultiplied colour can never exceed its alpha.
            a = clamp(a, 0, 255);
            int alpha = rounded(a);
            float paper = 255 - a;
            rgbOut[x * 3] = (byte) rounded(clamp(r, 0, a) + paper);
            rgbOut[x * 3 + 1] = (byte) rounded(clamp(g, 0, a) + paper);
            rgbOut[x * 3 + 2] = (byte) rounded(clamp(b, 0, a) + paper);
            alphaOut[x] = (byte) alpha;
        }
    }

    /**
     * The rows filtered across, weighed down into one: for each tap of weight (null rows weigh nothing), the whole
     * row at once. Every sum gets the same products in the same order as summing pixel by pixel, so the same floats,
     * but as one long loop over a row, which the JIT turns into vector instructions (the down pass took a fifth of
     * an enlarged poster's render).
     */
    private float[] down(float[][] rows, float[] weights) {
        float[] sums = downSums;
        java.util.Arrays.fill(sums, 0f);
        for (int t = 0; t < rows.length; t++) {
            float[] s = rows[t];
            if (s == null) {
                continue;
            }
            float k = weights[t];
            for (int i = 0; i < sums.length; i++) {
                sums[i] += k * s[i];
            }
        }
        return sums;
    }

    /**
     * At a scale of exactly one the Lanczos kernel is a single tap of weight one: the row is the source row,
     * composited over paper white with the same arithmetic as the filtered path, without the filtering loops.
     */
    private void copyRow(ArgbRows rgbRows, int y, byte[] rgbOut, byte[] alphaOut) {
        if (rgbRows.readOpaqueRgb(y, rgbOut)) {
            java.util.Arrays.fill(alphaOut, 0, width, (byte) 255);
            return;
        }
        rgbRows.read(y, sourceArgb);
        for (int x = 0; x < width; x++) {
            int argb = sourceArgb[x];
            if (argb >>> 24 == 255) {
                // Opaque: the arithmetic below gives the samples back unchanged.
                rgbOut[x * 3] = (byte) (argb >> 16);
                rgbOut[x * 3 + 1] = (byte) (argb >> 8);
                rgbOut[x * 3 + 2] = (byte) argb;
                alphaOut[x] = (byte) 255;
                continue;
            }
            float a = argb >>> 24;
            float ka = a / 255f;
            float paper = 255 - a;
            rgbOut[x * 3] = (byte) rounded(clamp(ka * ((argb >> 16) & 0xFF), 0, a) + paper);
            rgbOut[x * 3 + 1] = (byte) rounded(clamp(ka * ((argb >> 8) & 0xFF), 0, a) + paper);
            rgbOut[x * 3 + 2] = (byte) rounded(clamp(ka * (argb & 0xFF), 0, a) + paper);
            alphaOut[x] = (byte) rounded(a);
        }
    }

    /** Source row {@code sy} filtered across to the output width, from the ring or made now. */
    private float[] across(int sy) {
        int slot = sy % ring.length;
        float[] out = ring[slot];
        if (ringRow[slot] == sy) {
            return out;
        }
        readSource(sy);
        if (channels != 3) {
            acrossSamples(out);
            ringRow[slot] = sy;
            return out;
        }
        int taps = acrossTaps;
        if (opaqueAcross != null && opaqueCoverage != null) { // set together
            acrossOpaque(out, opaqueAcross, opaqueCoverage);
            ringRow[slot] = sy;
            return out;
        }
        for (int x = 0; x < width; x++) {
            float r = 0;
            float g = 0;
            float b = 0;
            float a = 0;
            int base = x * taps;
            for (int t = 0; t < taps; t++) {
                float k = acrossWeight[base + t];
                if (k == 0) {
                    continue;
                }
                int argb = sourceArgb[acrossIndex[base + t]];
                float alpha = argb >>> 24;
                float ka = k * alpha / 255f;
                r += ka * ((argb >> 16) & 0xFF);
                g += ka * ((argb >> 8) & 0xFF);
                b += ka * (argb & 0xFF);
                a += k * alpha;
            }
            int at = x * 4;
            out[at] = r;
            out[at + 1] = g;
            out[at + 2] = b;
            out[at + 3] = a;
        }
        ringRow[slot] = sy;
        return out;
    }

    /**
     * {@link #across} for art without alpha: every pixel's alpha is 255, so its weight times alpha over 255 and the
     * row's coverage are the same for every row and were worked out once ({@link #opaqueAcross},
     * {@link #opaqueCoverage}) with the very same float operations; what is left is three sums a tap. The result
     * is bit for bit the general path's.
     */
    private void acrossOpaque(float[] out, float[] opaqueAcross, float[] opaqueCoverage) {
        // Each source sample is unpacked once into float planes: an enlargement reads every sample at about six of
        // its taps, and the product of a weight with the int sample is the product with its (exact) float.
        float[] red = sourceRed;
        float[] green = sourceGreen;
        float[] blue = sourceBlue;
        for (int s = 0; s < sourceWidth; s++) {
            int argb = sourceArgb[s];
            red[s] = (argb >> 16) & 0xFF;
            green[s] = (argb >> 8) & 0xFF;
            blue[s] = argb & 0xFF;
        }
        int taps = acrossTaps;
        int[] index = acrossIndex;
        for (int x = 0; x < width; x++) {
            float r = 0;
            float g = 0;
            float b = 0;
            int base = x * taps;
            // No test for the zero taps that pad a kernel: a zero weight adds +0.0, which leaves a sum unchanged
            // (sums start at +0.0 and a float sum that cancels is +0.0, never -0.0), and the loop has no branch.
            for (int t = base; t < base + taps; t++) {
                float ka = opaqueAcross[t];
                int i = index[t];
                r += ka * red[i];
                g += ka * green[i];
                b += ka * blue[i];
            }
            int at = x * 4;
            out[at] = r;
            out[at + 1] = g;
            out[at + 2] = b;
            out[at + 3] = opaqueCoverage[x];
        }
    }

    /**
     * The same filter for grey and CMYK samples, channel by channel: premultiplied by alpha, Lanczos across and
     * down (a single tap of weight one at a scale of exactly one), clamped, composited over paper. For ink the paper
     * is no ink (0), so a transparent edge fades to bare stock as it does in RGB art.
     */
    /** {@link #across} for grey and CMYK: each channel premultiplied by alpha, alpha last. */
    private void acrossSamples(float[] out) {
        int n = channels + 1;
        int taps = acrossTaps;
        boolean scaled = width != sourceWidth;
        for (int x = 0; x < width; x++) {
            int at = x * n;
            for (int c = 0; c < n; c++) {
                out[at + c] = 0;
            }
            for (int t = 0; t < (scaled ? taps : 1); t++) {
                int base = x * taps + t;
                float k = scaled ? acrossWeight[base] : 1f;
                if (k == 0) {
                    continue;
                }
                int from = (scaled ? acrossIndex[base] : x) * n;
                float alpha = sourceArgb[from + channels];
                float ka = k * alpha / 255f;
                for (int c = 0; c < channels; c++) {
                    out[at + c] += ka * sourceArgb[from + c];
                }
                out[at + channels] += k * alpha;
            }
        }
    }

    private void samplesRow(int y, byte[] out, byte[] alphaOut) {
        int n = channels + 1;
        float[][] rows;
        float[] weights;
        if (width == sourceWidth && height == sourceHeight) {
            rows = new float[][] {across(y)};
            weights = new float[] {1f};
        } else {
            double[] w = new double[downTaps];
            kernel(y, downScale, downSupport, sourceHeight, downIndex, w);
            rows = new float[downTaps][];
            weights = new float[downTaps];
            for (int t = 0; t < downTaps; t++) {
                weights[t] = (float) w[t];
                rows[t] = w[t] == 0 ? null : across(downIndex[t]);
            }
        }
        float[] sums = down(rows, weights);
        for (int x = 0; x < width; x++) {
            int at = x * n;
            float a = clamp(sums[at + channels], 0, 255);
            float paper = inkPaper ? 0 : 255 - a;
            for (int c = 0; c < channels; c++) {
                out[x * channels + c] = (byte) rounded(clamp(sums[at + c], 0, a) + paper);
            }
            alphaOut[x] = (byte) rounded(a);
        }
    }

    private static float clamp(float v, float lo, float hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    /**
     * {@code Math.round} of a sum that is never negative here, without its cost: on JDK 17 {@code Math.round(float)}
     * is bit arithmetic with a branch that the JIT neither replaces by an instruction (JDK 19 does) nor vectorises,
     * and the three of a pixel were 6 % of the labelled lanes' CPU. A float is exact as a double and so is adding a
     * half, so the truncation is floor(v + 0.5), which is Math.round's definition: equal for every float from 0 up
     * ({@code ResampledArtTest} holds it to Math.round at the halves and their neighbours).
     */
    static int rounded(float v) {
        return (int) (v + 0.5d);
    }
}
