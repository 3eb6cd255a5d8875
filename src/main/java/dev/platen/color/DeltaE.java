package dev.platen.color;

/**
 * Colour differences. CIEDE2000 with the parametric factors kL = kC = kH = 1 (graphic arts reference
 * conditions): about 1 is a just-noticeable difference side by side; print tolerances are usually 2 to 3.
 */
public final class DeltaE {

    private static final double POW25_7 = Math.pow(25, 7);
    /**
     * Degrees by which two hues may be more than 180° apart and still count as 180° (the formula's first branch, as
     * exact arithmetic puts them): Sharma's pairs 10 and 14 are exactly opposite colours, and their computed hues
     * carry an ulp or two of rounding that would otherwise choose the branch by chance.
     */
    private static final double OPPOSITE_SLACK = 1e-9;

    private DeltaE() {
    }

    /**
     * CIEDE2000 in Java, following Sharma, Wu and Dalal, "The CIEDE2000 Color-Difference Formula:
     * Implementation Notes, Supplementary Test Data, and Mathematical Observations" (2005), equations 1 to 22,
     * including their notes on the hue mean and hue difference when the hues straddle 0°/360° and when a
     * chroma is zero.
     */
    public static double cie2000(Lab first, Lab second) {
        double l1 = first.lightness();
        double l2 = second.lightness();
        double cBar = (first.chroma() + second.chroma()) / 2;
        double cBar7 = seventh(cBar);
        double g = 0.5 * (1 - Math.sqrt(cBar7 / (cBar7 + POW25_7)));
        double a1 = (1 + g) * first.a();
        double a2 = (1 + g) * second.a();
        // Lab values are far from overflow: the plain root, not Math.hypot's careful (and slower) one.
        double c1 = Math.sqrt(a1 * a1 + first.b() * first.b());
        double c2 = Math.sqrt(a2 * a2 + second.b() * second.b());
        double h1 = hueDegrees(a1, first.b());
        double h2 = hueDegrees(a2, second.b());

        double deltaL = l2 - l1;
        double deltaC = c2 - c1;
        double deltaHue;
        if (c1 * c2 == 0) {
            deltaHue = 0;
        } else if (Math.abs(h2 - h1) <= 180 + OPPOSITE_SLACK) {
            deltaHue = h2 - h1;
        } else if (h2 - h1 > 180) {
            deltaHue = h2 - h1 - 360;
        } else {
            deltaHue = h2 - h1 + 360;
        }
        double deltaH = 2 * Math.sqrt(c1 * c2) * Math.sin(Math.toRadians(deltaHue / 2));

        double lMean = (l1 + l2) / 2;
        double cMean = (c1 + c2) / 2;
        double hMean;
        if (c1 * c2 == 0) {
            hMean = h1 + h2;
        } else if (Math.abs(h1 - h2) <= 180 + OPPOSITE_SLACK) {
            hMean = (h1 + h2) / 2;
        } else if (h1 + h2 < 360) {
            hMean = (h1 + h2 + 360) / 2;
        } else {
            hMean = (h1 + h2 - 360) / 2;
        }

        double t = 1 - 0.17 * cosDegrees(hMean - 30) + 0.24 * cosDegrees(2 * hMean)
                + 0.32 * cosDegrees(3 * hMean + 6) - 0.20 * cosDegrees(4 * hMean - 63);
        double hFrom275 = (hMean - 275) / 25;
        double deltaTheta = 30 * Math.exp(-hFrom275 * hFrom275);
        double cMean7 = seventh(cMean);
        double rC = 2 * Math.sqrt(cMean7 / (cMean7 + POW25_7));
        double lMean50 = (lMean - 50) * (lMean - 50);
        double sL = 1 + 0.015 * lMean50 / Math.sqrt(20 + lMean50);
        double sC = 1 + 0.045 * cMean;
        double sH = 1 + 0.015 * cMean * t;
        double rT = -Math.sin(Math.toRadians(2 * deltaTheta)) * rC;

        double dL = deltaL / sL;
        double dC = deltaC / sC;
        double dH = deltaH / sH;
        return Math.sqrt(dL * dL + dC * dC + dH * dH + rT * dC * dH);
    }

    /** CIEDE2000 as lcms computes it ({@code cmsCIE2000DeltaE} with kL = kC = kH = 1). */
    public static double cie2000ByLcms(Lab first, Lab second) {
        return Lcms.LIB.cmsCIE2000DeltaE(new double[] {first.lightness(), first.a(), first.b()},
                new double[] {second.lightness(), second.a(), second.b()}, 1, 1, 1);
    }

    /** h' in degrees, 0 to 360; 0 for a neutral (a' = b = 0), as the paper prescribes. */
    private static double hueDegrees(double aPrime, double b) {
        if (aPrime == 0 && b == 0) {
            return 0;
        }
        double h = Math.toDegrees(atan2(b, aPrime));
        return h < 0 ? h + 360 : h;
    }

    /** atan(k / 16) for k = 0..16: the centres {@link #atan2} reduces its argument to. */
    private static final double[] ATAN_SIXTEENTHS = new double[17];

    static {
        for (int k = 0; k <= 16; k++) {
            ATAN_SIXTEENTHS[k] = StrictMath.atan(k / 16.0);
        }
    }

    /**
     * {@link Math#atan2} within a few units in the last place, computed in Java. On JDK 17 {@code Math.atan2} is a
     * native call into fdlibm (39 ns a call in a warm loop, this one 15 ns); the soft proof takes two hue angles for
     * every pixel of its difference map, and on small art those calls were a sixth of the placement step's CPU. The
     * ratio of the smaller to the larger of |y| and |x| (0..1) is taken to its nearest sixteenth c, atan(t) = atan(c)
     * + atan(u) with u = (t - c) / (1 + tc), |u| < 1/32, whose series to u^11 leaves under 1e-19 of u (t - c is exact:
     * t lies within a factor two of c). Infinities, NaN and (0, 0) go to the JDK; everything else is computed here.
     */
    static double atan2(double y, double x) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        if (!(ax < Double.POSITIVE_INFINITY && ay < Double.POSITIVE_INFINITY) || ax == 0 && ay == 0) {
            return Math.atan2(y, x);
        }
        boolean steep = ay > ax;
        double t = steep ? ax / ay : ay / ax;
        int k = (int) (t * 16 + 0.5);
        double c = k / 16.0;
        double u = (t - c) / (1 + t * c);
        double u2 = u * u;
        double angle = ATAN_SIXTEENTHS[k]
                + (u - u * u2 * (1 / 3.0 - u2 * (1 / 5.0 - u2 * (1 / 7.0 - u2 * (1 / 9.0 - u2 / 11.0)))));
        if (steep) {
            angle = Math.PI / 2 - angle;
        }
        if (x < 0) {
            angle = Math.PI - angle;
        }
        return Math.copySign(angle, y);
    }

    /**
     * x to the 7th by multiplying: the soft proof takes a ΔE2000 of every screen pixel, and Math.pow was a twentieth
     * of its time; the two differ in the last bits only.
     */
    private static double seventh(double x) {
        double square = x * x;
        return square * square * square * x;
    }

    private static double cosDegrees(double degrees) {
        return Math.cos(Math.toRadians(degrees));
    }
}
