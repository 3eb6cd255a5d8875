package dev.platen.color;

import com.sun.jna.Pointer;
import org.jspecify.annotations.Nullable;

import java.util.Objects;

import static dev.platen.color.Lcms.CONTEXT;
import static dev.platen.color.Lcms.LIB;

/**
 * Everything lcms needs to build one transform. {@link #key()} is its cache identity, {@link #build()} makes
 * the native transform.
 *
 * <p>No {@code cmsFLAGS_NOCACHE}: lcms 2.14's one-pixel cache is copied to the stack at the start of every
 * {@code cmsDoTransform} call ({@code CachedXFORM} in cmsxform.c), never written back, so a transform with
 * the cache is still safe to share between threads (the API manual: "You can re-use same transform handle in
 * different threads"), and the cache pays off on flat areas, which print art has plenty of.
 *
 * @param rendering intent, black point compensation, precision and ink limit of a conversion; null for a soft proof.
 *                  An ink limit chains a {@code cmsCreateInkLimitingDeviceLink} after the (CMYK) target, so
 *                  separation and limiting are one transform with one rounding.
 * @param proof     the soft proof settings; null for a conversion
 */
record TransformSpec(ColorProfile source, PixelFormat sourceFormat, ColorProfile target, PixelFormat targetFormat,
                     @Nullable RenderingOptions rendering, @Nullable SoftProof proof) {

    TransformSpec {
        Objects.requireNonNull(source, "source profile");
        Objects.requireNonNull(sourceFormat, "source format");
        Objects.requireNonNull(target, "target profile");
        Objects.requireNonNull(targetFormat, "target format");
        if ((rendering == null) == (proof == null)) {
            throw new IllegalArgumentException("a transform is either a conversion or a soft proof");
        }
        if (targetFormat.hasAlpha() && !sourceFormat.hasAlpha()) {
            throw new IllegalArgumentException(sourceFormat + " has no alpha to fill " + targetFormat + "'s from");
        }
        // The parameters, not the accessors: a compact constructor runs before the fields are assigned.
        if (rendering != null && rendering.preserveBlack()
                && (source.colorSpace() != ColorSpace.CMYK || target.colorSpace() != ColorSpace.CMYK)) {
            throw new IllegalArgumentException("black is preserved CMYK to CMYK only, not " + source.colorSpace()
                    + " to " + target.colorSpace());
        }
        if (rendering != null && rendering.inkLimit() != null && target.colorSpace() != ColorSpace.CMYK) {
            throw new IllegalArgumentException("an ink limit needs a CMYK target, not " + target.colorSpace());
        }
        if (proof != null && proof.gamutAlarm() != null && targetFormat.colorSpace() != ColorSpace.RGB) {
            throw new IllegalArgumentException("a gamut alarm colour is RGB; the screen format is " + targetFormat);
        }
    }

    @Nullable InkLimit inkLimit() {
        return rendering == null ? null : rendering.inkLimit();
    }

    /** A conversion's options: there exactly when {@code proof} is not, which the constructor holds. */
    private RenderingOptions conversion() {
        if (rendering == null) {
            throw new IllegalStateException("a soft proof has no conversion options");
        }
        return rendering;
    }

    int flags() {
        int flags = 0;
        if (sourceFormat.hasAlpha() && targetFormat.hasAlpha()) {
            flags |= LittleCms.FLAGS_COPY_ALPHA;
        }
        if (proof == null) {
            flags |= conversion().precision().flags;
            if (conversion().blackPointCompensation()) {
                flags |= LittleCms.FLAGS_BLACKPOINTCOMPENSATION;
            }
        } else {
            flags |= LittleCms.FLAGS_SOFTPROOFING | proof.precision().flags;
            if (proof.blackPointCompensation()) {
                flags |= LittleCms.FLAGS_BLACKPOINTCOMPENSATION;
            }
            if (proof.gamutAlarm() != null) {
                flags |= LittleCms.FLAGS_GAMUTCHECK;
            }
        }
        return flags;
    }

    /** The intent lcms gets: for a soft proof the art-to-stock intent. */
    RenderingIntent lcmsIntent() {
        return proof == null ? conversion().intent() : proof.intent();
    }

    /** Its lcms number, the K-preserving variant when the conversion asks for black to be preserved. */
    int lcmsIntentCode() {
        return proof == null ? conversion().lcmsIntentCode() : proof.intent().code();
    }

    TransformKey key() {
        return new TransformKey(source.sha256(), sourceFormat, target.sha256(), targetFormat, lcmsIntentCode(), flags(),
                proof == null ? null : proof.stock().sha256(),
                proof == null ? null : proof.proofingIntent(),
                proof == null ? null : proof.gamutAlarm(),
                inkLimit());
    }

    /** Builds the native transform; the profiles may be closed afterwards. */
    NativeHandle build() {
        if (proof != null) {
            return buildProof(proof);
        }
        Pointer in = source.retain();
        try {
            Pointer out = target.retain();
            try {
                Lcms.clearErrors();
                Pointer transform;
                InkLimit inkLimit = inkLimit();
                if (inkLimit == null) {
                    transform = LIB.cmsCreateTransformTHR(CONTEXT, in, sourceFormat.lcmsType, out,
                            targetFormat.lcmsType, lcmsIntentCode(), flags());
                } else {
                    Pointer link = Lcms.require(
                            LIB.cmsCreateInkLimitingDeviceLinkTHR(CONTEXT, LittleCms.SIG_CMYK_DATA, inkLimit.percent()),
                            "lcms could not build the ink limit " + inkLimit.percent() + " %");
                    try {
                        transform = LIB.cmsCreateMultiprofileTransformTHR(CONTEXT, new Pointer[] {in, out, link}, 3,
                                sourceFormat.lcmsType, targetFormat.lcmsType, lcmsIntent().code(), flags());
                    } finally {
                        LIB.cmsCloseProfile(link);
                    }
                }
                return new NativeHandle(Lcms.require(transform, describe()), LIB::cmsDeleteTransform);
            } finally {
                target.release();
            }
        } finally {
            source.release();
        }
    }

    /**
     * A proofing transform gets a context of its own: lcms reads the gamut alarm codes from the transform's
     * context while transforming, so transforms with different alarm colours must not share one.
     */
    private NativeHandle buildProof(SoftProof proof) {
        Pointer context = Lcms.newContext();
        try {
            if (proof.gamutAlarm() != null) {
                LIB.cmsSetAlarmCodesTHR(context, proof.gamutAlarm().lcmsCodes());
            }
            Pointer in = source.retain();
            try {
                Pointer out = target.retain();
                try {
                    Pointer stock = proof.stock().retain();
                    try {
                        Lcms.clearErrors();
                        Pointer transform = Lcms.require(LIB.cmsCreateProofingTransformTHR(context, in,
                                sourceFormat.lcmsType, out, targetFormat.lcmsType, stock, proof.intent().code(),
                                proof.proofingIntent().code(), flags()), describe());
                        return new NativeHandle(transform, t -> {
                            LIB.cmsDeleteTransform(t);
                            LIB.cmsDeleteContext(context);
                        });
                    } finally {
                        proof.stock().release();
                    }
                } finally {
                    target.release();
                }
            } finally {
                source.release();
            }
        } catch (RuntimeException e) {
            LIB.cmsDeleteContext(context);
            throw e;
        }
    }

    private String describe() {
        return "lcms could not build the transform " + source.description() + " (" + sourceFormat + ") -> "
                + (proof == null ? "" : proof.stock().description() + " -> ")
                + target.description() + " (" + targetFormat + "), " + lcmsIntent()
                + (rendering != null && rendering.preserveBlack() ? " preserving K-only black" : "")
                + (inkLimit() == null ? "" : ", ink limit " + inkLimit().percent() + " %");
    }
}
