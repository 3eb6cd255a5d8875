package dev.platen.render;

import java.util.Locale;

/** The print-ready formats Platen writes. */
public enum PrintFileFormat {
    /** PDF/X-4 (ISO 15930-7): one page, the art as a DeviceCMYK image, the stock's profile as output intent. */
    PDF_X4("pdfx4"),
    /** Baseline TIFF, 8-bit CMYK (separated), Adobe Deflate, the stock's ICC profile embedded. */
    TIFF("tiff");

    private final String wireName;

    PrintFileFormat(String wireName) {
        this.wireName = wireName;
    }

    /** {@code pdfx4} or {@code tiff}, as orders and lanes name them. */
    public String wireName() {
        return wireName;
    }

    public static PrintFileFormat parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (PrintFileFormat f : values()) {
            if (f.wireName.equals(t)) {
                return f;
            }
        }
        throw new IllegalArgumentException("print file format must be pdfx4 or tiff, not '" + text + "'");
    }
}
