package dev.platen.color;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Grey art printed with black ink alone: for each 8-bit grey level, the K (C = M = Y = 0) whose lightness on the
 * stock is the grey's own lightness, black point compensated to the stock's black ink.
 *
 * <p>How: the grey level goes to L* through its own profile (a grey profile, or an RGB profile read at R = G = B,
 * which is how Platen takes untagged grey: sRGB neutrals, what a browser shows), relative colorimetric; the
 * stock's BPC then takes the grey's black to K 100 % ({@link BlackPointCompensation#toBlackInk}); and the stock's
 * K ramp (K 0..255 alone through its profile, relative colorimetric, as a spectrophotometer would read the
 * printed steps relative to the paper) is inverted: the K whose L* is nearest. A press profile's K ramp is
 * monotonic (more ink, darker); a profile whose ramp wavers is flattened to its running minimum first, so the
 * result is monotonic too.
 *
 * <p>Why not lcms's K-only preserving intent: it exists for CMYK to CMYK only, and a grey-to-CMYK transform puts
 * greys on the stock's grey balance (C, M, Y and K), which is exactly what a shop asking {@code greyAs: k} does
 * not want: four plates to register for every grey.
 */
public final class GreyAsBlackInk {

    private GreyAsBlackInk() {
    }

    /**
     * @param grey  the art's profile: GRAY, or RGB (levels read as neutrals R = G = B)
     * @param stock the stock's CMYK output profile
     * @return 256 K values, 0 = no ink, indexed by the grey level
     */
    public static byte[] inks(ColorProfile grey, ColorProfile stock, RenderingIntent intent, boolean bpc) {
        double[] target = targetLightness(grey, stock, intent, bpc);
        double[] ramp = blackInkRamp(stock);
        byte[] k = new byte[256];
        for (int g = 0; g < 256; g++) {
            k[g] = (byte) nearest(ramp, target[g]);
        }
        return k;
    }

    /** L* the stock is asked to print for each grey level: the grey's own L*, compensated to the black ink. */
    public static double[] targetLightness(ColorProfile grey, ColorProfile stock, RenderingIntent intent,
                                           boolean bpc) {
        boolean rgb = grey.colorSpace() == ColorSpace.RGB;
        if (!rgb && grey.colorSpace() != ColorSpace.GRAY) {
            throw new IllegalArgumentException("grey art needs a grey or RGB profile, not " + grey.colorSpace());
        }
        byte[] levels = new byte[256 * (rgb ? 3 : 1)];
        for (int g = 0; g < 256; g++) {
            for (int c = 0; c < (rgb ? 3 : 1); c++) {
                levels[g * (rgb ? 3 : 1) + c] = (byte) g;
            }
        }
        double[] lab = new double[256 * 3];
        try (ColorProfile labProfile = ColorProfile.lab();
             ColorTransform toLab = ColorTransform.create(grey, rgb ? PixelFormat.RGB_8 : PixelFormat.GRAY_8,
                     labProfile, PixelFormat.LAB_DOUBLE, RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            convert(toLab, levels, lab, 256);
        }
        BlackPointCompensation compensation = BlackPointCompensation.toBlackInk(grey, stock, intent, bpc);
        double[] l = new double[256];
        for (int g = 0; g < 256; g++) {
            // Neutral by definition: a grey level has no hue of its own, whatever a profile's rounding says.
            l[g] = compensation.apply(new Lab(lab[3 * g], 0, 0)).lightness();
        }
        return l;
    }

    /** L* of K 0..255 alone on the stock, relative colorimetric, made non-increasing. */
    public static double[] blackInkRamp(ColorProfile stock) {
        byte[] cmyk = new byte[256 * 4];
        for (int k = 0; k < 256; k++) {
            cmyk[4 * k + 3] = (byte) k;
        }
        double[] lab = new double[256 * 3];
        try (ColorProfile labProfile = ColorProfile.lab();
             ColorTransform toLab = ColorTransform.create(stock, PixelFormat.CMYK_8, labProfile,
                     PixelFormat.LAB_DOUBLE, RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            convert(toLab, cmyk, lab, 256);
        }
        double[] ramp = new double[256];
        for (int k = 0; k < 256; k++) {
            ramp[k] = k == 0 ? lab[0] : Math.min(ramp[k - 1], lab[3 * k]);
        }
        return ramp;
    }

    private static int nearest(double[] ramp, double lightness) {
        if (lightness >= ramp[0]) {
            return 0;
        }
        if (lightness <= ramp[255]) {
            return 255;
        }
        int lo = 0;
        int hi = 255;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (ramp[mid] >= lightness) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return ramp[lo] - lightness <= lightness - ramp[hi] ? lo : hi;
    }

    private static void convert(ColorTransform toLab, byte[] in, double[] out, int n) {
        ByteBuffer lab = ByteBuffer.allocate(n * 24).order(ByteOrder.nativeOrder());
        toLab.convert(ByteBuffer.wrap(in), lab, n);
        lab.asDoubleBuffer().get(out, 0, n * 3);
    }
}
