package dev.platen.color;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.platen.color.Lcms.CONTEXT;
import static dev.platen.color.Lcms.LIB;

/**
 * Test fixture: a synthetic CMYK press profile written with lcms's own pipeline API, so that tests need
 * neither {@code /work/shared} nor a profile from the internet, and so that the pipeline binding is proven on
 * a real, saved and re-read ICC v4 profile. It stands in for {@code icc-profiles/platen-coated-v1.icc} until
 * that profile is on this branch.
 *
 * <p>The press is a simple subtractive model, not a measured one: four inks are Beer-Lambert filters in three
 * bands (linear sRGB primaries, D50-adapted), each with a 50 % mid-tone dot gain, printed on a slightly warm
 * paper, with a little surface reflection. The separation (BToA) inverts the model exactly in density space with a light GCR: K fades in
 * (smoothstep) once the grey component passes 30 % and reaches 100 % on the darkest neutrals, where C, M and Y are also at
 * 100 %, so the darkest colours run at 400 % total area coverage, which is what makes ink limiting measurable.
 * Out-of-gamut colours are clipped in ink space.
 */
final class SyntheticPressProfile {

    static final String DESCRIPTION = "Platen synthetic press (test fixture)";

    /** Paper reflectance per band (linear R, G, B). */
    static final double[] PAPER = {0.91, 0.90, 0.84};

    /** Transmittance (double pass) of a solid of each ink per band: rows C, M, Y, K; columns R, G, B. */
    static final double[][] SOLID = {
            {0.06, 0.50, 0.85},
            {0.72, 0.07, 0.42},
            {0.93, 0.84, 0.06},
            {0.025, 0.025, 0.028},
    };

    /**
     * Light reflected by the ink surface before it is filtered: it caps how dark a print gets (400 % ends
     * near L* 9 instead of L* 0), which is why rich blacks need all four inks.
     */
    static final double SURFACE = 0.01;

    /** Mid-tone dot gain: effective coverage e = a (1 + G (1 - a)), so 50 % prints as 62.5 %. */
    static final double DOT_GAIN = 0.5;

    /** ICC sRGB primaries adapted to D50 (rows X, Y, Z); the columns sum to the D50 white. */
    private static final double[][] RGB_TO_XYZ = {
            {0.4360747, 0.3850649, 0.1430804},
            {0.2225045, 0.7168786, 0.0606169},
            {0.0139322, 0.0971045, 0.7141733},
    };
    private static final double[][] XYZ_TO_RGB = invert(RGB_TO_XYZ);
    private static final double[] D50 = {0.9642, 1.0, 0.8249};
    private static final double[] PAPER_XYZ = multiply(RGB_TO_XYZ, PAPER);

    private static byte[] bytes;

    private SyntheticPressProfile() {
    }

    /** The profile as ICC bytes; built once per JVM (about a second of lcms sampling). */
    static synchronized byte[] bytes() {
        if (bytes == null) {
            bytes = build();
        }
        return bytes.clone();
    }

    static ColorProfile open() {
        try {
            return ColorProfile.fromBytes(bytes());
        } catch (InvalidProfile e) {
            throw new AssertionError("the synthetic press profile must be valid", e);
        }
    }

