package dev.platen.color;

/**
 * Colour difference between two pictures as an eye sees them from a distance, after S-CIELAB (Zhang and Wandell, "A
 * spatial extension of CIELAB for digital color image reproduction", SID Journal 1997): each picture's lightness
 * and two colour-opponent channels are blurred by the eye's contrast sensitivity for them, and the blurred pictures
 * are compared pixel by pixel, here with CIEDE2000.
 *
 * <p>Why for print: the eye resolves lightness detail finely but colour only coarsely (the red-green and
 * blue-yellow filters are ten times wider than the luminance one). A few scattered pixels whose colour no ink
 * can reach are averaged with their neighbours before the eye judges them, so they hardly count; a large flat
 * area whose colour shifts is the same after the blur and counts in full.
 *
 * <p>Channels: CIELAB's own L* (lightness), a* (red-green) and b* (yellow-blue), not S-CIELAB's opponent transform of
 * XYZ. In the XYZ version a thin dark line beside a bright area gets the area's blurred chroma at the line's own low
 * lightness, and CIELAB's cube roots then magnify the difference there: a navy gap between sunlit planks that prints
 * ΔE2000 8 off read 25. Filtering a* and b* keeps chroma and lightness in step.
 *
 * <p>Filters, per channel a sum of Gaussians {@code w exp(-(x²+y²)/s²)}, each normalised to unit sum, with the
 * spreads {@code s} in degrees of visual angle and the weights of the paper: lightness (0.05°, 1.00327),
 * (0.225°, 0.114416), (7.0°, -0.117686); red-green (0.0685°, 0.616725), (0.826°, 0.383275); blue-yellow
 * (0.0920°, 0.567885), (0.6451°, 0.432115). Each channel's weights add up to one, so flat areas pass unchanged.
 * Edges are extended (the edge pixel repeats): a picture's border is not a dark frame.
 *
 * <p>Gaussians wider than {@value #EXACT_MAX_SIGMA} px run as three successive box filters (Wells 1986; the boxes'
 * widths after Kovesi, "Fast almost-Gaussian filtering", 2010), whose cost does not grow with the width: the 7°
 * lightness surround spans a seventh of a picture's diagonal.
 */
public final class SpatialCielab {

    /**
     * The angle a print's diagonal subtends when it is viewed from a distance equal to its diagonal, the usual
     * "normal viewing distance" of a print (2 atan(1/2), about 53°): a poster from across a room, a T-shirt front
     * from a couple of paces, a postcard in the hand all fill about this much of the view.
     */
    public static final double DIAGONAL_DEGREES = Math.toDegrees(2 * Math.atan(0.5));

    /** Largest standard deviation (px) convolved exactly; wider ones go through three boxes. */
    static final double EXACT_MAX_SIGMA = 6;

    /** Per channel: spread in degrees, weight; pairs. */
    private static final double[][] FILTERS = {
            {0.05, 1.00327, 0.225, 0.114416, 7.0, -0.117686},
            {0.0685, 0.616725, 0.826, 0.383275},
            {0.0920, 0.567885, 0.6451, 0.432115},
    };

    private SpatialCielab() {
    }

    /** Samples per degree of a {@code width} x {@code height} picture at the normal viewing distance. */
    public static double samplesPerDegree(int width, int height) {
        return Math.hypot(width, height) / DIAGONAL_DEGREES;
    }

