package dev.platen.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a product's mockup is drawn as on the soft-proof sheet, as the catalog says ({@code mockup:} in its file).
 * A product that does not say is drawn as a flat sheet or panel, never guessed from its id or process: a "steel"
 * sign is no tee, and not every garment is printed by DTG.
 */
public enum MockupShape {
    /** A T-shirt's body, the print areas placed from the collar. */
    GARMENT,
    /** A mug's wrap band unrolled, with the handle at both ends. */
    MUG,
    /** A die-cut sticker: the trim with rounded corners and the bleed around it. */
    STICKER,
    /** A sheet (poster, card): the trim with the bleed around it. */
    SHEET,
    /** Any other flat surface, the print area centred on it. */
    PANEL;

    /** The shape a catalog file names, in lower case as it writes it. */
    public static Optional<MockupShape> named(String name) {
        return Arrays.stream(values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(name)).findFirst();
    }

    public String catalogName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
