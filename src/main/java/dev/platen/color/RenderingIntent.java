package dev.platen.color;

/** ICC rendering intents; {@link #code()} is the ICC and lcms number ({@code INTENT_*}). */
public enum RenderingIntent {
    PERCEPTUAL(0),
    RELATIVE_COLORIMETRIC(1),
    SATURATION(2),
    ABSOLUTE_COLORIMETRIC(3);

    private final int code;

    RenderingIntent(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
