package dev.platen.artwork;

import java.util.Locale;

/** The artwork formats Platen accepts, decided by magic bytes only. */
public enum ArtworkFormat {
    JPEG, PNG, TIFF, WEBP, PDF;

    /** The lower-case name used on the wire ({@code jpeg}, {@code png}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
