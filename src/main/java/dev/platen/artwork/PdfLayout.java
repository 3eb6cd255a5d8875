package dev.platen.artwork;

import java.util.List;

/**
 * What matters of a PDF for placing it: how many pages it has, the size of the page used (the first; its
 * CropBox, falling back to the MediaBox), and every raster image drawn on that page at its placed size.
 * An empty image list means vector-only art.
 */
public record PdfLayout(int pageCount, double pageWidthPt, double pageHeightPt, List<PlacedImage> images) {

    public PdfLayout {
        images = List.copyOf(images);
    }

    public boolean vectorOnly() {
        return images.isEmpty();
    }
}
