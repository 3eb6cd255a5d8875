package dev.platen.color;

/**
 * A CIELAB colour (D50, the ICC PCS white).
 *
 * @param lightness L*, 0 (black) to 100 (the reference white)
 * @param a         a*, green (negative) to red (positive)
 * @param b         b*, blue (negative) to yellow (positive)
 */
public record Lab(double lightness, double a, double b) {

    /** The ICC PCS white, X Y Z with Y 1, as lcms's {@code cmsD50_XYZ()}. */
    static final double[] D50 = {0.9642, 1.0, 0.8249};

    /** C*ab, the distance from the grey axis. */
    public double chroma() {
        return Math.sqrt(a * a + b * b); // Lab is far from overflow: no need for Math.hypot's slower care
    }

    /**
     * The colour as CIE XYZ relative to the D50 white (Y 0..1), by the CIE 1976 formulas with lcms's white
     * ({@code cmsD50_XYZ}) and its constants (ε = (6/29)³, κ-branch below f = 6/29), so that it round-trips
     * with lcms's own Lab within float precision.
     */
    public float[] toXyz() {
        double fy = (lightness + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        return new float[] {(float) (D50[0] * finv(fx)), (float) finv(fy),
                (float) (D50[2] * finv(fz))};
    }

    /** CIELAB of D50-relative XYZ (Y 0..1); the inverse of {@link #toXyz()}. */
    public static Lab fromXyz(float x, float y, float z) {
        double fx = f(x / D50[0]);
        double fy = f(y);
        double fz = f(z / D50[2]);
        return new Lab(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    private static final double LIMIT = 24.0 / 116;   // 6/29

    private static double f(double t) {
        return t <= LIMIT * LIMIT * LIMIT ? (841.0 / 108) * t + 16.0 / 116 : Math.cbrt(t);
    }

    private static double finv(double t) {
        return t <= LIMIT ? (108.0 / 841) * (t - 16.0 / 116) : t * t * t;
    }

    /** CIEDE2000 colour difference to {@code other}; see {@link DeltaE#cie2000(Lab, Lab)}. */
    public double deltaE2000(Lab other) {
        return DeltaE.cie2000(this, other);
    }
}
