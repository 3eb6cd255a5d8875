package dev.platen.proof;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * The proof on a drawing of the product, to scale.
 *
 * @param image         the drawing, 8-bit sRGB
 * @param printArea     where the tier's print area lies on it, in pixels (the proof is fitted inside, centred)
 * @param pixelsPerInch the drawing's scale
 */
public record Mockup(BufferedImage image, Rectangle printArea, int pixelsPerInch) {

    /** 40 px to the inch: a 22 in T-shirt with its sleeves fits in about 1500 px, a 4 in sticker still gets 160. */
    public static final int PIXELS_PER_INCH = 40;
}
