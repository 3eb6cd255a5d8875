package dev.platen.color;

/**
 * A CIELAB colour (D50, the ICC PCS white).
 *
 * @param lightness L*, 0 (black) to 100 (the reference white)
 * @param a         a*, green (negative) to red (positive)
 * @param b         b*, blue (negative) to yellow (positive)
 */
public record Lab(double lightness, double a, double b) {

    /** C*ab, the distance from the grey axis. */
    public double chroma() {
        return Math.hypot(a, b);
    }

    /** CIEDE2000 colour difference to {@code other}; see {@link DeltaE#cie2000(Lab, Lab)}. */
    public double deltaE2000(Lab other) {
        return DeltaE.cie2000(this, other);
    }
}
