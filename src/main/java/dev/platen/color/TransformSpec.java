package dev.platen.color;

import com.sun.jna.Pointer;

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
 * @param rendering intent, black point compensation, precision and ink limit of the conversion. An ink limit chains
 *                  a {@code cmsCreateInkLimitingDeviceLink} after the (CMYK) target, so separation and limiting are
 *                  one transform with one rounding.
 */
record TransformSpec(ColorProfile source, PixelFormat sourceFormat, ColorProfile target, PixelFormat targetFormat,
                     RenderingOptions rendering) {

    TransformSpec {
        Objects.requireNonNull(source, "source profile");
        Objects.requireNonNull(sourceFormat, "source format");
        Objects.requireNonNull(target, "target profile");
        Objects.requireNonNull(targetFormat, "target format");
        Objects.requireNonNull(rendering, "rendering");
        if (targetFormat.hasAlpha() && !sourceFormat.hasAlpha()) {
            throw new IllegalArgumentException(sourceFormat + " has no alpha to fill " + targetFormat + "'s from");
        }
        // The parameters, not the accessors: a compact constructor runs before the fields are assigned.
        if (rendering.preserveBlack()
                && (source.colorSpace() != ColorSpace.CMYK || target.colorSpace() != ColorSpace.CMYK)) {
            throw new IllegalArgumentException("black is preserved CMYK to CMYK only, not " + source.colorSpace()
                    + " to " + target.colorSpace());
        }
        if (rendering.inkLimit() != null && target.colorSpace() != ColorSpace.CMYK) {
            throw new IllegalArgumentException("an ink limit needs a CMYK target, not " + target.colorSpace());
        }
    }

    int flags() {
        int flags = 0;
        if (sourceFormat.hasAlpha() && targetFormat.hasAlpha()) {
            flags |= LittleCms.FLAGS_COPY_ALPHA;
        }
        flags |= rendering.precision().flags;
        if (rendering.blackPointCompensation()) {
            flags |= LittleCms.FLAGS_BLACKPOINTCOMPENSATION;
        }
        return flags;
    }

    TransformKey key() {
        return new TransformKey(source.sha256(), sourceFormat, target.sha256(), targetFormat,
                rendering.lcmsIntentCode(), flags(), rendering.inkLimit());
    }

    /** Builds the native transform; the profiles may be closed afterwards. */
    NativeHandle build() {
        Pointer in = source.retain();
        try {
            Pointer out = target.retain();
            try {
                Lcms.clearErrors();
                Pointer transform;
                InkLimit inkLimit = rendering.inkLimit();
                if (inkLimit == null) {
                    transform = LIB.cmsCreateTransformTHR(CONTEXT, in, sourceFormat.lcmsType, out,
                            targetFormat.lcmsType, rendering.lcmsIntentCode(), flags());
                } else {
                    Pointer link = Lcms.require(
                            LIB.cmsCreateInkLimitingDeviceLinkTHR(CONTEXT, LittleCms.SIG_CMYK_DATA, inkLimit.percent()),
                            "lcms could not build the ink limit " + inkLimit.percent() + " %");
                    try {
                        transform = LIB.cmsCreateMultiprofileTransformTHR(CONTEXT, new Pointer[] {in, out, link}, 3,
                                sourceFormat.lcmsType, targetFormat.lcmsType, rendering.intent().code(), flags());
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

    private String describe() {
        InkLimit inkLimit = rendering.inkLimit();
        return "lcms could not build the transform " + source.description() + " (" + sourceFormat + ") -> "
                + target.description() + " (" + targetFormat + "), " + rendering.intent()
                + (rendering.preserveBlack() ? " preserving K-only black" : "")
                + (inkLimit == null ? "" : ", ink limit " + inkLimit.percent() + " %");
    }
}
