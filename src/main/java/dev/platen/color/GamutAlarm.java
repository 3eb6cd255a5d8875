package dev.platen.color;

/**
 * The colour a soft proof paints where the art is outside the stock's gamut, as 8-bit RGB of the screen
 * profile. Soft proofs with an alarm must go to an RGB screen format.
 */
public record GamutAlarm(int red, int green, int blue) {

    /** Pure magenta: rare in art, so alarmed areas stand out. */
    public static final GamutAlarm MAGENTA = new GamutAlarm(255, 0, 255);

    public GamutAlarm {
        for (int v : new int[] {red, green, blue}) {
            if (v < 0 || v > 255) {
                throw new IllegalArgumentException("alarm channels are 0..255, was " + v);
            }
        }
    }

    /**
     * lcms's alarm codes are 16-bit whatever the output depth ({@code cmsMAXCHANNELS} of them); lcms
     * reduces them to 8 bits for 8-bit output, so v * 257 lands exactly on v.
     */
    short[] lcmsCodes() {
        short[] codes = new short[LittleCms.MAX_CHANNELS];
        codes[0] = (short) (red * 257);
        codes[1] = (short) (green * 257);
        codes[2] = (short) (blue * 257);
        return codes;
    }
}
