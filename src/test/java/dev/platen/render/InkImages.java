package dev.platen.render;

import dev.platen.color.InkValues;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.WritableRaster;

/** CMYK art drawn by the tests: ink values in a 4-band raster, 0 = no ink, as the artwork module decodes them. */
final class InkImages {

    private InkImages() {
    }

    /** An image of one flat CMYK colour. */
    static BufferedImage flat(int width, int height, int c, int m, int y, int k) {
        BufferedImage image = blank(width, height);
        fill(image, 0, 0, width, height, c, m, y, k);
        return image;
    }

    /** A blank (no ink) CMYK image over the same colour model the TIFF writer uses. */
    static BufferedImage blank(int width, int height) {
        ComponentColorModel model = InkValues.colorModel();
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        return new BufferedImage(model, raster, false, null);
    }

    static void fill(BufferedImage image, int x0, int y0, int w, int h, int... cmyk) {
        WritableRaster raster = image.getRaster();
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                raster.setPixel(x, y, cmyk);
            }
        }
    }

    static ColorSpace space() {
        return InkValues.SPACE;
    }
}