    /**
     * The CIEDE2000 difference, pixel by pixel, between two CIELAB images (interleaved L*, a*, b*), {@code width} x
     * {@code height}, each channel low-passed with S-CIELAB's filter for it: L* with the luminance filter, a* with
     * the red-green one, b* with the blue-yellow one, seen at {@code samplesPerDegree}.
     */
    public static float[] deltaE2000(float[] first, float[] second, int width, int height,
                                     double samplesPerDegree) {
        int n = width * height;
        if (first.length < 3 * n || second.length < 3 * n) {
            throw new IllegalArgumentException("an image of " + width + " x " + height + " needs " + 3 * n + " samples");
        }
        float[] a = filter(first, width, height, samplesPerDegree);
        float[] b = filter(second, width, height, samplesPerDegree);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            Lab x = new Lab(a[3 * i], a[3 * i + 1], a[3 * i + 2]);
            Lab y = new Lab(b[3 * i], b[3 * i + 1], b[3 * i + 2]);
            out[i] = (float) DeltaE.cie2000(x, y);
        }
        return out;
    }

    /** The CIELAB image as the eye sees it at {@code samplesPerDegree}: interleaved Lab in, interleaved Lab out. */
    public static float[] filter(float[] lab, int width, int height, double samplesPerDegree) {
        if (!(samplesPerDegree > 0)) {
            throw new IllegalArgumentException("samples per degree must be positive, was " + samplesPerDegree);
        }
        int n = width * height;
        float[] out = new float[3 * n];
        for (int c = 0; c < 3; c++) {
            float[] plane = new float[n];
            for (int i = 0; i < n; i++) {
                plane[i] = lab[3 * i + c];
            }
            double[] spec = FILTERS[c];
            float[] sum = new float[n];
            for (int k = 0; k < spec.length; k += 2) {
                // exp(-x²/s²) is a Gaussian of standard deviation s/√2.
                double sigma = spec[k] * samplesPerDegree / Math.sqrt(2);
                float[] blurred = gaussian(plane, width, height, sigma);
                float weight = (float) spec[k + 1];
                for (int i = 0; i < n; i++) {
                    sum[i] += weight * blurred[i];
                }
            }
            for (int i = 0; i < n; i++) {
                out[3 * i + c] = sum[i];
            }
        }
        return out;
    }

    /** A separable Gaussian blur of one plane, edges extended; a copy when sigma is below a tenth of a pixel. */
    static float[] gaussian(float[] plane, int width, int height, double sigma) {
        if (sigma < 0.1) {
            return plane.clone();
        }
        float[] rows = new float[plane.length];
        if (sigma <= EXACT_MAX_SIGMA) {
            float[] out = new float[plane.length];
            float[] kernel = kernel(sigma);
            convolveRows(plane, rows, width, height, kernel);
            convolveColumns(rows, out, width, height, kernel);
            return out;
        }
        float[] source = plane;
        float[] target = new float[plane.length];
        float[] spare = new float[plane.length];
        for (int radius : boxRadii(sigma)) {
            boxRows(source, rows, width, height, radius);
            boxColumns(rows, target, width, height, radius);
            float[] done = target;
            target = source == plane ? spare : source;
            source = done;
        }
        return source;
    }

    private static float[] kernel(double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 * i * i / (sigma * sigma));
            kernel[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        return kernel;
    }

    /**
     * Each row is copied with its edge pixels repeated {@code radius} times on either side, so no tap needs a clamp;
     * tap {@code k} of output {@code x} reads {@code padded[k + x]}.
     */
    private static void convolveRows(float[] in, float[] out, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        float[] padded = new float[width + 2 * radius];
        int[] taps = new int[kernel.length];
        java.util.Arrays.setAll(taps, k -> k);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            java.util.Arrays.fill(padded, 0, radius, in[row]);
            System.arraycopy(in, row, padded, radius, width);
            java.util.Arrays.fill(padded, radius + width, padded.length, in[row + width - 1]);
            convolve(padded, taps, kernel, out, row, width);
        }
    }

    /** Down the columns: tap {@code k} of output row {@code y} reads row {@code y + k - radius}, edge rows repeated. */
    private static void convolveColumns(float[] in, float[] out, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        int[] taps = new int[kernel.length];
        for (int y = 0; y < height; y++) {
            for (int k = 0; k < taps.length; k++) {
                taps[k] = Math.min(height - 1, Math.max(0, y + k - radius)) * width;
            }
            convolve(in, taps, kernel, out, y * width, width);
        }
    }

    /**
     * {@code out[at + x] = sum over k of kernel[k] * in[taps[k] + x]} for {@code x < width}, the taps added in order
     * from zero: what adding whole rows tap by tap into a row of sums gives, float for float. Sixteen outputs at a
     * time, each summed in a register of its own: JDK 17's JIT does not turn "add a row, shifted, into a row of
     * sums" into vector instructions (it cannot tell the two arrays apart), so that stored and reloaded every sum at
     * every tap, one after the other; sixteen independent sums keep the floating-point units busy instead. 25 taps
     * over a 1024 x 768 plane: 9.4 ms along the rows and 9-10 ms down the columns before, 3.4 and 4.4 ms now.
     */
    private static void convolve(float[] in, int[] taps, float[] kernel, float[] out, int at, int width) {
        int n = kernel.length;
        int x = 0;
        for (; x + 16 <= width; x += 16) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            float s4 = 0;
            float s5 = 0;
            float s6 = 0;
            float s7 = 0;
            float s8 = 0;
            float s9 = 0;
            float s10 = 0;
            float s11 = 0;
            float s12 = 0;
            float s13 = 0;
            float s14 = 0;
            float s15 = 0;
            for (int k = 0; k < n; k++) {
                float w = kernel[k];
                int p = taps[k] + x;
                s0 += w * in[p];
                s1 += w * in[p + 1];
                s2 += w * in[p + 2];
                s3 += w * in[p + 3];
                s4 += w * in[p + 4];
                s5 += w * in[p + 5];
                s6 += w * in[p + 6];
                s7 += w * in[p + 7];
                s8 += w * in[p + 8];
                s9 += w * in[p + 9];
                s10 += w * in[p + 10];
                s11 += w * in[p + 11];
                s12 += w * in[p + 12];
                s13 += w * in[p + 13];
                s14 += w * in[p + 14];
                s15 += w * in[p + 15];
            }
            out[at + x] = s0;
            out[at + x + 1] = s1;
            out[at + x + 2] = s2;
            out[at + x + 3] = s3;
            out[at + x + 4] = s4;
            out[at + x + 5] = s5;
            out[at + x + 6] = s6;
            out[at + x + 7] = s7;
            out[at + x + 8] = s8;
            out[at + x + 9] = s9;
            out[at + x + 10] = s10;
            out[at + x + 11] = s11;
            out[at + x + 12] = s12;
            out[at + x + 13] = s13;
            out[at + x + 14] = s14;
            out[at + x + 15] = s15;
        }
        for (; x < width; x++) {
            float s = 0;
            for (int k = 0; k < n; k++) {
                s += kernel[k] * in[taps[k] + x];
            }
            out[at + x] = s;
        }
    }

    /** Radii of three boxes whose succession has standard deviation {@code sigma} (Kovesi 2010). */
    static int[] boxRadii(double sigma) {
        int passes = 3;
        double ideal = Math.sqrt(12 * sigma * sigma / passes + 1);
        int lower = (int) Math.floor(ideal);
        if (lower % 2 == 0) {
            lower--;
        }
        int upper = lower + 2;
        long m = Math.round((12 * sigma * sigma - passes * (double) lower * lower - 4.0 * passes * lower - 3.0 * passes)
                / (-4.0 * lower - 4));
        int[] radii = new int[passes];
        for (int i = 0; i < passes; i++) {
            radii[i] = ((i < m ? lower : upper) - 1) / 2;
        }
        return radii;
    }

    /**
     * Running-sum box filter along rows, window 2r+1, edges extended. Four rows at a time, each with its own running
     * sum: a running sum waits on its own last addition at every pixel, and four independent ones keep the adder
     * busy (the same additions, in the same order, for every row).
     */
    private static void boxRows(float[] in, float[] out, int width, int height, int radius) {
        float scale = 1f / (2 * radius + 1);
        int y = 0;
        for (; y + 4 <= height; y += 4) {
            int row0 = y * width;
            int row1 = row0 + width;
            int row2 = row1 + width;
            int row3 = row2 + width;
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            for (int k = -radius; k <= radius; k++) {
                int x = Math.min(width - 1, Math.max(0, k));
                sum0 += in[row0 + x];
                sum1 += in[row1 + x];
                sum2 += in[row2 + x];
                sum3 += in[row3 + x];
            }
            for (int x = 0; x < width; x++) {
                out[row0 + x] = (float) (sum0 * scale);
                out[row1 + x] = (float) (sum1 * scale);
                out[row2 + x] = (float) (sum2 * scale);
                out[row3 + x] = (float) (sum3 * scale);
                int add = Math.min(width - 1, x + radius + 1);
                int drop = Math.max(0, x - radius);
                sum0 += in[row0 + add] - in[row0 + drop];
                sum1 += in[row1 + add] - in[row1 + drop];
                sum2 += in[row2 + add] - in[row2 + drop];
                sum3 += in[row3 + add] - in[row3 + drop];
            }
        }
        for (; y < height; y++) {
            int row = y * width;
            double sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += in[row + Math.min(width - 1, Math.max(0, k))];
            }
            for (int x = 0; x < width; x++) {
                out[row + x] = (float) (sum * scale);
                int add = Math.min(width - 1, x + radius + 1);
                int drop = Math.max(0, x - radius);
                sum += in[row + add] - in[row + drop];
            }
        }
    }

    private static void boxColumns(float[] in, float[] out, int width, int height, int radius) {
        float scale = 1f / (2 * radius + 1);
        double[] sums = new double[width];
        for (int k = -radius; k <= radius; k++) {
            int row = Math.min(height - 1, Math.max(0, k)) * width;
            for (int x = 0; x < width; x++) {
                sums[x] += in[row + x];
            }
        }
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int add = Math.min(height - 1, y + radius + 1) * width;
            int drop = Math.max(0, y - radius) * width;
            for (int x = 0; x < width; x++) {
                out[row + x] = (float) (sums[x] * scale);
                sums[x] += in[add + x] - in[drop + x];
            }
        }
    }
}
