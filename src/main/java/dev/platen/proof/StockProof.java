package dev.platen.proof;

import dev.platen.catalog.Stock;
import dev.platen.color.BlackPointCompensation;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.GamutAlarm;
import dev.platen.color.InkLimit;
import dev.platen.color.Lab;
import dev.platen.color.PixelFormat;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import dev.platen.color.RenderingOptions;
import dev.platen.color.SpatialCielab;
import dev.platen.color.StructuralSimilarity;
import dev.platen.color.TransformCache;
import dev.platen.render.ArtSeparation;
import dev.platen.render.SourceColour;
import dev.platen.render.StockSeparation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The colour work of a proof, all in LittleCMS through {@code dev.platen.color}, on the screen-size art.
 *
 * <p><b>Distinct colours.</b> Every transform here is per colour, so each distinct colour of the screen image is
 * converted once and the pixels are then looked up ({@link Palette}). Graphics have a few hundred colours, a
 * photograph at 2048 px some hundred thousand to a million and a half: this is what makes the stock's exact
 * evaluation ({@code Precision.EXACT}, the print files' own) affordable for a screen proof, so the proof, the colour
 * figures and the ink figure come from the same numbers the press files do. Only the viewing-distance filter and
 * SSIM work per pixel, on plain float arrays.
 *
 * <p><b>Transforms</b> (four and the separation, from the caller's cache).
 * <ul>
 *   <li>The print: the stock's separation exactly as print files get it ({@link StockSeparation}: intent, BPC,
 *       precision, ink limit in one transform; for grey and CMYK art {@link ArtSeparation}), read back to Lab through
 *       the stock's profile, relative colorimetric: what a spectrophotometer reads off the print, relative to its
 *       paper. The report keeps the highest C+M+Y+K.</li>
 *   <li>Proof: that same CMYK, stock -> sRGB absolute colorimetric ("simulate paper colour"): paper white and ink
 *       black show as they print, and the proof shows the print file's own ink, ink limit included, not a second
 *       conversion of the art beside it (an lcms proofing transform art -> stock -> screen, used before, skips the
 *       ink limit and took a third of the proof's time on a photograph).</li>
 *   <li>The art: art -> Lab, relative colorimetric; and the art on screen for the before/after view (for RGB art
 *       lcms's precalculated transform, the same 8-bit samples; see {@code fromPrint}).</li>
 * </ul>
 *
 * <p><b>What the print is held to.</b> Not the art's own Lab: the art's Lab after the black point compensation the
 * stock's intent applies ({@link BlackPointCompensation}, lcms's own scaling to the medium's black). BPC lifts the
 * shadows on purpose, so that black prints as the stock's deepest black and the shadows keep their steps; a viewer
 * adapted to the print sees that as black, not as a shift. Held to the unscaled art, black text would be "out of
 * gamut" on every stock: lcms's {@code cmsFLAGS_GAMUTCHECK}, used before, works that way (relative colorimetric
 * without BPC), and a plain greyscale file scored 22 % out of gamut on coated stock with its black painted magenta.
 *
 * <p><b>What a viewer notices.</b> Target and print are compared as a viewer sees them, with the filters of S-CIELAB
 * ({@link SpatialCielab}) at the normal viewing distance (the print's diagonal), then CIEDE2000 pixel by pixel. The
 * eye resolves colour far more coarsely than lightness, so a scattered 2 % of saturated pixels the stock cannot
 * reach (the glints on a photo's flowers) is averaged with its surroundings and hardly counts, while a large flat
 * brand colour that shifts keeps its full difference over its full area. Why this and not counting pixels or
 * weighting connected regions by their area: the blur weighs area and distance the way the eye does, with a
 * published model's constants and no size threshold or segmentation of photographs of our own. The filters run on
 * CIELAB's L*, a*, b* rather than S-CIELAB's opponent channels of XYZ: on a dark line beside a bright area the XYZ
 * version gives the line the area's chroma at the line's own low lightness, which the cube roots of CIELAB then
 * magnify (a navy plank gap in a photograph whose print is ΔE2000 8 off read 25); a* and b* are opponent channels
 * themselves. The map is computed at no more than {@value #MAP_LONG_EDGE} px on the long edge, area-averaged in XYZ
 * (linear in light, so no colour is invented): at the viewing distance that is about 23 samples per degree, several
 * to the narrowest chromatic filter.
 *
 * <p><b>Out of gamut</b> is where that difference exceeds {@value #OUT_OF_GAMUT_DELTA_E}: where the stock prints a
 * different colour, not the same colour a little duller. Why so far: on the labelled photographs (ColourReportRun,
 * on coated, uncoated, cotton and mug stocks) the saturated greens and blues no CMYK stock reaches print 3 to 9
 * ΔE2000 duller over large areas, and a print shop passes them; flat sRGB primaries and neon colours miss by 14 to
 * 18. 10 sits between with room on both sides, and is where colour-difference scales stop calling two colours "the
 * same at a glance". The same limit serves perceptual stocks: held to the same target, perceptual moves colours the
 * stock can print by at most ΔE2000 2.4 on the catalogue's stocks and 3.6 on the FOGRA/GRACoL reference profiles
 * (ColourReportRun --perceptual), far inside 10. (A newsprint perceptual table, IFRA26S, moves them by up to 12: its
 * tone curve is not BPC's straight line; set such a stock relative colorimetric + BPC.)
 *
 * <p><b>Quality floor.</b> SSIM ({@link StructuralSimilarity}) of the print's L* against the target's L* (black
 * point compensated, as above: against the raw art the luminance term alone puts every solid black near 0), at the
 * proof's working size (at most 2048 px on the long edge) rather than the art's full size: the separation is per
 * pixel, so what it does to tones and shadows shows at this size as at any other, at a fraction of the cost.
 *
 * <p>Cost, measured on a 2048 x 2048 screen image of a 16 MP photograph with grain (1.44 million colours) on cotton,
 * transforms cached, one core for lcms: the separation 0.4 s, the print to the screen 0.4 s (the proofing transform
 * used before took 0.8 s), art to screen and to Lab and print to Lab 0.2 s each, the viewing-distance map 0.4 s,
 * SSIM 0.03 s; the whole run 1.9-2.1 s against 2.4-2.5 s before (2026-12-05). Since 2026-12-06 the colours are
 * numbered in the order they first occur ({@link Palette}) and RGB art reaches the screen through a precalculated
 * transform ({@code fromPrint}): the whole proof sheet of a 4224 x 3168 photograph on cotton (screen image, this run,
 * mock-up and before/after), warm, 1.50-1.55 s before, 0.99-1.06 s after, the same figures.
 */
final class StockProof {

    /** Magenta: rare in art and loud on every stock's palette, so marked areas cannot be mistaken for the picture. */
    static final GamutAlarm ALARM = GamutAlarm.MAGENTA;

    /** Long edge of the viewer-weighted difference map. */
    static final int MAP_LONG_EDGE = 1024;

    /**
     * ΔE2000 (S-CIELAB, target against print) past which the print is a different colour rather than the same colour
     * a little duller; see the class comment.
     */
    static final double OUT_OF_GAMUT_DELTA_E = 10.0;

    private StockProof() {
    }

    /** What one proof computed: screen images as packed 0xRRGGBB, and the report without the caller's DPI. */
    record Result(int[] proof, int[] gamutView, int[] artOnScreen, ColourReport report) {
    }

    /**
     * @param cache where the five transforms come from; the engine's shared cache makes the next proof of the same
     *              art profile on the same stock skip the builds (a few hundred milliseconds in all)
     */
    static Result run(ScreenImage art, ColorProfile artProfile, Stock stock, TransformCache cache) {
        return run(art, Palette.of(art.rgb(), 0xFFFFFF), artProfile, stock, cache);
    }

    /** {@link #run(ScreenImage, ColorProfile, Stock, TransformCache)} with the art's colours found. */
    static Result run(ScreenImage art, Palette palette, ColorProfile artProfile, Stock stock, TransformCache cache) {
        int n = palette.size();
        byte[] rgb = palette.samples(3);
        try (ColorProfile press = stock.openProfile();
             StockSeparation separation = StockSeparation.of(artProfile, press, stock, cache)) {
            byte[] cmyk = new byte[n * 4];
            separation.convert(rgb, n, cmyk);
            Colours colours = fromPrint(rgb, artProfile, PixelFormat.RGB_8, cmyk, n, press, cache);
            BlackPointCompensation bpc = BlackPointCompensation.of(artProfile, press, stock.intent(),
                    stock.blackPointCompensation());
            return measure(art.width(), art.height(), palette.index(), colours, bpc, new boolean[n], press);
        }
    }

    /**
     * The proof of grey or CMYK art from its true colours: the screen image holds the art's own samples (packed
     * grey levels or C M Y K), the target is those samples through the art's profile (or the assumed CMYK profile)
     * to Lab, and the print is exactly the print file's separation ({@link ArtSeparation}: black-preserving
     * CMYK-to-CMYK, pass-through or grey as K, with the ink limit) read back through the stock's profile. The proof
     * and gamut view show that print on the stock (stock to screen, absolute colorimetric: paper simulated), the
     * before/after the art through its own profile to sRGB. Grey printed as black ink is held to its lightness
     * compensated to the stock's black ink ({@link BlackPointCompensation#toBlackInk}), the black it is asked to
     * reach.
     */
    static Result run(ScreenImage art, SourceColour source, Stock stock, TransformCache cache) {
        if (source.samples() == SourceColour.Samples.RGB) {
            return run(art, source.profile(), stock, cache);
        }
        return run(art, Palette.of(art.rgb(), source.samples().channels() == 4 ? -1 : 0xFF), source, stock, cache);
    }

    /** {@link #run(ScreenImage, SourceColour, Stock, TransformCache)} of grey or CMYK art with its colours found. */
    static Result run(ScreenImage art, Palette palette, SourceColour source, Stock stock, TransformCache cache) {
        int channels = source.samples().channels();
        int n = palette.size();
        byte[] samples = palette.samples(channels);
        try (ColorProfile press = stock.openProfile();
             ArtSeparation separation = ArtSeparation.of(source, press, stock, cache)) {
            byte[] cmyk = new byte[n * 4];
            separation.convert(samples, n, cmyk);
            Colours colours = fromPrint(source.forLcms(samples, n), source.profile(), source.lcmsFormat(), cmyk, n,
                    press, cache);
            BlackPointCompensation bpc = source.route() == SourceColour.Route.GREY_AS_K
                    ? BlackPointCompensation.toBlackInk(source.profile(), press, stock.intent(),
                    stock.blackPointCompensation())
                    : BlackPointCompensation.of(source.profile(), press, stock.intent(), stock.blackPointCompensation());
            // lcms's K-only intent maps black ink alone to the black ink of the same lightness (measured: uncoated
            // K 100 % at L* 32.9 prints as coated K 88 % at L* 32.9), not to the black point compensated lightness:
            // for those colours the art's own lightness is the target.
            boolean[] asIs = new boolean[n];
            if (source.route() == SourceColour.Route.BLACK_PRESERVED) {
                for (int i = 0; i < n; i++) {
                    asIs[i] = samples[4 * i] == 0 && samples[4 * i + 1] == 0 && samples[4 * i + 2] == 0;
                }
            }
            return measure(art.width(), art.height(), palette.index(), colours, bpc, asIs, press);
        }
    }

    /**
     * The proof when the caller already has both pictures pixel by pixel, at the size to measure: the reference
     * (what the stock is asked to print) as samples in {@code referenceFormat} under {@code referenceProfile}, and
     * the print as 8-bit CMYK in the stock's condition, one pixel for each reference pixel. For art Platen does not
     * separate through {@link ArtSeparation} (a PDF whose colours were converted in place). Distinct (reference,
     * print) pairs are converted once. The target is black point compensated as the stock's intent does.
     */
    static Result ofPrint(int width, int height, byte[] reference, ColorProfile referenceProfile,
                          PixelFormat referenceFormat, byte[] printCmyk, Stock stock, TransformCache cache) {
        return ofPrint(width, height, reference, referenceProfile, referenceFormat, printCmyk, stock, cache, false);
    }

    /**
     * @param referenceIsTarget the reference is already what each colour is held to, compensated by whoever made
     *                          it (a PDF's colours come from several profiles, each with its own black point); no
     *                          black point compensation is applied here
     */
    static Result ofPrint(int width, int height, byte[] reference, ColorProfile referenceProfile,
                          PixelFormat referenceFormat, byte[] printCmyk, Stock stock, TransformCache cache,
                          boolean referenceIsTarget) {
        int pixels = width * height;
        int bytes = referenceFormat.bytesPerPixel();
        if (referenceFormat.bytesPerSample() != 1 || referenceFormat.hasAlpha() || bytes > 4) {
            throw new IllegalArgumentException("the reference must be 8-bit grey, RGB or CMYK, not " + referenceFormat);
        }
        if (reference.length < pixels * bytes || printCmyk.length < pixels * 4) {
            throw new IllegalArgumentException("reference and print must hold " + width + " x " + height + " pixels");
        }
        long[] pairs = new long[pixels];
        for (int p = 0; p < pixels; p++) {
            long ref = 0;
            for (int b = 0; b < bytes; b++) {
                ref = ref << 8 | (reference[p * bytes + b] & 0xFF);
            }
            long print = (long) (printCmyk[4 * p] & 0xFF) << 24 | (printCmyk[4 * p + 1] & 0xFF) << 16
                    | (printCmyk[4 * p + 2] & 0xFF) << 8 | (printCmyk[4 * p + 3] & 0xFF);
            pairs[p] = ref << 32 | print;
        }
        Palette palette = Palette.of(pairs);
        long[] distinct = palette.colours();
        int n = palette.size();
        byte[] refSamples = new byte[n * bytes];
        byte[] cmyk = new byte[n * 4];
        for (int i = 0; i < n; i++) {
            long ref = distinct[i] >>> 32;
            for (int b = 0; b < bytes; b++) {
                refSamples[i * bytes + b] = (byte) (ref >>> (8 * (bytes - 1 - b)));
            }
            for (int c = 0; c < 4; c++) {
                cmyk[4 * i + c] = (byte) (distinct[i] >>> (8 * (3 - c)));
            }
        }
        int[] index = palette.index();
        try (ColorProfile press = stock.openProfile()) {
            Colours colours = fromPrint(refSamples, referenceProfile, referenceFormat, cmyk, n, press, cache);
            BlackPointCompensation bpc = referenceIsTarget ? BlackPointCompensation.none()
                    : BlackPointCompensation.of(referenceProfile, press, stock.intent(),
                    stock.blackPointCompensation());
            // Black ink alone kept as black ink alone (a black-preserving conversion) is held to its own lightness,
            // as in run(): that is what black preservation asks of it.
            boolean[] asIs = new boolean[n];
            if (referenceFormat == PixelFormat.CMYK_8) {
                for (int i = 0; i < n; i++) {
                    asIs[i] = refSamples[4 * i] == 0 && refSamples[4 * i + 1] == 0 && refSamples[4 * i + 2] == 0
                            && cmyk[4 * i] == 0 && cmyk[4 * i + 1] == 0 && cmyk[4 * i + 2] == 0;
                }
            }
            return measure(width, height, index, colours, bpc, asIs, press);
        }
    }

    /** Per distinct colour: proof and art on screen (sRGB), art and print as Lab, the print's CMYK. */
    private record Colours(byte[] proofRgb, byte[] screenRgb, float[] artLab, byte[] cmyk, float[] printLab) {
    }

    private static Colours fromPrint(byte[] art, ColorProfile artProfile, PixelFormat artFormat, byte[] cmyk, int n,
                                     ColorProfile press, TransformCache cache) {
        byte[] proofRgb = new byte[n * 3];
        byte[] screenRgb = new byte[n * 3];
        float[] artLab = new float[n * 3];
        float[] printLab = new float[n * 3];
        try (ColorProfile srgb = ColorProfile.srgb();
             ColorProfile lab = ColorProfile.lab();
             ColorTransform proof = cache.transform(press, PixelFormat.CMYK_8, srgb, PixelFormat.RGB_8,
                     RenderingIntent.ABSOLUTE_COLORIMETRIC, false);
             // RGB art on screen (the "before" half, no figure) through lcms's precalculated transform: sRGB art
             // comes out as every one of its 16.7 million 8-bit colours went in, as exact evaluation gives it; Adobe
             // RGB, ROMM and e-sRGB within one count (1 % of samples), for a thirtieth of the time (148 ms per
             // million colours exact, 5 ms). Grey and CMYK art, whose tables a precalculation resamples, stay exact.
             ColorTransform artScreen = cache.transform(artProfile, artFormat, srgb, PixelFormat.RGB_8,
                     RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, true).withPrecision(
                             artFormat == PixelFormat.RGB_8 ? Precision.PRECALCULATED : Precision.EXACT));
             ColorTransform artToLab = cache.transform(artProfile, artFormat, lab, PixelFormat.LAB_FLOAT,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false);
             ColorTransform printToLab = cache.transform(press, PixelFormat.CMYK_8, lab, PixelFormat.LAB_FLOAT,
                     RenderingIntent.RELATIVE_COLORIMETRIC, false)) {
            proof.convert(cmyk, proofRgb, n);
            artScreen.convert(art, screenRgb, n);
            toLab(artToLab, art, artLab, n);
            toLab(printToLab, cmyk, printLab, n);
        }
        return new Colours(proofRgb, screenRgb, artLab, cmyk, printLab);
    }

    /** @param asIs per colour: held to the art's own colour, without the black point compensation */
    private static Result measure(int width, int height, int[] index, Colours colours, BlackPointCompensation bpc,
                                  boolean[] asIs, ColorProfile press) {
        int n = colours.cmyk().length / 4;
        float[] artLab = colours.artLab();
        float[] printLab = colours.printLab();
        byte[] cmyk = colours.cmyk();
        // Per colour: the target (art, black point compensated) and the print, as XYZ for the eye model (side by
        // side, six floats a colour: the map gathers both from one place) and L* for the quality floor.
        float[] xyz = new float[n * 6];
        float[] targetL = new float[n];
        float[] printL = new float[n];
        double maxInk = 0;
        for (int i = 0; i < n; i++) {
            float[] t = new Lab(artLab[3 * i], artLab[3 * i + 1], artLab[3 * i + 2]).toXyz();
            if (!asIs[i]) {
                bpc.apply(t, 0);
            }
            System.arraycopy(t, 0, xyz, 6 * i, 3);
            targetL[i] = (float) Lab.fromXyz(t[0], t[1], t[2]).lightness();
            float[] p = new Lab(printLab[3 * i], printLab[3 * i + 1], printLab[3 * i + 2]).toXyz();
            System.arraycopy(p, 0, xyz, 6 * i + 3, 3);
            printL[i] = printLab[3 * i];
            maxInk = Math.max(maxInk, InkLimit.coverageOf8Bit(cmyk[4 * i] & 0xFF, cmyk[4 * i + 1] & 0xFF,
                    cmyk[4 * i + 2] & 0xFF, cmyk[4 * i + 3] & 0xFF));
        }
        ViewedDifference seen = ViewedDifference.of(index, width, height, xyz);
        double ssim = ssim(index, width, height, targetL, printL);

        // The gamut view paints exactly what the share counts.
        int pixels = index.length;
        int[] proofOf = packed(colours.proofRgb(), n);
        int[] artOf = packed(colours.screenRgb(), n);
        int alarm = ALARM.red() << 16 | ALARM.green() << 8 | ALARM.blue();
        int[] proofPixels = new int[pixels];
        int[] gamutPixels = new int[pixels];
        int[] artPixels = new int[pixels];
        long outside = 0;
        int factor = seen.factor();
        for (int y = 0; y < height; y++) {
            int mapRow = (y / factor) * seen.mapWidth();
            for (int x0 = 0, m = mapRow; x0 < width; x0 += factor, m++) {
                // One map pixel covers these screen pixels: they are all inside the gamut or all outside.
                boolean out = seen.deltaE()[m] > OUT_OF_GAMUT_DELTA_E;
                int end = y * width + Math.min(width, x0 + factor);
                for (int p = y * width + x0; p < end; p++) {
                    int i = index[p];
                    proofPixels[p] = proofOf[i];
                    artPixels[p] = artOf[i];
                    gamutPixels[p] = out ? alarm : proofOf[i];
                }
                if (out) {
                    outside += end - (y * width + x0);
                }
            }
        }
        ColourReport report = new ColourReport(seen.mean(), seen.percentile95(),
                (double) outside / pixels, maxInk, ssim, paperWhite(press), width, height, null);
        return new Result(proofPixels, gamutPixels, artPixels, report);
    }

    private static double ssim(int[] index, int width, int height, float[] targetL, float[] printL) {
        float[] target = new float[index.length];
        float[] print = new float[index.length];
        for (int p = 0; p < index.length; p++) {
            target[p] = targetL[index[p]];
            print[p] = printL[index[p]];
        }
        return StructuralSimilarity.ofLightness(target, print, width, height);
    }

    /**
     * The S-CIELAB difference between target and print over the picture, on a map of at most
     * {@link #MAP_LONG_EDGE} px: each map pixel is a block of {@code factor} x {@code factor} screen pixels (fewer at
     * the right and bottom edges), and counts with the number of screen pixels it covers.
     */
    record ViewedDifference(float[] deltaE, int[] weight, int mapWidth, int factor, long total) {

        /**
         * @param xyz per colour of {@code index}: the target's X, Y, Z, then the print's
         */
        static ViewedDifference of(int[] index, int width, int height, float[] xyz) {
            int factor = Math.max(1, (Math.max(width, height) + MAP_LONG_EDGE - 1) / MAP_LONG_EDGE);
            int mw = (width + factor - 1) / factor;
            int mh = (height + factor - 1) / factor;
            float[] target = new float[mw * mh * 3];
            float[] print = new float[mw * mh * 3];
            int[] weight = new int[mw * mh];
            for (int y = 0; y < height; y++) {
                int row = (y / factor) * mw;
                for (int x0 = 0, m = row; x0 < width; x0 += factor, m++) {
                    // The block's sums are carried in locals across its pixels of this row and stored after: the
                    // same additions in the same order as adding each pixel into the arrays.
                    float tx = target[3 * m];
                    float ty = target[3 * m + 1];
                    float tz = target[3 * m + 2];
                    float px = print[3 * m];
                    float py = print[3 * m + 1];
                    float pz = print[3 * m + 2];
                    int end = y * width + Math.min(width, x0 + factor);
                    for (int p = y * width + x0; p < end; p++) {
                        int i = 6 * index[p];
                        tx += xyz[i];
                        ty += xyz[i + 1];
                        tz += xyz[i + 2];
                        px += xyz[i + 3];
                        py += xyz[i + 4];
                        pz += xyz[i + 5];
                    }
                    target[3 * m] = tx;
                    target[3 * m + 1] = ty;
                    target[3 * m + 2] = tz;
                    print[3 * m] = px;
                    print[3 * m + 1] = py;
                    print[3 * m + 2] = pz;
                    weight[m] += end - (y * width + x0);
                }
            }
            for (int m = 0; m < weight.length; m++) {
                toLab(target, m, weight[m]);
                toLab(print, m, weight[m]);
            }
            float[] deltaE = SpatialCielab.deltaE2000(target, print, mw, mh, SpatialCielab.samplesPerDegree(mw, mh));
            return new ViewedDifference(deltaE, weight, mw, factor, (long) width * height);
        }

        /** The block's mean XYZ, replaced by its CIELAB. */
        private static void toLab(float[] sums, int m, int count) {
            Lab lab = Lab.fromXyz(sums[3 * m] / count, sums[3 * m + 1] / count, sums[3 * m + 2] / count);
            sums[3 * m] = (float) lab.lightness();
            sums[3 * m + 1] = (float) lab.a();
            sums[3 * m + 2] = (float) lab.b();
        }

        double mean() {
            double sum = 0;
            for (int m = 0; m < deltaE.length; m++) {
                sum += (double) deltaE[m] * weight[m];
            }
            return sum / total;
        }

        double percentile95() {
            return StockProof.percentile95(deltaE, weight, total);
        }
    }

    /**
     * The stock's paper as a spectrophotometer reads it: no ink (CMYK 0 0 0 0) through the stock profile,
     * absolute colorimetric, D50.
     */
    static Lab paperWhite(ColorProfile press) {
        try (ColorProfile lab = ColorProfile.lab();
             ColorTransform toLab = ColorTransform.create(press, PixelFormat.CMYK_8, lab, PixelFormat.LAB_FLOAT,
                     RenderingIntent.ABSOLUTE_COLORIMETRIC, false)) {
            float[] out = new float[3];
            toLab(toLab, new byte[4], out, 1);
            return new Lab(out[0], out[1], out[2]);
        }
    }

    private static void toLab(ColorTransform transform, byte[] in, float[] out, int n) {
        int outBytes = transform.outputFormat().bytesPerPixel();
        ByteBuffer labBytes = ByteBuffer.allocate(n * outBytes).order(ByteOrder.nativeOrder());
        transform.convert(ByteBuffer.wrap(in), labBytes, n);
        FloatBuffer floats = labBytes.asFloatBuffer();
        floats.get(out, 0, n * 3);
    }

    /** {@code n} colours of 8-bit R, G, B as packed 0xRRGGBB. */
    private static int[] packed(byte[] rgb, int n) {
        int[] packed = new int[n];
        for (int i = 0; i < n; i++) {
            packed[i] = (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
        }
        return packed;
    }

    /**
     * The pixel-weighted 95th percentile (nearest rank): 95 % of the pixels differ by this much or less. Ordered by
     * value, ties by index, the first value at which the pixels counted so far reach 95 % of {@code total}.
     *
     * <p>Not by sorting all values: they are first counted into {@value #BUCKET_BITS}-bit buckets of their bit
     * patterns (non-negative floats order like their bit patterns), and only the bucket the rank falls in is sorted,
     * values and index packed into longs. The same value as sorting the whole million of a map, at a fraction of the
     * cost.
     */
    static double percentile95(float[] values, int[] counts, long total) {
        long rank = (long) Math.ceil(0.95 * total);
        int buckets = 1 << BUCKET_BITS;
        long[] weight = new long[buckets];
        int[] members = new int[buckets];
        for (int i = 0; i < values.length; i++) {
            int bucket = orderKey(values[i]) >>> (31 - BUCKET_BITS);
            weight[bucket] += counts[i];
            members[bucket]++;
        }
        long seen = 0;
        int bucket = 0;
        while (bucket < buckets && (members[bucket] == 0 || seen + weight[bucket] < rank)) {
            seen += weight[bucket];
            bucket++;
        }
        if (bucket == buckets) {
            // The counts never reach the rank: the last value in the order.
            long last = Long.MIN_VALUE;
            for (int i = 0; i < values.length; i++) {
                last = Math.max(last, (long) orderKey(values[i]) << 32 | i);
            }
            return values[(int) last];
        }
        long[] order = new long[members[bucket]];
        for (int i = 0, k = 0; i < values.length; i++) {
            int key = orderKey(values[i]);
            if (key >>> (31 - BUCKET_BITS) == bucket) {
                order[k++] = (long) key << 32 | i;
            }
        }
        Arrays.sort(order);
        for (long packed : order) {
            int i = (int) packed;
            seen += counts[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        throw new IllegalStateException("the bucket's counts reach the rank");
    }

    private static final int BUCKET_BITS = 16;

    /** Where a value goes in the order: its bit pattern, negatives as 0 (non-negative, so it fits 31 bits). */
    private static int orderKey(float value) {
        return Float.floatToIntBits(Math.max(0f, value));
    }

    /**
     * The distinct colours of a picture, and each pixel's place among them.
     *
     * <p>Colours of up to 24 bits (RGB, grey) are marked in a bitmap of the whole colour space (2 MiB for RGB): two
     * passes over the pixels, a bit and a pop count each, whatever the number of colours. Wider ones (packed CMYK,
     * the (reference, print) pairs of {@link #ofPrint}) go through an open-addressed table kept under half full.
     * Measured on a 2048 px screen image of a 13 MP photograph (3.1 million pixels, 1.47 million colours): sorting
     * every pixel and a binary search per pixel, as before, 0.55 s; the bitmap 0.02 s; the table 0.12 s.
     *
     * <p>Either way colours are numbered in the order they first occur, so that nearby pixels find their colours'
     * values (XYZ, proof and screen samples, L*) in nearby places. Numbered by rank in the bitmap, as before, a
     * photograph's neighbouring pixels were spread over tables of tens of megabytes, a cache miss a look-up: the
     * proof of a 4224 x 3168 photograph on cotton took 1.50-1.55 s, 1.08-1.10 s in first-occurrence order (the same
     * figures). Nothing else depends on the colours' order: each is converted on its own, and the figures are taken
     * pixel by pixel ({@code StockProofTest} holds the proof to converting every pixel's own colour).
     *
     * @param colours the distinct colours, {@link #size()} of them (the array may be longer)
     * @param index   per pixel, its colour's place in {@code colours}
     */
    record Palette(long[] colours, int size, int[] index) {

        /** @param mask the bits that make a colour: 0xFFFFFF for packed RGB, 0xFF for grey, -1 for packed CMYK */
        static Palette of(int[] pixels, int mask) {
            if ((mask & 0xFF000000) == 0) {
                return ofBitmap(pixels, mask);
            }
            Table table = new Table();
            int[] index = new int[pixels.length];
            for (int p = 0; p < pixels.length; p++) {
                index[p] = table.placeOf(pixels[p] & (mask & 0xFFFFFFFFL));
            }
            return new Palette(table.colours, table.size, index);
        }

        private static Palette ofBitmap(int[] pixels, int mask) {
            long[] present = new long[(mask >>> 6) + 1];
            for (int pixel : pixels) {
                int c = pixel & mask;
                present[c >>> 6] |= 1L << c;
            }
            int[] before = new int[present.length];
            int size = 0;
            for (int w = 0; w < present.length; w++) {
                before[w] = size;
                size += Long.bitCount(present[w]);
            }
            // Numbered in the order the colours first occur, not by their rank in the bitmap: the pixels' colours
            // are then looked up (their XYZ for the viewed difference, their proof and screen samples, their L* for
            // SSIM) from nearby places for nearby pixels, where numbers by rank scattered a photograph's neighbours
            // over tables of tens of megabytes, a cache miss each.
            long[] colours = new long[size];
            int[] numberOfRank = new int[size];
            Arrays.fill(numberOfRank, -1);
            int[] index = new int[pixels.length];
            int next = 0;
            for (int p = 0; p < pixels.length; p++) {
                int c = pixels[p] & mask;
                int rank = before[c >>> 6] + Long.bitCount(present[c >>> 6] & (1L << c) - 1);
                int number = numberOfRank[rank];
                if (number < 0) {
                    number = next++;
                    numberOfRank[rank] = number;
                    colours[number] = c;
                }
                index[p] = number;
            }
            return new Palette(colours, size, index);
        }

        /** Of any 64-bit values, a pixel each. */
        static Palette of(long[] pixels) {
            Table table = new Table();
            int[] index = new int[pixels.length];
            for (int p = 0; p < pixels.length; p++) {
                index[p] = table.placeOf(pixels[p]);
            }
            return new Palette(table.colours, table.size, index);
        }

        /** The colours as 8-bit samples for lcms, {@code channels} a colour from the colour's high byte down. */
        byte[] samples(int channels) {
            byte[] bytes = new byte[size * channels];
            for (int i = 0; i < size; i++) {
                for (int c = 0; c < channels; c++) {
                    bytes[i * channels + c] = (byte) (colours[i] >>> (8 * (channels - 1 - c)));
                }
            }
            return bytes;
        }

        /**
         * Colour to place: each slot holds a place plus one (0 is an empty slot), the colour itself is read from
         * {@code colours}. Four bytes a slot rather than twelve with the keys kept beside the places, and growing
         * needs only the colours.
         */
        private static final class Table {
            private int[] places = new int[1 << 12];
            private int shift = 64 - 12;
            private long[] colours = new long[1 << 10];
            private int size;

            int placeOf(long colour) {
                int mask = places.length - 1;
                int slot = slot(colour);
                int place;
                while ((place = places[slot]) != 0) {
                    if (colours[place - 1] == colour) {
                        return place - 1;
                    }
                    slot = slot + 1 & mask;
                }
                if (size == colours.length) {
                    colours = Arrays.copyOf(colours, 2 * size);
                }
                colours[size] = colour;
                places[slot] = ++size;
                if (2 * size > places.length) {
                    grow();
                }
                return size - 1;
            }

            private int slot(long colour) {
                return (int) (colour * 0x9E3779B97F4A7C15L >>> shift);
            }

            private void grow() {
                places = new int[2 * places.length];
                shift--;
                int mask = places.length - 1;
                for (int i = 0; i < size; i++) {
                    int slot = slot(colours[i]);
                    while (places[slot] != 0) {
                        slot = slot + 1 & mask;
                    }
                    places[slot] = i + 1;
                }
            }
        }
    }
}
