package dev.platen.artwork;

/**
 * A raster image drawn on a PDF page: its pixels and the size it is drawn at on the page, in PDF points
 * (1/72 in), taken from the current transformation matrix when the image is painted.
 */
public record PlacedImage(int widthPx, int heightPx, double placedWidthPt, double placedHeightPt) {
}
