package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.Product;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Everything needed to make the print files of one placement.
 *
 * <p>The art is the decoded first frame or page, whole: decoding gives a full {@link BufferedImage} for now. It
 * is the only full-size image a render holds; the canvas is produced a band of rows at a time from it.
 *
 * @param art             the decoded artwork, EXIF orientation already applied
 * @param printArea       the tier's print area: the trim size
 * @param bleedInches     the product's bleed, added on every side of the print area (0 for garments and mugs)
 * @param targetDpi       the tier's target resolution; the canvas is always rendered at it
 * @param conversion      RGB to the stock's CMYK, from the colour module
 * @param outputCondition the stock's profile and its name
 * @param formats         which files to write
 * @param provenance      written into every file
 */
record RenderJob(BufferedImage art, PrintArea printArea, double bleedInches, int targetDpi,
                        CmykConversion conversion, OutputCondition outputCondition, Set<PrintFileFormat> formats,
                        Provenance provenance) {

    public RenderJob {
        Objects.requireNonNull(art, "art");
        Objects.requireNonNull(printArea, "printArea");
        Objects.requireNonNull(conversion, "conversion");
        Objects.requireNonNull(outputCondition, "outputCondition");
        Objects.requireNonNull(provenance, "provenance");
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("at least one print file format is needed");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
        if (targetDpi <= 0) {
            throw new IllegalArgumentException("target DPI must be positive, not " + targetDpi);
        }
        if (!(bleedInches >= 0) || Double.isInfinite(bleedInches)) {
            throw new IllegalArgumentException("bleed must be zero or more inches, not " + bleedInches);
        }
    }

    /** A job for a tier of a product: print area and target DPI from the tier, bleed from the product. */
    public static RenderJob forTier(BufferedImage art, Product product, LayoutTier tier, CmykConversion conversion,
                                    OutputCondition outputCondition, Set<PrintFileFormat> formats,
                                    Provenance provenance) {
        return new RenderJob(art, tier.printArea(), product.bleedInches(), tier.targetDpi(), conversion,
                outputCondition, formats, provenance);
    }
}
