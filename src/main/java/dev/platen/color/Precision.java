package dev.platen.color;

/**
 * How lcms evaluates a transform. lcms normally "optimises" a transform by resampling the whole profile chain
 * into one device-link CLUT and interpolating in it. Measured against {@code transicc} on the synthetic press
 * profile of the tests (sRGB to CMYK, 343 colours, five intent/BPC cases): {@link #EXACT} 0 counts,
 * {@link #PRECALCULATED} up to 33 8-bit counts, {@link #PRECALCULATED_HIGH_RES} up to 9, worst near the
 * gamut boundary where the separation has kinks (ink clipping). Press output therefore defaults to
 * {@link #EXACT}. Caveat: the precalculation also applies lcms's white fix-up (paper white maps to exactly
 * 0 % ink); {@link #EXACT} does not, and gives what the profile says for white (on the synthetic profile,
 * one count of C and Y, as transicc does).
 */
public enum Precision {

    /**
     * {@code cmsFLAGS_NOOPTIMIZE}: every pixel goes through the full pipeline, as {@code transicc} computes it
     * (within half a count). About 2.5 Mpx/s per core for RGB to CMYK; the one-pixel cache helps flat areas.
     */
    EXACT(LittleCms.FLAGS_NOOPTIMIZE),

    /** lcms's default precalculated CLUT: about 15 times faster than {@link #EXACT}; for previews and screens. */
    PRECALCULATED(0),

    /** {@code cmsFLAGS_HIGHRESPRECALC}: a denser precalculated CLUT (49 points for RGB input instead of 33). */
    PRECALCULATED_HIGH_RES(LittleCms.FLAGS_HIGHRESPRECALC);

    final int flags;

    Precision(int flags) {
        this.flags = flags;
    }
}
