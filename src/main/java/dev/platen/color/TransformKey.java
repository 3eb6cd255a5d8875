package dev.platen.color;

import org.jspecify.annotations.Nullable;

/**
 * What makes two transforms the same: profiles by the SHA-256 of their bytes, formats, intents and lcms
 * flags. Fields that do not apply are null.
 *
 * <p>Its identity is its text ({@link #toString}), spelled out here rather than generated: the text names a saved
 * grid ({@link TransformCache#gridFileName}), and the JDK leaves the generated form's format open to change, which
 * would orphan every saved grid. Equality and hash follow the text, so the three cannot disagree; and none of them
 * links the JDK's record methods at first use, which in a one-placement process spun about 40 classes of method
 * handles (with {@link InkLimit}'s, which the generated ones call), 30-40 ms of its start.
 */
record TransformKey(String sourceSha256, PixelFormat sourceFormat, String targetSha256, PixelFormat targetFormat,
                    int lcmsIntent, int flags, @Nullable InkLimit inkLimit) {

    @Override
    public String toString() {
        return "TransformKey[" + sourceSha256 + " " + sourceFormat + " -> " + targetSha256 + " " + targetFormat
                + ", intent " + lcmsIntent + ", flags " + flags + ", ink limit "
                + (inkLimit == null ? "none" : inkLimit.percent() + " %") + "]";
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof TransformKey key && toString().equals(key.toString());
    }
}
