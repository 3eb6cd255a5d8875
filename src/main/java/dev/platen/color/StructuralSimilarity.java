package dev.platen.color;

/**
 * SSIM (Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment: from error visibility to structural
 * similarity", IEEE TIP 2004) on CIELAB lightness: how much of a reference picture's local structure, contrast
 * and brightness another picture keeps, 1 for the same picture.
 *
 * <p>Windows of 8 x 8 pixels stepped by 4, uniform weights, as libvpx's and FFmpeg's SSIM do: the half overlap
 * keeps a window from straddling every edge the same way, at a sixteenth of the cost of a per-pixel Gaussian
 * window. The constants are the paper's, {@code K1 = 0.01}, {@code K2 = 0.03}, for a dynamic range of 100 (L* 0 to
 * 100): {@code C1 = (K1 * 100)² = 1}, {@code C2 = (K2 * 100)² = 9}. Sample (n - 1) variances. The result is the mean
 * over the windows; a picture smaller than a window in one direction is measured with a window its size.
 */
public final class StructuralSimilarity {

    static final int WINDOW = 8;
    static final int STEP = 4;
    static final double C1 = 1.0;
    static final double C2 = 9.0;

    private StructuralSimilarity() {
    }

    /** Mean SSIM of {@code test} against {@code reference}, both L* (0..100) row by row, width x height. */
    public static double ofLightness(float[] reference, float[] test, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture of " + width + " x " + height);
        }
        int n = width * height;
        if (reference.length < n || test.length < n) {
            throw new IllegalArgumentException("a picture of " + width + " x " + height + " needs " + n + " samples");
        }
        int windowX = Math.min(WINDOW, width);
        int windowY = Math.min(WINDOW, height);
        double total = 0;
        long windows = 0;
        for (int y0 = 0; y0 + windowY <= height; y0 = next(y0, windowY, height)) {
            for (int x0 = 0; x0 + windowX <= width; x0 = next(x0, windowX, width)) {
                total += window(reference, test, width, x0, y0, windowX, windowY);
                windows++;
                if (x0 + windowX == width) {
                    break;
                }
            }
            if (y0 + windowY == height) {
                break;
            }
        }
        return total / windows;
    }

    /** The next window start: a step on, or flush with the far edge so that the last pixels are measured too. */
    private static int next(int start, int window, int size) {
        int next = start + STEP;
        return next + window > size ? size - window : next;
    }

    static double window(float[] x, float[] y, int width, int x0, int y0, int w, int h) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int j = y0; j < y0 + h; j++) {
            int row = j * width;
            for (int i = x0; i < x0 + w; i++) {
                double a = x[row + i];
                double b = y[row + i];
                sx += a;
                sy += b;
                sxx += a * a;
                syy += b * b;
                sxy += a * b;
            }
        }
        int count = w * h;
        double mx = sx / count;
        double my = sy / count;
        double denominator = Math.max(1, count - 1);
        double vx = Math.max(0, (sxx - sx * mx) / denominator);
        double vy = Math.max(0, (syy - sy * my) / denominator);
        double cxy = (sxy - sx * my) / denominator;
        return (2 * mx * my + C1) * (2 * cxy + C2) / ((mx * mx + my * my + C1) * (vx + vy + C2));
    }
}
