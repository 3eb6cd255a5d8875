package dev.platen.color;

/** The colour a proof's gamut view paints where the stock prints a different colour, as 8-bit sRGB. */
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
}