    static Path writeTo(Path directory) {
        try {
            return Files.write(directory.resolve("synthetic-press.icc"), bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the press model

    /** Absolute XYZ (D50, Y of a perfect white = 1) of a CMYK tint, each coverage 0..1. */
    static double[] printXyz(double c, double m, double y, double k) {
        double[] coverage = {c, m, y, k};
        double[] rgb = new double[3];
        for (int band = 0; band < 3; band++) {
            double transmitted = 1;
            for (int ink = 0; ink < 4; ink++) {
                transmitted *= Math.pow(SOLID[ink][band], dotGain(coverage[ink]));
            }
            rgb[band] = PAPER[band] * (SURFACE + (1 - SURFACE) * transmitted);
        }
        return multiply(RGB_TO_XYZ, rgb);
    }

    /** Lab relative to the paper (ICC media-relative colorimetry) of a CMYK tint. */
    static double[] printLab(double c, double m, double y, double k) {
        double[] xyz = printXyz(c, m, y, k);
        double[] relative = new double[3];
        for (int i = 0; i < 3; i++) {
            relative[i] = xyz[i] / PAPER_XYZ[i] * D50[i];
        }
        return xyzToLab(relative);
    }

    /** CMYK coverages 0..1 for a media-relative Lab colour: exact inverse in density space, clipped. */
    static double[] separate(double lightness, double a, double b) {
        double[] relative = labToXyz(lightness, a, b);
        double[] absolute = new double[3];
        for (int i = 0; i < 3; i++) {
            absolute[i] = relative[i] / D50[i] * PAPER_XYZ[i];
        }
        double[] rgb = multiply(XYZ_TO_RGB, absolute);
        double[] density = new double[3];
        for (int band = 0; band < 3; band++) {
            double t = Math.min(1, Math.max(1e-6, (rgb[band] / PAPER[band] - SURFACE) / (1 - SURFACE)));
            density[band] = -Math.log(t);
        }
        double[][] inkDensity = new double[3][3];   // rows bands, columns C, M, Y
        for (int band = 0; band < 3; band++) {
            for (int ink = 0; ink < 3; ink++) {
                inkDensity[band][ink] = -Math.log(SOLID[ink][band]);
            }
        }
        double[][] solve = invert(inkDensity);
        double[] cmyOnly = multiply(solve, density);
        double grey = Math.min(cmyOnly[0], Math.min(cmyOnly[1], cmyOnly[2]));
        double start = clamp01((grey - 0.3) / 0.7);
        double kEffective = start * start * (3 - 2 * start);   // smoothstep: K fades in without a kink
        double[] rest = new double[3];
        for (int band = 0; band < 3; band++) {
            rest[band] = density[band] - kEffective * -Math.log(SOLID[3][band]);
        }
        double[] cmy = multiply(solve, rest);
        return new double[] {
                undoDotGain(clamp01(cmy[0])), undoDotGain(clamp01(cmy[1])), undoDotGain(clamp01(cmy[2])),
                undoDotGain(kEffective)};
    }

    static double dotGain(double a) {
        return a * (1 + DOT_GAIN * (1 - a));
    }

    static double undoDotGain(double e) {
        double g = DOT_GAIN;
        return ((1 + g) - Math.sqrt((1 + g) * (1 + g) - 4 * g * e)) / (2 * g);
    }

    // ---------------------------------------------------------------- writing the profile with lcms

    private static byte[] build() {
        Pointer profile = Lcms.require(LIB.cmsCreateProfilePlaceholder(CONTEXT), "placeholder");
        try {
            // v4: AToB/BToA are written as lutAtoBType/lutBtoAType, whose 16-bit Lab is the v4 encoding used below.
            LIB.cmsSetProfileVersion(profile, 4.3);
            LIB.cmsSetDeviceClass(profile, LittleCms.SIG_OUTPUT_CLASS);
            LIB.cmsSetColorSpace(profile, LittleCms.SIG_CMYK_DATA);
            LIB.cmsSetPCS(profile, LittleCms.SIG_LAB_DATA);
            LIB.cmsSetHeaderRenderingIntent(profile, RenderingIntent.PERCEPTUAL.code());
            writeText(profile, LittleCms.SIG_PROFILE_DESCRIPTION_TAG, DESCRIPTION);
            writeText(profile, LittleCms.SIG_COPYRIGHT_TAG, "No copyright, use freely");
            try (Memory white = new Memory(3 * Double.BYTES)) {
                white.write(0, PAPER_XYZ, 0, 3);
                check(LIB.cmsWriteTag(profile, LittleCms.SIG_MEDIA_WHITE_POINT_TAG, white), "wtpt");
            }

            Pointer toPcs = pipeline(4, 3, 17, (in, out) -> {
                double[] lab = printLab(in[0] / 65535.0, in[1] / 65535.0, in[2] / 65535.0, in[3] / 65535.0);
                encodeLab(lab, out);
            });
            try {
                for (int tag : new int[] {LittleCms.SIG_A_TO_B0_TAG, LittleCms.SIG_A_TO_B1_TAG,
                        LittleCms.SIG_A_TO_B2_TAG}) {
                    check(LIB.cmsWriteTag(profile, tag, toPcs), "AToB");
                }
            } finally {
                LIB.cmsPipelineFree(toPcs);
            }

            Pointer toDevice = pipeline(3, 4, 33, (in, out) -> {
                double[] cmyk = separate(in[0] * 100.0 / 65535.0, in[1] / 257.0 - 128, in[2] / 257.0 - 128);
                for (int i = 0; i < 4; i++) {
                    out[i] = (int) Math.round(cmyk[i] * 65535);
                }
            });
            try {
                for (int tag : new int[] {LittleCms.SIG_B_TO_A0_TAG, LittleCms.SIG_B_TO_A1_TAG,
                        LittleCms.SIG_B_TO_A2_TAG}) {
                    check(LIB.cmsWriteTag(profile, tag, toDevice), "BToA");
                }
            } finally {
                LIB.cmsPipelineFree(toDevice);
            }
            return save(profile);
        } finally {
            LIB.cmsCloseProfile(profile);
        }
    }

    /** Fills one CLUT node: 16-bit inputs in, 16-bit outputs out. */
    private interface Node {
        void fill(int[] in, int[] out);
    }

    /**
     * A pipeline of identity curves, a CLUT sampled from {@code node} and identity curves: the "A, CLUT, B"
     * shape lcms accepts for lutAtoBType and lutBtoAType (a bare CLUT cannot be written).
     */
    private static Pointer pipeline(int inputs, int outputs, int gridPoints, Node node) {
        Pointer pipeline = Lcms.require(LIB.cmsPipelineAlloc(CONTEXT, inputs, outputs), "pipeline");
        try {
            check(LIB.cmsPipelineInsertStage(pipeline, LittleCms.AT_END, identityCurves(inputs)), "A curves");
            Pointer clut = Lcms.require(LIB.cmsStageAllocCLut16bit(CONTEXT, gridPoints, inputs, outputs, null), "CLUT");
            int[] in = new int[inputs];
            int[] out = new int[outputs];
            // A local strong reference is enough here: lcms calls the sampler only during this call.
            LittleCms.Sampler16 sampler = (inPointer, outPointer, cargo) -> {
                short[] raw = inPointer.getShortArray(0, inputs);
                for (int i = 0; i < inputs; i++) {
                    in[i] = raw[i] & 0xFFFF;
                }
                node.fill(in, out);
                for (int i = 0; i < outputs; i++) {
                    outPointer.setShort(2L * i, (short) Math.max(0, Math.min(65535, out[i])));
                }
                return 1;
            };
            if (!LIB.cmsStageSampleCLut16bit(clut, sampler, null, 0)) {
                LIB.cmsStageFree(clut);
                throw new AssertionError("sampling the CLUT failed: " + Lcms.takeErrors());
            }
            check(LIB.cmsPipelineInsertStage(pipeline, LittleCms.AT_END, clut), "CLUT stage");
            check(LIB.cmsPipelineInsertStage(pipeline, LittleCms.AT_END, identityCurves(outputs)), "B curves");
            return pipeline;
        } catch (RuntimeException | AssertionError e) {
            LIB.cmsPipelineFree(pipeline);
            throw e;
        }
    }

    private static Pointer identityCurves(int channels) {
        Pointer[] curves = new Pointer[channels];
        try {
            for (int i = 0; i < channels; i++) {
                curves[i] = Lcms.require(LIB.cmsBuildGamma(CONTEXT, 1.0), "identity curve");
            }
            return Lcms.require(LIB.cmsStageAllocToneCurves(CONTEXT, channels, curves), "curve stage");
        } finally {
            for (Pointer curve : curves) {
                if (curve != null) {
                    LIB.cmsFreeToneCurve(curve);   // the stage holds copies
                }
            }
        }
    }

    private static void writeText(Pointer profile, int tag, String text) {
        Pointer mlu = Lcms.require(LIB.cmsMLUalloc(CONTEXT, 1), "MLU");
        try {
            check(LIB.cmsMLUsetASCII(mlu, "en", "US", text), "MLU text");
            check(LIB.cmsWriteTag(profile, tag, mlu), "text tag");
        } finally {
            LIB.cmsMLUfree(mlu);
        }
    }

    private static byte[] save(Pointer profile) {
        IntByReference size = new IntByReference();
        check(LIB.cmsSaveProfileToMem(profile, null, size), "profile size");
        try (Memory memory = new Memory(size.getValue())) {
            check(LIB.cmsSaveProfileToMem(profile, memory, size), "saving the profile");
            return memory.getByteArray(0, size.getValue());
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("lcms failed writing " + what + ": " + Lcms.takeErrors());
        }
    }

    /** ICC v4 16-bit Lab: L 0..100 on 0..0xFFFF, a and b -128..127 on 0..0xFFFF (x 257). */
    private static void encodeLab(double[] lab, int[] out) {
        out[0] = (int) Math.round(lab[0] * 655.35);
        out[1] = (int) Math.round((lab[1] + 128) * 257);
        out[2] = (int) Math.round((lab[2] + 128) * 257);
    }

    // ---------------------------------------------------------------- colour maths

    static double[] xyzToLab(double[] xyz) {
        double fx = f(xyz[0] / D50[0]);
        double fy = f(xyz[1] / D50[1]);
        double fz = f(xyz[2] / D50[2]);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    static double[] labToXyz(double lightness, double a, double b) {
        double fy = (lightness + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        return new double[] {fInverse(fx) * D50[0], fInverse(fy) * D50[1], fInverse(fz) * D50[2]};
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }

    private static double fInverse(double t) {
        double delta = 6.0 / 29;
        return t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += m[i][j] * v[j];
            }
        }
        return r;
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] r = new double[3][3];
        r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) / det;
        r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) / det;
        r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) / det;
        r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) / det;
        r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) / det;
        r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) / det;
        r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) / det;
        r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) / det;
        r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) / det;
        return r;
    }
}
