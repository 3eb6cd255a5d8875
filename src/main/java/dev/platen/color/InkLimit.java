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
}
