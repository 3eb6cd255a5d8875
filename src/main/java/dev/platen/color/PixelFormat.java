package dev.platen.color;

import static dev.platen.color.LittleCms.PT_CMYK;
import static dev.platen.color.LittleCms.PT_GRAY;
import static dev.platen.color.LittleCms.PT_LAB;
import static dev.platen.color.LittleCms.PT_RGB;
import static dev.platen.color.LittleCms.bytesSh;
import static dev.platen.color.LittleCms.channelsSh;
import static dev.platen.color.LittleCms.colorspaceSh;
import static dev.platen.color.LittleCms.extraSh;
import static dev.platen.color.LittleCms.floatSh;

/**
 * How pixels lie in a buffer: interleaved ("chunky") samples, channel order as the colour space names them.
 *
 * <p>16-bit samples are in the machine's native byte order (lcms's default; allocate buffers with
 * {@code ByteOrder.nativeOrder()}). Alpha is straight, not premultiplied; it is copied when both formats of a
 * transform carry it (RGBA to RGBA) and dropped otherwise. Lab formats hold L* 0..100 and a*, b* around
 * -128..127 as doubles or floats; they are the formats for measuring and ΔE. {@link #LAB_8} is lcms's 8-bit
 * encoding, for images.
 */
public enum PixelFormat {
    GRAY_8(ColorSpace.GRAY, false, 1, colorspaceSh(PT_GRAY) | channelsSh(1) | bytesSh(1)),
    GRAY_16(ColorSpace.GRAY, false, 2, colorspaceSh(PT_GRAY) | channelsSh(1) | bytesSh(2)),
    RGB_8(ColorSpace.RGB, false, 1, colorspaceSh(PT_RGB) | channelsSh(3) | bytesSh(1)),
    RGB_16(ColorSpace.RGB, false, 2, colorspaceSh(PT_RGB) | channelsSh(3) | bytesSh(2)),
    RGBA_8(ColorSpace.RGB, true, 1, colorspaceSh(PT_RGB) | extraSh(1) | channelsSh(3) | bytesSh(1)),
    RGBA_16(ColorSpace.RGB, true, 2, colorspaceSh(PT_RGB) | extraSh(1) | channelsSh(3) | bytesSh(2)),
    CMYK_8(ColorSpace.CMYK, false, 1, colorspaceSh(PT_CMYK) | channelsSh(4) | bytesSh(1)),
    CMYK_16(ColorSpace.CMYK, false, 2, colorspaceSh(PT_CMYK) | channelsSh(4) | bytesSh(2)),
    /**
     * lcms TYPE_Lab_8: L* 0..100 as 0..255 (L* x 255 / 100), a* and b* offset by 128 (0..255 is -128..127). For
     * images of colours held as CIELAB, such as the reference a PDF proof is measured against.
     */
    LAB_8(ColorSpace.LAB, false, 1, colorspaceSh(PT_LAB) | channelsSh(3) | bytesSh(1)),
    /** lcms TYPE_Lab_FLT: BYTES_SH(4) with the float flag means a 32-bit float per channel. */
    LAB_FLOAT(ColorSpace.LAB, false, 4, floatSh(1) | colorspaceSh(PT_LAB) | channelsSh(3) | bytesSh(4)),
    /** lcms TYPE_Lab_DBL: BYTES_SH(0) with the float flag is lcms's code for a 64-bit double. */
    LAB_DOUBLE(ColorSpace.LAB, false, 8, floatSh(1) | colorspaceSh(PT_LAB) | channelsSh(3) | bytesSh(0));

    private final ColorSpace colorSpace;
    private final boolean alpha;
    private final int bytesPerSample;
    final int lcmsType;

    PixelFormat(ColorSpace colorSpace, boolean alpha, int bytesPerSample, int lcmsType) {
        this.colorSpace = colorSpace;
        this.alpha = alpha;
        this.bytesPerSample = bytesPerSample;
        this.lcmsType = lcmsType;
    }

    public ColorSpace colorSpace() {
        return colorSpace;
    }

    public boolean hasAlpha() {
        return alpha;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Samples of one pixel, alpha included. */
    public int samplesPerPixel() {
        return colorSpace.channels() + (alpha ? 1 : 0);
    }

    public int bytesPerPixel() {
        return samplesPerPixel() * bytesPerSample;
    }

    /** The lcms {@code TYPE_*} number, for logs and for comparing with lcms's own formatters. */
    public int lcmsType() {
        return lcmsType;
    }
}
