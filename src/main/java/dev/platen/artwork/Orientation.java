package dev.platen.artwork;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Turns decoded pixels upright as the EXIF Orientation tag (TIFF/EP tag 274) says the camera held them:
 * 1 as stored, 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 turned 90° clockwise, 7 transversed,
 * 8 turned 90° counter-clockwise. Works on the raster itself, so grey, RGB, CMYK and alpha all survive untouched.
 */
final class Orientation {

    private Orientation() {
    }

    static BufferedImage upright(BufferedImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        boolean turned = orientation >= 5;
        Raster source = stored.getRaster();
        WritableRaster target = source.createCompatibleWritableRaster(turned ? h : w, turned ? w : h);
        Object pixel = null;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixel = source.getDataElements(x, y, pixel);
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                target.setDataElements(dx, dy, pixel);
            }
        }
        return new BufferedImage(stored.getColorModel(), target, stored.isAlphaPremultiplied(), null);
    }
}
