package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * What the file's headers say about a piece of artwork, read without decoding its pixels.
 *
 * @param format                 decided by magic bytes
 * @param widthPx                pixel width as the art will be seen, EXIF orientation applied; null for PDF
 * @param heightPx               pixel height, likewise; null for PDF
 * @param fileDpi                the resolution written in the file, or null
 * @param colorSpace             {@code RGB}, {@code GRAY}, {@code CMYK} (YCCK and Adobe-inverted CMYK report CMYK)
 * @param bitsPerSample          8 or 16 for most art
 * @param alpha                  whether the art has an alpha channel or transparency
 * @param iccProfileDescription  the embedded ICC profile's description tag, or null
 * @param exifOrientation        1 to 8 (1 when the file has none)
 * @param pdf                    page and image layout for PDFs, null otherwise
 * @param findings               things worth telling (extra pages ignored, invalid ICC profile, ...)
 */
public record ArtworkHeader(
        ArtworkFormat format,
        @Nullable Integer widthPx,
        @Nullable Integer heightPx,
        @Nullable Resolution fileDpi,
        @Nullable String colorSpace,
        int bitsPerSample,
        boolean alpha,
        @Nullable String iccProfileDescription,
        int exifOrientation,
        @Nullable PdfLayout pdf,
        List<Finding> findings) {

    public ArtworkHeader {
        findings = List.copyOf(findings);
    }
}
