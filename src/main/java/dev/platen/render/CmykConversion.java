package dev.platen.render;

/**
 * The seam to the colour module: converts one stripe of RGB pixels into the stock's CMYK.
 *
 * <p>Rendering streams the canvas a band of rows at a time, so the conversion is asked for at most one band's worth
 * of pixels per call and never sees the whole canvas. The real implementation is the LittleCMS transform of
 * {@code dev.platen.color} (source profile, the stock's output profile, rendering intent, black point compensation);
 * nothing in this module converts colour itself.
 *
 * <p>Input pixels are the art's own channels, {@link #inputChannels()} bytes a pixel; for RGB art 8-bit R, G, B, as {@link java.awt.image.BufferedImage#getRGB} gives them
 * (sRGB encoding), already composited over paper white: the conversion never sees alpha. Output is 8-bit C, M, Y,
 * K, four bytes per pixel, 0 = no ink and 255 = full ink. Both arrays may be longer than {@code pixels} needs;
 * only the first {@code pixels * 3} and {@code pixels * 4} bytes count. Implementations must be safe to call
 * repeatedly from one thread; a render never calls one instance from two threads at once.
 */
@FunctionalInterface
interface CmykConversion {

    void convert(byte[] rgbRows, int pixels, byte[] cmykOut);

    /**
     * The channels of the art this conversion takes, which is what the canvas is resampled in: 3 for RGB (the
     * default, samples as {@code getRGB} gives them), 1 for grey levels, 4 for CMYK inks (0 = no ink, composited
     * over no ink).
     */
    default int inputChannels() {
        return 3;
    }
}
