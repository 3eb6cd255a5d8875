package dev.platen.color;

/**
 * The most ink a press or paper takes, as total area coverage (TAC): C + M + Y + K in percent, 0 to 400.
 * Uncoated stock typically takes 260 to 300 %, coated sheet-fed 320 to 350 %.
 *
 * @param percent the highest total area coverage allowed
 */
public record InkLimit(double percent) {

    public InkLimit {
        if (!(percent >= 0 && percent <= 400)) {
            throw new IllegalArgumentException("an ink limit is 0 to 400 %, was " + percent);
        }
    }

    /** Total area coverage in percent of one 8-bit CMYK pixel (each channel 0..255 is 0..100 %). */
    public static double coverageOf8Bit(int c, int m, int y, int k) {
        return (c + m + y + k) * 100.0 / 255.0;
    }

    /** Whether a coverage is within this limit. */
    public boolean allows(double coveragePercent) {
        return coveragePercent <= percent;
    }

    /**
     * Limits 8-bit CMYK pixels in place, and says how many it changed. The formula is lcms's own ink-limiting
     * device link ({@code InkLimitingSampler} in cmsvirt.c): when C+M+Y+K exceeds the limit, C, M and Y are scaled
     * by one factor so the sum meets it, K untouched (black carries the detail of shadows); pixels within the limit
     * are not touched at all. Done here rather than through lcms's link because the link is a sampled table whose
     * interpolation moves pixels within the limit by a count too, and art already in the stock's condition must
     * pass through unchanged.
     *
     * @param cmyk   C, M, Y, K interleaved, 0 = no ink, 255 = full ink
     * @param pixels how many pixels from index 0
     * @return how many pixels were over the limit and scaled
     */
    public int limit(byte[] cmyk, int pixels) {
        double limit = percent * 2.55;
        int changed = 0;
        for (int i = 0, at = 0; i < pixels; i++, at += 4) {
            int c = cmyk[at] & 0xFF;
            int m = cmyk[at + 1] & 0xFF;
            int y = cmyk[at + 2] & 0xFF;
            int k = cmyk[at + 3] & 0xFF;
            int cmy = c + m + y;
            if (cmy + k > limit) {
                double ratio = Math.max(0, 1 - (cmy + k - limit) / cmy);
                cmyk[at] = (byte) Math.round(c * ratio);
                cmyk[at + 1] = (byte) Math.round(m * ratio);
                cmyk[at + 2] = (byte) Math.round(y * ratio);
                changed++;
            }
        }
        return changed;
    }
}
