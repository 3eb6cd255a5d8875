package dev.platen.color;

import java.util.Objects;

/**
 * How a conversion renders.
 *
 * @param intent                 the ICC rendering intent
 * @param blackPointCompensation map the source's black to the target's (lcms always does for perceptual
 *                               and saturation on v4 profiles)
 * @param precision              exact or precalculated evaluation; see {@link Precision}
 * @param inkLimit               for CMYK targets, limit total area coverage in the same transform; null for none
 */
public record RenderingOptions(RenderingIntent intent, boolean blackPointCompensation, Precision precision,
                               InkLimit inkLimit) {

    public RenderingOptions {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(precision, "precision");
    }

    /** {@code intent} with or without black point compensation, {@link Precision#EXACT}, no ink limit. */
    public static RenderingOptions of(RenderingIntent intent, boolean blackPointCompensation) {
        return new RenderingOptions(intent, blackPointCompensation, Precision.EXACT, null);
    }

    public RenderingOptions withPrecision(Precision newPrecision) {
        return new RenderingOptions(intent, blackPointCompensation, newPrecision, inkLimit);
    }

    public RenderingOptions withInkLimit(InkLimit newInkLimit) {
        return new RenderingOptions(intent, blackPointCompensation, precision, newInkLimit);
    }
}
