package dev.platen.render;

/**
 * TEST FIXTURE ONLY: a naive RGB to CMYK formula (full grey replacement, no profile) so that render tests can run
 * without the colour module. Real conversion is LittleCMS in {@code dev.platen.color} and is tested there; main
 * code has no converter. The formula is deterministic, so every test can predict the exact CMYK of any RGB.
 */
final class NaiveCmyk implements CmykConversion {

    /** The most pixels one call was asked for: shows that conversion is fed bands, not the canvas. */
    int largestCall;
    long calls;

    @Override
    public void convert(byte[] rgbRows, int pixels, byte[] cmykOut) {
        largestCall = Math.max(largestCall, pixels);
        calls++;
        for (int i = 0; i < pixels; i++) {
            int[] cmyk = of(rgbRows[i * 3] & 0xFF, rgbRows[i * 3 + 1] & 0xFF, rgbRows[i * 3 + 2] & 0xFF);
            for (int k = 0; k < 4; k++) {
                cmykOut[i * 4 + k] = (byte) cmyk[k];
            }
        }
    }

    static int[] of(int r, int g, int b) {
        int c = 255 - r;
        int m = 255 - g;
        int y = 255 - b;
        int k = Math.min(c, Math.min(m, y));
        return new int[] {c - k, m - k, y - k, k};
    }
}
