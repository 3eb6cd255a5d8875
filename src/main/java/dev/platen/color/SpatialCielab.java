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
     * Each row is copied with its edge pixels repeated {@code radius} times on either side, then the taps are added
     * tap by tap across the whole row, as {@link #convolveColumns} does: every output pixel gets the same products
     * added in the same order as a per-pixel sum with clamped indices, without a clamp per tap.
     */
    private static void convolveRows(float[] in, float[] out, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        float[] padded = new float[width + 2 * radius];
        float[] sums = new float[width];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            java.util.Arrays.fill(padded, 0, radius, in[row]);
            System.arraycopy(in, row, padded, radius, width);
            java.util.Arrays.fill(padded, radius + width, padded.length, in[row + width - 1]);
            java.util.Arrays.fill(sums, 0);
            for (int k = 0; k < kernel.length; k++) {
                float w = kernel[k];
                for (int x = 0; x < width; x++) {
                    sums[x] += w * padded[x + k];
                }
            }
            System.arraycopy(sums, 0, out, row, width);
        }
    }

    private static void convolveColumns(float[] in, float[] out, int width, int height, float[] kernel) {
        int radius = kernel.length / 2;
        float[] sums = new float[width];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(sums, 0);
            for (int k = -radius; k <= radius; k++) {
                int yy = Math.min(height - 1, Math.max(0, y + k));
                float w = kernel[k + radius];
                int row = yy * width;
                for (int x = 0; x < width; x++) {
                    sums[x] += w * in[row + x];
                }
            }
            System.arraycopy(sums, 0, out, y * width, width);
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

    /** Running-sum box filter along rows, window 2r+1, edges extended. */
    private static void boxRows(float[] in, float[] out, int width, int height, int radius) {
        float scale = 1f / (2 * radius + 1);
        for (int y = 0; y < height; y++) {
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
