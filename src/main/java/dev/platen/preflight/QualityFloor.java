package dev.platen.preflight;

import dev.platen.preflight.QualityFinding.Severity;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code PRINT_BELOW_QUALITY_FLOOR}: the print, converted back through the stock profile, no longer looks like the
 * art. The measure is SSIM on lightness between the art and its print (the soft proof's colour report computes it);
 * SSIM compares local means, contrast and structure, so it drops when the separation flattens shadow detail (ink
 * limit, a press black far above the art's), posterises gradients or loses fine texture, while an overall shift that
 * keeps the picture's structure (a duller paper white) costs little. Other checks judge the art; this one judges
 * what the engine made of it, so that a bad profile, intent or ink limit can never print unseen.
 *
 * @param minimumSsim the floor (a rule set's {@code ssimFloor}, in {@code quality-checks.yaml}); below it is a PROBLEM
 */
public record QualityFloor(double minimumSsim) {

    public static final String CODE = "PRINT_BELOW_QUALITY_FLOOR";
    static final String UNIT = "SSIM of lightness, print against art";

    public QualityFloor {
        if (!(minimumSsim >= 0 && minimumSsim <= 1)) {
            throw new IllegalArgumentException("the SSIM floor is between 0 and 1, was " + minimumSsim);
        }
    }

    /**
     * A PROBLEM when the print falls below the floor; a figure that is not a number (nothing could be measured)
     * also fails, since a floor that cannot be checked cannot be trusted to hold.
     */
    public Optional<QualityFinding> check(double ssim) {
        if (ssim >= minimumSsim) {
            return Optional.empty();
        }
        return Optional.of(new QualityFinding(CODE, Severity.PROBLEM, ssim, minimumSsim, UNIT,
                String.format(Locale.ROOT, "The print keeps less of the art's detail than the floor allows (SSIM %.3f "
                        + "against the art, floor %.2f): shadows, gradients or texture are lost in the separation.",
                        ssim, minimumSsim)));
    }
}
