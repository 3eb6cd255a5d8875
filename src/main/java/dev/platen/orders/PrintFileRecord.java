package dev.platen.orders;

/**
 * A print-ready file of a placement, as the order book lists it; the bytes are in the object store under
 * {@code sha256}.
 *
 * @param format    {@code pdfx4} or {@code tiff}
 * @param widthPx   the canvas in pixels, bleed included
 */
public record PrintFileRecord(String format, String mediaType, String sha256, long bytes, int widthPx, int heightPx,
                              int dpi, String profileSha256) {
}
