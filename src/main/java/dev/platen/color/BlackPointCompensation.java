package dev.platen.color;

import com.sun.jna.Pointer;

import static dev.platen.color.Lcms.LIB;

/**
 * Black point compensation as a colour's expected destination: the linear scaling in media-relative XYZ that lcms
 * puts between two profiles ({@code ComputeBlackPointCompensation} in cmscnvrt.c, 2.14), which takes the art's
 * black point to the stock's and leaves the D50 white where it is: {@code XYZ' = a XYZ + b} per channel,
 * {@code a = (out - D50) / (in - D50)}, {@code b = -D50 (out - in) / (in - D50)}.
 *
 * <p>It answers "which colour is the stock asked to print for this art colour, once the art's black has been taken
 * to the paper and ink's own black?": what "in gamut" means for a stock whose shadows are compensated. Without it
 * pure black (L* 0) would count as a miss on every stock, though the press prints it as its deepest black on
 * purpose.
 *
 * <p>Black points come from lcms (Adobe's algorithm: {@code cmsDetectBlackPoint} on the art's profile,
 * {@code cmsDetectDestinationBlackPoint} on the stock's), always as relative colorimetric detects them: that is the
 * medium's real black. For relative colorimetric with BPC it is exactly the scaling inside the separation. For
 * perceptual and saturation it is what those intents are defined to do with black (ICC.1: map the source's black
 * to the medium's), whether the profile's perceptual table does it itself or lcms compensates: lcms's own perceptual
 * detection returns a zero black for v2 tables that map black themselves (IFRA26S newsprint: L* 0, while its
 * perceptual table prints black at L* 40) and the fixed v4 perceptual black for v4 ones, neither of them the ink
 * on the paper. Relative colorimetric without BPC and absolute colorimetric do not compensate: their shadows below
 * the stock's black are crushed, and that is what the print shows.
 */
public final class BlackPointCompensation {

    /** Media-relative XYZ (Y 0..1); the two are equal when nothing is compensated. */
    private final double[] artBlack;
    private final double[] stockBlack;

    BlackPointCompensation(double[] artBlack, double[] stockBlack) {
        this.artBlack = artBlack.clone();
        this.stockBlack = stockBlack.clone();
    }

    /** No compensation: every colour stays as it is. */
    public static BlackPointCompensation none() {
        return new BlackPointCompensation(new double[3], new double[3]);
    }

    /**
     * The scaling a conversion from {@code art} into {@code stock} with {@code intent} and the stock's BPC setting
     * ({@code requested}) is expected to apply; see the class comment for which intents compensate.
     */
    public static BlackPointCompensation of(ColorProfile art, ColorProfile stock, RenderingIntent intent,
                                            boolean requested) {
        boolean compensates = switch (intent) {
            case PERCEPTUAL, SATURATION -> true;
            case RELATIVE_COLORIMETRIC -> requested;
            case ABSOLUTE_COLORIMETRIC -> false;
        };
        if (!compensates) {
            return none();
        }
        Pointer in = art.retain();
        try {
            Pointer out = stock.retain();
            try {
                double[] artBlack = new double[3];
                double[] stockBlack = new double[3];
                // Both return FALSE and a zero black for a profile whose black they cannot find; lcms's transform
                // then compensates with that zero too.
                int relative = RenderingIntent.RELATIVE_COLORIMETRIC.code();
                LIB.cmsDetectBlackPoint(artBlack, in, relative, 0);
                LIB.cmsDetectDestinationBlackPoint(stockBlack, out, relative, 0);
                return new BlackPointCompensation(artBlack, stockBlack);
            } finally {
                stock.release();
            }
        } finally {
            art.release();
        }
    }

    /**
     * The scaling to the stock's <em>black ink</em> rather than its deepest (four-colour) black: the art's black
     * point taken to K 100 % alone, read through the stock's profile relative colorimetric. This is what "the
     * stock's BPC" means for art printed in black ink only (grey art as K): the darkest the K plate can make is
     * that black, and compensating to it keeps the grey's steps instead of crushing every shade darker than K 100
     * into it. Same rule as {@link #of} for which intents compensate at all.
     */
    public static BlackPointCompensation toBlackInk(ColorProfile art, ColorProfile stock, RenderingIntent intent,
                                                    boolean requested) {
        if (!compensates(intent, requested)) {
            return none();
        }
        BlackPointCompensation standard = of(art, stock, intent, requested);
        try (ColorProfile lab = ColorProfile.lab();
             ColorTransform toLab = ColorTransform.create(stock, PixelFormat.CMYK_8, lab, PixelFormat.LAB_DOUBLE,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.nativeOrder());
            toLab.convert(java.nio.ByteBuffer.wrap(new byte[] {0, 0, 0, (byte) 255}), out, 1);
            float[] k = new Lab(out.getDouble(0), out.getDouble(8), out.getDouble(16)).toXyz();
            return new BlackPointCompensation(standard.artBlack, new double[] {k[0], k[1], k[2]});
        }
    }

    private static boolean compensates(RenderingIntent intent, boolean requested) {
        return switch (intent) {
            case PERCEPTUAL, SATURATION -> true;
            case RELATIVE_COLORIMETRIC -> requested;
            case ABSOLUTE_COLORIMETRIC -> false;
        };
    }

    /** Whether this scaling changes anything (lcms skips it when the two black points are the same). */
    public boolean isIdentity() {
        return artBlack[0] == stockBlack[0] && artBlack[1] == stockBlack[1] && artBlack[2] == stockBlack[2];
    }

    /** Scales media-relative XYZ (Y 0..1) in place, from {@code offset}. */
    public void apply(float[] xyz, int offset) {
        if (isIdentity()) {
            return;
        }
        for (int c = 0; c < 3; c++) {
            double t = artBlack[c] - Lab.D50[c];
            double a = (stockBlack[c] - Lab.D50[c]) / t;
            double b = -Lab.D50[c] * (stockBlack[c] - artBlack[c]) / t;
            xyz[offset + c] = (float) (a * xyz[offset + c] + b);
        }
    }

    /** The colour {@code lab} becomes: Lab to XYZ, scaled, back to Lab. */
    public Lab apply(Lab lab) {
        float[] xyz = lab.toXyz();
        apply(xyz, 0);
        return Lab.fromXyz(xyz[0], xyz[1], xyz[2]);
    }

    /** The stock's black point as CIELAB. */
    public Lab stockBlackLab() {
        return Lab.fromXyz((float) stockBlack[0], (float) stockBlack[1], (float) stockBlack[2]);
    }
}
