package dev.platen.artwork;

import java.nio.file.Path;

/**
 * Reads artwork files. The one entry point for the rest of Platen: other modules never touch ImageIO or
 * PDFBox for artwork themselves.
 */
public interface ArtworkReader {

    /**
     * Reads the headers only: format by magic bytes, size, resolution, colour, profile, and for PDFs the
     * placed images of the first page. Limits are checked here, before any pixel is decoded.
     *
     * @throws ArtworkRejected when the file is not usable
     */
    ArtworkHeader readHeader(Path file);

    /**
     * Decodes the whole first frame or page, after the same limit checks as {@link #readHeader(Path)}.
     *
     * @throws ArtworkRejected when the file is not usable
     */
    DecodedArtwork decodeFully(Path file);

    /**
     * The art's pixels for printing, after the same limit checks. Raster art is decoded whole with its EXIF
     * orientation applied; a PDF's first page is rendered at {@code pdfPixelsPerInch} (raster art ignores it).
     *
     * @throws ArtworkRejected when the file is not usable
     */
    ArtworkPixels pixels(Path file, double pdfPixelsPerInch);

    /**
     * The art's pixels for the print file, read once from top to bottom: like {@link #pixels}, but large art may
     * come as {@link StreamedRows} (its raster), decoded while it is read; the caller then reserves the rows it
     * needs at once, releases those it is done with, and closes the raster.
     */
    default ArtworkPixels pixelsInRows(Path file, double pdfPixelsPerInch) {
        return pixels(file, pdfPixelsPerInch);
    }

    /**
     * The first page of PDF art, open for the render module to use as vectors, after the same checks; the caller
     * closes it. Not run on the decoder threads: the page is used for as long as the render takes, on the render
     * step's own clock.
     *
     * @throws ArtworkRejected when the file is not usable
     * @throws IllegalArgumentException when the art is not a PDF
     */
    default PdfArtPage pdfPage(Path file) {
        throw new UnsupportedOperationException("this reader does not open PDF pages");
    }
}
