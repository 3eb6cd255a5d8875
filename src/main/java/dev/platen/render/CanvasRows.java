package dev.platen.render;

/**
 * The print file's canvas in CMYK, made on demand a band of rows at a time: raster art resampled and separated
 * ({@link CanvasBands}), or PDF art rendered plate by plate ({@link PdfPlates}). {@link CanvasPass} makes
 * it once for all the files being written.
 */
interface CanvasRows {

    PlacementCanvas canvas();

    /** Bytes of one full canvas row: four inks a pixel. */
    default int rowBytes() {
        return canvas().widthPx() * 4;
    }

    /** Fills {@code cmyk} (from index 0) with canvas rows {@code y0 .. y0 + rows - 1}, C, M, Y, K interleaved. */
    void render(int y0, int rows, byte[] cmyk);
}
