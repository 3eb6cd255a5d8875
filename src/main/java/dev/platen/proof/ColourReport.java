package dev.platen.proof;

import dev.platen.color.Lab;

import java.util.Locale;

/**
 * How far the print will be from the art, measured on the screen-size image the proof shows (every pixel of it,
 * after the area-average reduction; a reduction averages away single-pixel extremes, so these are figures for
 * the picture as a whole, not for its finest detail).
 *
 * @param deltaE2000Mean    mean CIEDE2000 over the pixels between the art (art profile -> Lab, relative
 *                          colorimetric) and its print (art -> stock with the stock's intent and BPC -> Lab, relative
 *                          colorimetric): media-relative, as the eye sees a print once adapted to its paper
 * @param deltaE2000P95     the 95th percentile of the same (nearest rank, pixel-weighted)
 * @param outOfGamutShare   share of pixels (0..1) LittleCMS's gamut check finds the stock cannot reproduce
 * @param maxTotalInk       highest C+M+Y+K in percent of the stock's separation (intent, BPC, ink limit as in
 *                          the print files); lcms's limiter may overshoot its limit by a fraction of a percent
 * @param paperWhite        the stock's paper (CMYK 0 0 0 0, absolute colorimetric, D50): the white the proof shows
 * @param measuredWidth     width in pixels of the image measured
 * @param measuredHeight    height in pixels of the image measured
 * @param effectiveDpi      the art's effective DPI at the tier's print size, filled in by the caller (preflight
 *                          knows it); null until then
 */
public record ColourReport(double deltaE2000Mean, double deltaE2000P95, double outOfGamutShare, double maxTotalInk,
                           Lab paperWhite, int measuredWidth, int measuredHeight, Double effectiveDpi) {

    public ColourReport {
        if (outOfGamutShare < 0 || outOfGamutShare > 1) {
            throw new IllegalArgumentException("out-of-gamut share is 0..1, was " + outOfGamutShare);
        }
    }

    /** The same report with the effective DPI the caller measured. */
    public ColourReport withEffectiveDpi(double dpi) {
        return new ColourReport(deltaE2000Mean, deltaE2000P95, outOfGamutShare, maxTotalInk, paperWhite,
                measuredWidth, measuredHeight, dpi);
    }

    /** One line for logs and issue notes. */
    public String summary() {
        return String.format(Locale.ROOT,
                "ΔE2000 mean %.2f, p95 %.2f; out of gamut %.1f %%; max ink %.1f %%; paper L*a*b* %.1f %.1f %.1f; "
                        + "measured on %d x %d px%s",
                deltaE2000Mean, deltaE2000P95, outOfGamutShare * 100, maxTotalInk, paperWhite.lightness(),
                paperWhite.a(), paperWhite.b(), measuredWidth, measuredHeight,
                effectiveDpi == null ? "" : String.format(Locale.ROOT, "; effective %.0f DPI", effectiveDpi));
    }
}
