package dev.platen.color;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * How a conversion renders.
 *
 * @param intent                 the ICC rendering intent
 * @param blackPointCompensation map the source's black to the target's (lcms always does for perceptual
 *                               and saturation on v4 profiles)
 * @param precision              exact or precalculated evaluation; see {@link Precision}
 * @param inkLimit               for CMYK targets, limit total area coverage in the same transform; null for none
 * @param preserveBlack          CMYK to CMYK only: lcms's K-only preserving variant of the intent ({@code
 *                               INTENT_PRESERVE_K_ONLY_*}), so that pure black (C=M=Y=0) stays pure black with its
 *                               K mapped by lightness, and every other colour converts colorimetrically. Chosen over
 *                               the K-plane variant, which keeps every colour's K and rebuilds C, M and Y around
 *                               it: that holds the black plate of photographs too, at the cost of colour accuracy
 *                               where the two conditions build their greys differently. Text and rules set in K are
 *                               what a press cannot register in four inks; a photograph's K is the separation's
 *                               business. lcms cannot chain an ink limit after a black-preserving transform (its K
 *                               tone curve needs an output profile last), so an ink limit is applied after it with
 *                               {@link InkLimit#limit(byte[], int)}, the same formula lcms's ink-limiting link uses.
 */
public record RenderingOptions(RenderingIntent intent, boolean blackPointCompensation, Precision precision,
                               @Nullable InkLimit inkLimit, boolean preserveBlack) {

    public RenderingOptions {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(precision, "precision");
        if (preserveBlack && inkLimit != null) {
            throw new IllegalArgumentException("lcms cannot limit ink inside a black-preserving transform; apply "
                    + "InkLimit.limit to its output");
        }
        if (preserveBlack && intent == RenderingIntent.ABSOLUTE_COLORIMETRIC) {
            throw new IllegalArgumentException("lcms has no black-preserving absolute colorimetric intent");
        }
    }

    public RenderingOptions(RenderingIntent intent, boolean blackPointCompensation, Precision precision,
                            @Nullable InkLimit inkLimit) {
        this(intent, blackPointCompensation, precision, inkLimit, false);
    }

    /** {@code intent} with or without black point compensation, {@link Precision#EXACT}, no ink limit. */
    public static RenderingOptions of(RenderingIntent intent, boolean blackPointCompensation) {
        return new RenderingOptions(intent, blackPointCompensation, Precision.EXACT, null);
    }

    public RenderingOptions withPrecision(Precision newPrecision) {
        return new RenderingOptions(intent, blackPointCompensation, newPrecision, inkLimit, preserveBlack);
    }

    public RenderingOptions withInkLimit(@Nullable InkLimit newInkLimit) {
        return new RenderingOptions(intent, blackPointCompensation, precision, newInkLimit, preserveBlack);
    }

    /** The same options with K-only black preservation and without an ink limit (see {@code preserveBlack}). */
    public RenderingOptions withBlackPreserved() {
        return new RenderingOptions(intent, blackPointCompensation, precision, null, true);
    }

    /**
     * The intent number lcms gets: the ICC intent, or its K-only preserving variant ({@code
     * INTENT_PRESERVE_K_ONLY_PERCEPTUAL} 10, {@code _RELATIVE_COLORIMETRIC} 11, {@code _SATURATION} 12; the same
     * numbers {@code transicc -t} takes).
     */
    public int lcmsIntentCode() {
        return preserveBlack ? 10 + intent.code() : intent.code();
    }
}
