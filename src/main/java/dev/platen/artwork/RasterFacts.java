package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What a raster file's own structures say, read by walking its segments, chunks or directories without touching
 * the pixel data. Width and height are as stored, before EXIF orientation.
 *
 * @param iccProfile  the embedded profile bytes, or null
 * @param orientation EXIF/TIFF orientation 1..8
 * @param moreFrames  the file holds more than one page or frame; only the first is used
 * @param findings    things noticed while walking the structure (an invalid Exif block or ICC profile)
 * @param coding      how the pixel data is compressed: JPEG, lossless, or lossy in some other way
 */
record RasterFacts(int storedWidth, int storedHeight, String colorSpace, int bitsPerSample, boolean alpha,
                   @Nullable Resolution dpi, byte @Nullable [] iccProfile, int orientation, boolean moreFrames,
                   List<Finding> findings, PixelCoding coding) {

    static final String GRAY = "GRAY";
    static final String RGB = "RGB";
    static final String CMYK = "CMYK";
    static final String LAB = "LAB";
    static final String UNKNOWN = "UNKNOWN";

    /** Orientations 5 to 8 turn the picture a quarter, so width and height trade places (EXIF 2.3, 4.6.4). */
    boolean quarterTurned() {
        return orientation >= 5 && orientation <= 8;
    }

    int width() {
        return quarterTurned() ? storedHeight : storedWidth;
    }

    int height() {
        return quarterTurned() ? storedWidth : storedHeight;
    }
}
