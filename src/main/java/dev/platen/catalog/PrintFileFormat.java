package dev.platen.catalog;

import java.util.Locale;
import java.util.Optional;

/** The print-ready file formats a stock's press can take. */
public enum PrintFileFormat {
    /** PDF/X-4 (ISO 15930-7) with the stock's profile as output intent. */
    PDF_X4("pdfx4", "application/pdf", "pdf"),
    /** 8-bit CMYK TIFF with the stock's profile embedded. */
    TIFF("tiff", "image/tiff", "tif");

    private final String wireName;
    private final String mediaType;
    private final String extension;

    PrintFileFormat(String wireName, String mediaType, String extension) {
        this.wireName = wireName;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** {@code pdfx4} or {@code tiff}, as stocks and the API name them. */
    public String wireName() {
        return wireName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<PrintFileFormat> parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (PrintFileFormat f : values()) {
            if (f.wireName.equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
