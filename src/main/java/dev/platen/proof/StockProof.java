package dev.platen.proof;

import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorTransform;
import dev.platen.color.GamutAlarm;
import dev.platen.color.InkLimit;
import dev.platen.color.Lab;
import dev.platen.color.PixelFormat;
import dev.platen.color.RenderingIntent;
import dev.platen.color.SoftProof;
import dev.platen.color.TransformCache;
import dev.platen.render.StockSeparation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The colour work of a proof, all in LittleCMS through {@code dev.platen.color}, on the screen-size art.
 *
 * <p><b>Distinct colours.</b> Every transform here is per colour, so each distinct colour of the screen image is
 * converted once and the pixels are then looked up. Graphics have a few hundred colours, a photograph at 2048 px
 * some hundred thousand: this is what makes the stock's exact evaluation ({@code Precision.EXACT}, the print
 * files' own) affordable for a screen proof, so the proof, the gamut check and the ink figure come from the same
 * numbers the press files do.
 *
 * <p><b>Transforms.</b>
 * <ul>
 *   <li>Proof: art -> stock (the stock's intent and BPC) -> sRGB, the stock-to-screen leg absolute colorimetric
 *       ("simulate paper colour"): paper white and ink black show as they print.</li>
 *   <li>Gamut view: the same proof with lcms's gamut check ({@code cmsFLAGS_GAMUTCHECK}), alarm in
 *       {@link #ALARM}. lcms (cmsgmt.c) takes the art colour to Lab, then Lab -> stock -> Lab twice, relative
 *       colorimetric without BPC, and calls it out of gamut when the first round trip misses by more than
 *       ΔE*ab (CIE76) 5 while the second does not, or both miss and their ratio exceeds 5 (its
 *       {@code ERR_THERESHOLD}; 1 for matrix-shaper stocks). The answer is sampled on a grid over the art's space
 *       and interpolated, so the marked region reaches up to one grid cell (a few 8-bit counts) past the true
 *       boundary. We use lcms's check rather than a ΔE2000 threshold of our own because it asks the profile
 *       whether the colour is reproducible, while ΔE between art and proof also counts what the intent does on
 *       purpose (BPC lifts every shadow, perceptual compresses in-gamut colours too) and a threshold that keeps
 *       greys clean would have to be about as large as the errors it is meant to find. Consequence to know: the
 *       round trip has no BPC, so everything darker than the stock's own black (pure black text included) is
 *       marked; on the press BPC prints it as the stock's deepest black.</li>
 *   <li>Colour difference: art -> Lab (art profile, relative colorimetric) against art -> stock -> Lab (the stock's
 *       intent and BPC, then relative colorimetric out of the stock): media-relative, the way the eye sees a print
 *       after adapting to its paper. The paper's own colour is reported beside it ({@link ColourReport#paperWhite}),
 *       rather than mixed into every pixel's ΔE.</li>
 *   <li>Ink: the stock's separation exactly as print files get it ({@link StockSeparation}: intent, BPC, precision,
 *       ink limit in the same transform); the report keeps the highest C+M+Y+K.</li>
 * </ul>
 */
final class StockProof {

    /** Magenta: rare in art and loud on every stock's palette, so marked areas cannot be mistaken for the picture. */
    static final GamutAlarm ALARM = GamutAlarm.MAGENTA;

    private StockProof() {
    }

    /** What one proof computed: screen images as packed 0xRRGGBB, and the report without the caller's DPI. */
    record Result(int[] proof, int[] gamutView, int[] artOnScreen, ColourReport report) {
    }

    /**
     * @param cache where the six transforms come from; the engine's shared cache makes the next proof of the same
     *              art profile on the same stock skip the builds (a few hundred milliseconds in all)
     */
    static Result run(ScreenImage art, ColorProfile artProfile, Stock stock, TransformCache cache) {
        Palette palette = Palette.of(art.rgb());
        int n = palette.colours().length;
        byte[] rgb = palette.packed();
        try (ColorProfile press = stock.openProfile();
             ColorProfile srgb = ColorProfile.srgb();
             ColorProfile lab = ColorProfile.lab()) {
            SoftProof screenProof = new SoftProof(press, stock.intent(), stock.blackPointCompensation(), true, null,
                    stock.precision());
            SoftProof alarmed = new SoftProof(press, stock.intent(), stock.blackPointCompensation(), true, ALARM,
                    stock.precision());
            SoftProof relativeProof = new SoftProof(press, stock.intent(), stock.blackPointCompensation(), false, null,
                    stock.precision());
            byte[] proofRgb = new byte[n * 3];
            byte[] alarmRgb = new byte[n * 3];
            byte[] screenRgb = new byte[n * 3];
            byte[] cmyk = new byte[n * 4];
            float[] artLab = new float[n * 3];
            float[] proofLab = new float[n * 3];
            try (ColorTransform proof = cache.softProof(artProfile, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                    screenProof);
                 ColorTransform gamut = cache.softProof(artProfile, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8, alarmed);
                 ColorTransform artScreen = cache.transform(artProfile, PixelFormat.RGB_8, srgb, PixelFormat.RGB_8,
                         RenderingIntent.RELATIVE_COLORIMETRIC, true);
                 ColorTransform artToLab = cache.transform(artProfile, PixelFormat.RGB_8, lab, PixelFormat.LAB_FLOAT,
                         RenderingIntent.RELATIVE_COLORIMETRIC, false);
                 ColorTransform proofToLab = cache.softProof(artProfile, PixelFormat.RGB_8, lab, PixelFormat.LAB_FLOAT,
                         relativeProof);
                 StockSeparation separation = StockSeparation.of(artProfile, press, stock, cache)) {
                proof.convert(rgb, proofRgb, n);
                gamut.convert(rgb, alarmRgb, n);
                artScreen.convert(rgb, screenRgb, n);
                toLab(artToLab, rgb, artLab, n);
                toLab(proofToLab, rgb, proofLab, n);
                separation.convert(rgb, n, cmyk);
            }

            boolean[] outOfGamut = new boolean[n];
            float[] deltaE = new float[n];
            double maxInk = 0;
            for (int i = 0; i < n; i++) {
                // An alarm is an alarm only where the plain proof is not itself the alarm colour.
                outOfGamut[i] = isAlarm(alarmRgb, i) && !isAlarm(proofRgb, i);
                deltaE[i] = (float) new Lab(artLab[3 * i], artLab[3 * i + 1], artLab[3 * i + 2])
                        .deltaE2000(new Lab(proofLab[3 * i], proofLab[3 * i + 1], proofLab[3 * i + 2]));
                maxInk = Math.max(maxInk, InkLimit.coverageOf8Bit(cmyk[4 * i] & 0xFF, cmyk[4 * i + 1] & 0xFF,
                        cmyk[4 * i + 2] & 0xFF, cmyk[4 * i + 3] & 0xFF));
            }

            int[] pixels = art.rgb();
            int[] proofPixels = new int[pixels.length];
            int[] gamutPixels = new int[pixels.length];
            int[] artPixels = new int[pixels.length];
            long outside = 0;
            for (int p = 0; p < pixels.length; p++) {
                int i = palette.indexOf(pixels[p]);
                proofPixels[p] = packed(proofRgb, i);
                gamutPixels[p] = outOfGamut[i] ? packed(alarmRgb, i) : proofPixels[p];
                artPixels[p] = packed(screenRgb, i);
                if (outOfGamut[i]) {
                    outside++;
                }
            }
            ColourReport report = new ColourReport(mean(deltaE, palette.counts(), pixels.length),
                    percentile95(deltaE, palette.counts(), pixels.length), (double) outside / pixels.length, maxInk,
                    paperWhite(press), art.width(), art.height(), null);
            return new Result(proofPixels, gamutPixels, artPixels, report);
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

    private static boolean isAlarm(byte[] rgb, int i) {
        return (rgb[3 * i] & 0xFF) == ALARM.red() && (rgb[3 * i + 1] & 0xFF) == ALARM.green()
                && (rgb[3 * i + 2] & 0xFF) == ALARM.blue();
    }

    private static int packed(byte[] rgb, int i) {
        return (rgb[3 * i] & 0xFF) << 16 | (rgb[3 * i + 1] & 0xFF) << 8 | (rgb[3 * i + 2] & 0xFF);
    }

    private static double mean(float[] values, int[] counts, long total) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (double) values[i] * counts[i];
        }
        return sum / total;
    }

    /**
     * The pixel-weighted 95th percentile (nearest rank): 95 % of the pixels differ by this much or less. Values
     * and their index are packed into longs and sorted as primitives: a noisy photograph at screen size has over
     * a million distinct colours, and boxing them for a comparator sort cost more than the ΔE itself.
     */
    static double percentile95(float[] values, int[] counts, long total) {
        long[] order = new long[values.length];
        for (int i = 0; i < order.length; i++) {
            // Non-negative floats order like their bit patterns.
            order[i] = (long) Float.floatToIntBits(Math.max(0f, values[i])) << 32 | i;
        }
        Arrays.sort(order);
        long rank = (long) Math.ceil(0.95 * total);
        long seen = 0;
        for (long packed : order) {
            int i = (int) packed;
            seen += counts[i];
            if (seen >= rank) {
                return values[i];
            }
        }
        return values[(int) order[order.length - 1]];
    }

    /** The distinct colours of an image, sorted, with how many pixels have each. */
    record Palette(int[] colours, int[] counts) {

        static Palette of(int[] pixels) {
            int[] sorted = pixels.clone();
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] &= 0xFFFFFF;
            }
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            int[] colours = new int[distinct];
            int[] counts = new int[distinct];
            int k = -1;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    colours[++k] = sorted[i];
                }
                counts[k]++;
            }
            return new Palette(colours, counts);
        }

        int indexOf(int rgb) {
            return Arrays.binarySearch(colours, rgb & 0xFFFFFF);
        }

        /** RGB_8 samples of the colours, in order, for lcms. */
        byte[] packed() {
            byte[] bytes = new byte[colours.length * 3];
            for (int i = 0; i < colours.length; i++) {
                bytes[3 * i] = (byte) (colours[i] >> 16);
                bytes[3 * i + 1] = (byte) (colours[i] >> 8);
                bytes[3 * i + 2] = (byte) colours[i];
            }
            return bytes;
        }
    }
}
