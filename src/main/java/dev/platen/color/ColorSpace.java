package dev.platen.color;

import org.jspecify.annotations.Nullable;

/** The colour spaces Platen reads art in and prints to, from an ICC profile header. */
public enum ColorSpace {
    RGB(LittleCms.SIG_RGB_DATA, LittleCms.PT_RGB, 3),
    CMYK(LittleCms.SIG_CMYK_DATA, LittleCms.PT_CMYK, 4),
    GRAY(LittleCms.SIG_GRAY_DATA, LittleCms.PT_GRAY, 1),
    LAB(LittleCms.SIG_LAB_DATA, LittleCms.PT_LAB, 3);

    final int signature;
    private final int pixelType;
    private final int channels;

    ColorSpace(int signature, int pixelType, int channels) {
        this.signature = signature;
        this.pixelType = pixelType;
        this.channels = channels;
    }

    /** The lcms double-precision format of this space (TYPE_RGB_DBL, TYPE_CMYK_DBL...), for probing profiles. */
    int doubleFormat() {
        return LittleCms.floatSh(1) | LittleCms.colorspaceSh(pixelType) | LittleCms.channelsSh(channels)
                | LittleCms.bytesSh(0);
    }

    /** Colour channels, alpha not counted. */
    public int channels() {
        return channels;
    }

    /** The space of an ICC header signature, or null when Platen does not handle it (XYZ, YCbCr, n-colour...). */
    static @Nullable ColorSpace ofSignature(int signature) {
        for (ColorSpace space : values()) {
            if (space.signature == signature) {
                return space;
            }
        }
        return null;
    }
}
