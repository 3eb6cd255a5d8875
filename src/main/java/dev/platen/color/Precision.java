package dev.platen.color;

/**
 * How lcms evaluates a transform. lcms normally "optimises" a transform by resampling the whole profile chain
 * into one device-link CLUT and interpolating in it. Measured on the synthetic press profile of the tests
 * (sRGB to CMYK, 343 colours), that deviates from the exact chain by up to 29 8-bit counts near the gamut
 * boundary and up to 6 counts on in-gamut colours, where the separation has kinks (ink clipping, K start).
 * Press output therefore defaults to {@link #EXACT}.
 */
public enum Precision {

    /**
     * {@code cmsFLAGS_NOOPTIMIZE}: every pixel goes through the full pipeline, as {@code transicc} computes it
     * (within half a count). About 2.5 Mpx/s per core for RGB to CMYK; the one-pixel cache helps flat areas.
     */
    EXACT(LittleCms.FLAGS_NOOPTIMIZE),

    /** lcms's default precalculated CLUT: about 15 times faster than {@link #EXACT}; for previews and screens. */
    PRECALCULATED(0),

    /** {@code cmsFLAGS_HIGHRESPRECALC}: a denser precalculated CLUT; deviations about a third of the default's. */
    PRECALCULATED_HIGH_RES(LittleCms.FLAGS_HIGHRESPRECALC);

    final int flags;

    Precision(int flags) {
        this.flags = flags;
    }
}
