package dev.platen.proof;

import dev.platen.color.Lab;
import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * How far the print will be from the art, measured on the screen-size image the proof shows (every pixel of it,
 * after the area-average reduction to at most 2048 px on the long edge).
 *
 * <p>Every colour figure compares two pictures pixel by pixel (see {@code StockProof} for the why):
 * <ul>
 *   <li>the <b>target</b>: the art as CIELAB (art profile, relative colorimetric: media-relative, as the eye sees a
 *       print once adapted to its paper) after the black point compensation the stock's intent applies (its black
 *       scaled to the stock's black, lcms's own scaling; none for relative colorimetric without BPC and for absolute
 *       colorimetric). Black that prints as the stock's deepest black is on target;</li>
 *   <li>the <b>print</b>: the stock's separation exactly as the print files get it (intent, BPC, ink limit,
 *       precision), read back through the stock's profile, relative colorimetric;</li>
 * </ul>
 * seen at the normal viewing distance (the print's diagonal): S-CIELAB, i.e. each picture's L*, a* and b* low-passed
 * by the eye's contrast sensitivity for lightness, red-green and blue-yellow (Zhang and Wandell 1997), then
 * CIEDE2000 pixel by pixel, on a map of at most 1024 px on the long edge. Call that value d. The eye resolves colour
 * coarsely, so scattered saturated pixels are averaged with their surroundings and count little, while a large flat
 * area keeps its full difference over its full area. Percentiles and shares are weighted by the screen pixels each
 * map pixel covers.
 *
 * @param deltaE2000Mean    mean of d over the picture
 * @param deltaE2000P95     95th percentile of d (nearest rank): 5 % of the picture, as a viewer sees it, differs by more
 *                          than this from what the stock is asked to print. A lane input (colour shift)
 * @param outOfGamutShare   share of the picture (0..1) where d exceeds 10 ({@code StockProof.OUT_OF_GAMUT_DELTA_E}):
 *                          where the stock prints a different colour, not the same colour a little duller. Exactly the
 *                          pixels the gamut view paints. A lane input
 * @param maxTotalInk       highest C+M+Y+K in percent of the stock's separation (intent, BPC, ink limit as in
 *                          the print files); lcms's limiter may overshoot its limit by a fraction of a percent
 * @param ssim              the quality floor's figure: mean SSIM (8 x 8 windows stepped by 4, K1 0.01, K2 0.03 on a
 *                          range of 100) of the print's L* against the target's L*, at the measured size; 1 when every
 *                          tone prints as the art has it, lower where the print loses structure (shadow detail crushed
 *                          into the stock's black, tones clipped or posterised)
 * @param paperWhite        the stock's paper (CMYK 0 0 0 0, absolute colorimetric, D50): the white the proof shows
 * @param measuredWidth     width in pixels of the image measured
 * @param measuredHeight    height in pixels of the image measured
 * @param effectiveDpi      the art's effective DPI at the tier's print size, filled in by the caller (preflight
 *                          knows it); null until then
 */
public record ColourReport(double deltaE2000Mean, double deltaE2000P95, double outOfGamutShare, double maxTotalInk,
                           double ssim, Lab paperWhite, int measuredWidth, int measuredHeight,
                           @Nullable Double effectiveDpi) {

    public ColourReport {
        if (outOfGamutShare < 0 || outOfGamutShare > 1) {
            throw new IllegalArgumentException("out-of-gamut share is 0..1, was " + outOfGamutShare);
        }
        if (!(ssim >= -1 && ssim <= 1)) {
            throw new IllegalArgumentException("SSIM is -1..1, was " + ssim);
        }
    }

    /** The same report with the effective DPI the caller measured. */
    public ColourReport withEffectiveDpi(double dpi) {
        return new ColourReport(deltaE2000Mean, deltaE2000P95, outOfGamutShare, maxTotalInk, ssim, paperWhite,
                measuredWidth, measuredHeight, dpi);
    }

    /** One line for logs and issue notes. */
    public String summary() {
        return String.format(Locale.ROOT,
                "ΔE2000 mean %.2f, p95 %.2f; out of gamut %.1f %%; max ink %.1f %%; SSIM %.3f; "
                        + "paper L*a*b* %.1f %.1f %.1f; measured on %d x %d px%s",
                deltaE2000Mean, deltaE2000P95, outOfGamutShare * 100, maxTotalInk, ssim, paperWhite.lightness(),
                paperWhite.a(), paperWhite.b(), measuredWidth, measuredHeight,
                effectiveDpi == null ? "" : String.format(Locale.ROOT, "; effective %.0f DPI", effectiveDpi));
    }
}
