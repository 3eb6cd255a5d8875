package dev.platen.preflight;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.PdfLayout;
import dev.platen.artwork.PlacedImage;
import dev.platen.catalog.PrintArea;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The resolution artwork will actually print at once it is scaled to a print area, in pixels per inch.
 *
 * <p>Raster art is placed "contain": scaled uniformly until it touches the area's edges on one axis and fits
 * inside on the other. The scale is therefore {@code min(widthIn / widthPx, heightIn / heightPx)} inches per
 * pixel, and the art prints at its inverse, {@code max(widthPx / widthIn, heightPx / heightIn)} pixels per inch.
 * (The design card's {@code min(widthPx / widthIn, heightPx / heightIn)} is the DPI of a "cover" fit that fills
 * the area and crops; for contain it understates the resolution of art whose aspect ratio differs from the
 * area's, and would downgrade a 3000 x 1500 px banner that prints 12 x 6 in at 250 DPI on a 12 x 16 area. For art
 * of the area's own aspect ratio the two agree.) How much of the area such art leaves empty is a separate matter
 * for preflight, not a resolution limit.
 *
 * <p>Vector-only art has no resolution limit.
 *
 * @param value     pixels per inch, or {@link Double#POSITIVE_INFINITY} for vector-only art
 */
public record EffectiveDpi(double value) {

    /**
     * Slack for the "meets the minimum" comparison. The maths is exact for whole-pixel art on inch and mm
     * areas (BigDecimal), but PDF placement comes from a floating-point matrix; a billionth of a DPI absorbs
     * that without letting 0.01 DPI below the minimum pass.
     */
    private static final double TOLERANCE = 1e-9;

    public static final EffectiveDpi UNLIMITED = new EffectiveDpi(Double.POSITIVE_INFINITY);

    public static EffectiveDpi of(ArtworkHeader header, PrintArea area) {
        PdfLayout pdf = header.pdf();
        if (pdf != null) {
            return ofPdf(pdf, area);
        }
        Integer width = header.widthPx();
        Integer height = header.heightPx();
        if (width == null || height == null) {
            throw new IllegalArgumentException("a raster header without its pixel size");
        }
        return ofRaster(width, height, area);
    }

    public static EffectiveDpi ofRaster(int widthPx, int heightPx, PrintArea area) {
        BigDecimal perInch = area.unit().perInch();
        BigDecimal across = BigDecimal.valueOf(widthPx).multiply(perInch).divide(area.width(), MathContext.DECIMAL64);
        BigDecimal down = BigDecimal.valueOf(heightPx).multiply(perInch).divide(area.height(), MathContext.DECIMAL64);
        return new EffectiveDpi(across.max(down).doubleValue());
    }

    /**
     * Each raster image in the PDF counts at the size it is drawn once the page is scaled "contain" into the
     * area. An image fills the rectangle it is drawn in, stretched if the PDF says so, so its worse axis decides
     * ({@code min} of its two pixels-per-inch); across images, the worst image decides. A page with no raster
     * images is vector art and never limits.
     */
    public static EffectiveDpi ofPdf(PdfLayout pdf, PrintArea area) {
        double areaWidthPt = area.widthInches().doubleValue() * 72.0;
        double areaHeightPt = area.heightInches().doubleValue() * 72.0;
        double pageScale = Math.min(areaWidthPt / pdf.pageWidthPt(), areaHeightPt / pdf.pageHeightPt());
        double worst = Double.POSITIVE_INFINITY;
        for (PlacedImage image : pdf.images()) {
            double widthIn = image.placedWidthPt() * pageScale / 72.0;
            double heightIn = image.placedHeightPt() * pageScale / 72.0;
            if (widthIn <= 0 || heightIn <= 0) {
                continue; // drawn at zero size: invisible, prints nothing
            }
            worst = Math.min(worst, Math.min(image.widthPx() / widthIn, image.heightPx() / heightIn));
        }
        return new EffectiveDpi(worst);
    }

    public boolean unlimited() {
        return Double.isInfinite(value);
    }

    public boolean meets(int minimumDpi) {
        return value >= minimumDpi - TOLERANCE;
    }

    /** Rounded half-up to 0.1 DPI, as reported; null for vector-only art. */
    public @Nullable BigDecimal rounded() {
        return unlimited() ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
