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
 *
 * <p>The promise of {@link #EXACT} is within one count of {@code transicc}. RGB art's separation keeps it at the
 * speed of a precalculated grid through a {@link CheckedGrid} (lcms's exact 16-bit values on a grid every 3 levels,
 * each tetrahedron checked against exact evaluation, colours where interpolation is not good enough separated
 * exactly): over all 16,777,216 RGB colours no channel is more than one count from lcms's exact 8-bit output on any
 * stock profile, and none more than 0.88 counts from the exact value before rounding, so within one count of what
 * transicc prints. Its conversion runs at 64 to 74 Mpx/s a core once its exact colours are known (39 to 48 for a
 * new render of a 17 MP photograph, its exact colours included), against 40 for lcms's high-resolution grid
 * and 3.7 for exact lcms; building it costs 3 to 4 s of CPU once per art profile and stock (saved by the engine).
 */
public enum Precision {

    /**
     * {@code cmsFLAGS_NOOPTIMIZE}: every pixel goes through the full pipeline, as {@code transicc} computes it
     * (within half a count). About 2.5 to 3.5 Mpx/s per core for RGB to CMYK with an ink limit; the one-pixel cache
     * helps flat areas. RGB separations go through a {@link CheckedGrid} built from it (see above).
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
