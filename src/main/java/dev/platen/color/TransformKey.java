package dev.platen.color;

/**
 * What makes two transforms the same: profiles by the SHA-256 of their bytes, formats, intents and lcms
 * flags. Fields that do not apply are null.
 */
record TransformKey(String sourceSha256, PixelFormat sourceFormat, String targetSha256, PixelFormat targetFormat,
                    int lcmsIntent, int flags, String proofSha256, RenderingIntent proofingIntent,
                    GamutAlarm gamutAlarm, InkLimit inkLimit) {
}
