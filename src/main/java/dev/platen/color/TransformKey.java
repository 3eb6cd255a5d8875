package dev.platen.color;

import org.jspecify.annotations.Nullable;

/**
 * What makes two transforms the same: profiles by the SHA-256 of their bytes, formats, intents and lcms
 * flags. Fields that do not apply are null.
 */
record TransformKey(String sourceSha256, PixelFormat sourceFormat, String targetSha256, PixelFormat targetFormat,
                    int lcmsIntent, int flags, @Nullable InkLimit inkLimit) {
}
