package dev.platen.preflight;

/**
 * Every number the quality checks judge by, as plain doubles so a print shop can tune them (in a DMN table, say).
 * Each check's class comment says what its metric measures and why its default is what it is; {@link #DEFAULTS}
 * holds those defaults. A problem limit of infinity (on the bad side) switches that check's PROBLEM level off.
 *
 * @param softWarningBelow      SOFT_AT_PRINT_SIZE: normalised Laplacian variance below which it is a WARNING (0.35)
 * @param softProblemBelow      ... and a PROBLEM (0.15)
 * @param upscaleWarningAt      SOFT_AT_PRINT_SIZE: edge spread in the art's own pixels ({@link Upscaling}; sharp
 *                              reads 2 or less) from which upscaled art is a WARNING, when the spread leaves less
 *                              detail on paper than the working resolution (2.6)
 * @param upscaleProblemAt      ... and a PROBLEM (2.9)
 * @param blockingWarningAt     JPEG_BLOCKING: boundary / in-block step ratio from which it is a WARNING (1.8);
 *                              judged only on JPEG-coded pixels
 * @param blockingProblemAt     ... and a PROBLEM (2.2)
 * @param fringeWarningAt       ALPHA_FRINGE: fringe share of the visible art from which it is a WARNING (0.02)
 * @param fringeProblemAt       ... and a PROBLEM (0.10)
 * @param haloWarningAt         ALPHA_FRINGE: share of the outline with a light or dark halo from which it is a
 *                              WARNING (0.25)
 * @param haloProblemAt         ... and a PROBLEM (0.50)
 * @param marginWarningAt       EMPTY_MARGINS: empty share of the art from which it is a WARNING (0.25)
 * @param marginProblemAt       ... and a PROBLEM (0.60)
 * @param aspectWarningAt       ASPECT_MISMATCH: empty share of the print area from which it is a WARNING (0.35)
 * @param aspectProblemAt       ... and a PROBLEM (infinity: never)
 * @param wideGamutInfoAt       WIDE_GAMUT_SOURCE: gamut area over sRGB's from which it is INFO (1.2)
 * @param wideGamutWarningAt    ... and a WARNING (1.6)
 * @param workingDpi            resolution on paper the softness check works at (150)
 * @param workingMaxPixels      the largest working copy, in pixels (4,000,000)
 */
public record QualityThresholds(
        double softWarningBelow, double softProblemBelow,
        double upscaleWarningAt, double upscaleProblemAt,
        double blockingWarningAt, double blockingProblemAt,
        double fringeWarningAt, double fringeProblemAt,
        double haloWarningAt, double haloProblemAt,
        double marginWarningAt, double marginProblemAt,
        double aspectWarningAt, double aspectProblemAt,
        double wideGamutInfoAt, double wideGamutWarningAt,
        double workingDpi, double workingMaxPixels) {

    public static final QualityThresholds DEFAULTS = new QualityThresholds(
            SoftnessCheck.DEFAULT_WARNING, SoftnessCheck.DEFAULT_PROBLEM,
            SoftnessCheck.DEFAULT_UPSCALE_WARNING, SoftnessCheck.DEFAULT_UPSCALE_PROBLEM,
            BlockingCheck.DEFAULT_WARNING, BlockingCheck.DEFAULT_PROBLEM,
            AlphaFringeCheck.DEFAULT_WARNING, AlphaFringeCheck.DEFAULT_PROBLEM,
            AlphaFringeCheck.DEFAULT_HALO_WARNING, AlphaFringeCheck.DEFAULT_HALO_PROBLEM,
            MarginCheck.DEFAULT_WARNING, MarginCheck.DEFAULT_PROBLEM,
            AspectCheck.DEFAULT_WARNING, AspectCheck.DEFAULT_PROBLEM,
            ColourSourceCheck.DEFAULT_INFO, ColourSourceCheck.DEFAULT_WARNING,
            WorkingCopy.DEFAULT_DPI, WorkingCopy.DEFAULT_MAX_PIXELS);

    public QualityThresholds {
        if (!(workingDpi > 0) || !(workingMaxPixels >= 9)) {
            throw new IllegalArgumentException("the working copy needs a positive DPI and at least 3 x 3 pixels");
        }
        // fail here, where the numbers are given, rather than when the checks are built (fields are not yet set in
        // a compact constructor, so the parameters are checked)
        Levels.lowerIsWorse(softWarningBelow, softProblemBelow);
        Levels.higherIsWorse(upscaleWarningAt, upscaleProblemAt);
        Levels.higherIsWorse(blockingWarningAt, blockingProblemAt);
        Levels.higherIsWorse(fringeWarningAt, fringeProblemAt);
        Levels.higherIsWorse(haloWarningAt, haloProblemAt);
        Levels.higherIsWorse(marginWarningAt, marginProblemAt);
        Levels.higherIsWorse(aspectWarningAt, aspectProblemAt);
        if (!(wideGamutWarningAt >= wideGamutInfoAt)) {
            throw new IllegalArgumentException("the wide-gamut warning limit must be at least its info limit");
        }
    }
}
