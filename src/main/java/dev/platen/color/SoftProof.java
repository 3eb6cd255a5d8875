package dev.platen.color;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * How to simulate print on screen: art goes to the stock (press profile) with {@code intent}, then from the
 * stock to the screen.
 *
 * @param stock                  the press and paper being simulated (an output profile)
 * @param intent                 intent of the art-to-stock step, as the job will be printed
 * @param blackPointCompensation whether the art-to-stock step uses black point compensation
 * @param simulatePaperWhite     true: stock-to-screen is absolute colorimetric, so paper white and ink
 *                               black show as they will print (dull, tinted); false: relative colorimetric,
 *                               paper white maps to screen white
 * @param gamutAlarm             paint art the stock cannot reproduce in this colour; null for no alarm
 * @param precision              screens usually take {@link Precision#PRECALCULATED}
 */
public record SoftProof(ColorProfile stock, RenderingIntent intent, boolean blackPointCompensation,
                        boolean simulatePaperWhite, @Nullable GamutAlarm gamutAlarm, Precision precision) {

    public SoftProof {
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(precision, "precision");
    }

    /** The intent of the stock-to-screen step, which is what paper-white simulation means in lcms. */
    RenderingIntent proofingIntent() {
        return simulatePaperWhite ? RenderingIntent.ABSOLUTE_COLORIMETRIC : RenderingIntent.RELATIVE_COLORIMETRIC;
    }
}
