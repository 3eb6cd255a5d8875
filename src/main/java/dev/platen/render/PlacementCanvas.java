package dev.platen.render;

import dev.platen.catalog.PrintArea;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where the art lands on the print file's canvas, in whole pixels at the tier's target DPI.
 *
 * <p><b>Canvas.</b> The canvas is the bleed box, trim plus bleed on every side: {@code round((trim + 2 x bleed)
 * x dpi)} pixels on each axis, and the trim (the tier's print area) {@code round(trim x dpi)} pixels, both rounded
 * half up from the exact decimal size (a 101.6 mm area is exactly 4 in, 1200 px at 300 DPI). Rounding the bleed box
 * as a whole keeps it true to size: an 18.25 in poster is 5475 px at 300 DPI, where rounding 0.125 in of bleed per
 * side first (37.5 px, so 38) would make it 5476. The trim sits centred in the canvas; when the bleed is a
 * fractional number of pixels the odd pixel goes right and down. The PDF's MediaBox and BleedBox are the canvas
 * pixels at 72/dpi points each, so image pixels and page coincide exactly; its TrimBox is the print area's nominal
 * size centred in it. Both agree with the nominal sizes within half a pixel (0.04 mm at 300 DPI).
 *
 * <p><b>Fit.</b> The art is fitted "contain" into the trim: scaled uniformly until it meets the trim on one axis
 * and fits on the other, centred, the odd pixel of a split going right and down. This is the fit preflight's
 * effective DPI was judged on ({@code dev.platen.preflight.EffectiveDpi}), so what was approved is what prints.
 * The scaled size is rounded half up to whole pixels; when the art's aspect ratio is the trim's within one pixel
 * the art is snapped to the full trim (a stretch of at most one pixel) instead of leaving a white hairline at the
 * cut. The canvas is always at the target DPI, so the art is resampled to the canvas grid: up from art below the
 * target DPI (preflight has already checked it reaches the tier's minimum), down from art above it. It is never
 * rendered above the tier's resolution.
 *
 * <p><b>Bleed.</b> Art must not stop at the cut line, or a cut that drifts leaves a white edge; but cropping the
 * customer's art to "cover" the bleed box would cut into the composition that preflight approved (all of it for
 * a landscape photo on a portrait poster). So on every axis where the fitted art reaches both trim edges, the
 * bleed is filled by mirroring the art outward at its edge (the "mirror bleed" prepress tools offer): the pixel
 * one outside the trim repeats the pixel one inside, and so on. On an axis where the art does not reach the trim
 * (a portrait image on a landscape area) the sides are paper, trim and bleed alike. Outside the art is paper: no
 * ink, CMYK 0/0/0/0.
 *
 * @param dpi          the tier's target DPI: canvas pixels per inch
 * @param widthPx      canvas width, trim plus bleed on both sides
 * @param heightPx     canvas height, likewise
 * @param trimX        left edge of the trim on the canvas: the left bleed in pixels
 * @param trimY        top edge of the trim on the canvas: the top bleed in pixels
 * @param trimWidthPx  the print area's width
 * @param trimHeightPx the print area's height
 * @param artX         left edge of the fitted art on the canvas
 * @param artY         top edge of the fitted art on the canvas
 * @param artWidthPx   the art's width once resampled to the canvas grid
 * @param artHeightPx  the art's height once resampled
 * @param trimWidthPt  the print area's nominal width in PDF points (1/72 in), for the TrimBox
 * @param trimHeightPt the print area's nominal height in points
 */
record PlacementCanvas(int dpi, int widthPx, int heightPx, int trimX, int trimY, int trimWidthPx, int trimHeightPx,
                       int artX, int artY, int artWidthPx, int artHeightPx, double trimWidthPt, double trimHeightPt) {

    /** No real canvas comes near it, but a 100 x 100 in area at 2400 DPI must not overflow an int. */
    private static final long MAX_SIDE_PX = 1_000_000;
    private static final BigDecimal POINTS_PER_INCH = BigDecimal.valueOf(72);

    static PlacementCanvas fit(PrintArea area, double bleedInches, int dpi, int artWidthPx, int artHeightPx) {
        if (artWidthPx <= 0 || artHeightPx <= 0) {
            throw new IllegalArgumentException("art has no pixels: " + artWidthPx + "x" + artHeightPx);
        }
        BigDecimal ppi = BigDecimal.valueOf(dpi);
        BigDecimal bleedBoth = BigDecimal.valueOf(bleedInches).multiply(BigDecimal.valueOf(2));
        BigDecimal widthIn = area.widthInches();
        BigDecimal heightIn = area.heightInches();
        int trimW = pixels(widthIn.multiply(ppi));
        int trimH = pixels(heightIn.multiply(ppi));
        int canvasW = pixels(widthIn.add(bleedBoth).multiply(ppi));
        int canvasH = pixels(heightIn.add(bleedBoth).multiply(ppi));
        if (trimW <= 0 || trimH <= 0) {
            throw new IllegalArgumentException("print area " + area + " is less than a pixel at " + dpi + " DPI");
        }
        // Contain: the axis with the smaller scale decides. Compare trimW/artW with trimH/artH exactly, in longs.
        boolean widthDecides = (long) trimW * artHeightPx <= (long) trimH * artWidthPx;
        int w;
        int h;
        if (widthDecides) {
            w = trimW;
            h = pixels(BigDecimal.valueOf((long) artHeightPx * trimW)
                    .divide(BigDecimal.valueOf(artWidthPx), 0, RoundingMode.HALF_UP));
        } else {
            h = trimH;
            w = pixels(BigDecimal.valueOf((long) artWidthPx * trimH)
                    .divide(BigDecimal.valueOf(artHeightPx), 0, RoundingMode.HALF_UP));
        }
        // Within a pixel of the trim's aspect ratio: fill the trim rather than leave a one-pixel paper line.
        if (trimW - w <= 1) {
            w = trimW;
        }
        if (trimH - h <= 1) {
            h = trimH;
        }
        w = Math.max(1, w);
        h = Math.max(1, h);
        int trimX = (canvasW - trimW) / 2;
        int trimY = (canvasH - trimH) / 2;
        return new PlacementCanvas(dpi, canvasW, canvasH, trimX, trimY, trimW, trimH,
                trimX + (trimW - w) / 2, trimY + (trimH - h) / 2, w, h,
                widthIn.multiply(POINTS_PER_INCH).doubleValue(), heightIn.multiply(POINTS_PER_INCH).doubleValue());
    }

    /** Rounds half up to whole pixels. */
    private static int pixels(BigDecimal value) {
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.compareTo(BigDecimal.valueOf(MAX_SIDE_PX)) > 0) {
            throw new IllegalArgumentException(rounded + " px is more than a canvas side may have");
        }
        return rounded.intValueExact();
    }

    /** Whether the bleed left and right is mirrored art (the art spans the trim's width) rather than paper. */
    boolean mirrorsAcross() {
        return widthPx > trimWidthPx && artWidthPx == trimWidthPx;
    }

    /** Whether the bleed at top and bottom is mirrored art. */
    boolean mirrorsDown() {
        return heightPx > trimHeightPx && artHeightPx == trimHeightPx;
    }

    /** The column of the resampled art that canvas column {@code x} shows, or -1 for paper. */
    int artColumn(int x) {
        return source(x - artX, artWidthPx, mirrorsAcross());
    }

    /** The row of the resampled art that canvas row {@code y} shows, or -1 for paper. */
    int artRow(int y) {
        return source(y - artY, artHeightPx, mirrorsDown());
    }

    /** Reflects about the art's edge: -1 shows 0, -2 shows 1; n shows n-1. Bleed wider than the art clamps. */
    private static int source(int i, int size, boolean mirror) {
        if (i >= 0 && i < size) {
            return i;
        }
        if (!mirror) {
            return -1;
        }
        int reflected = i < 0 ? -i - 1 : 2 * size - i - 1;
        return Math.max(0, Math.min(size - 1, reflected));
    }

    /** Points per pixel: PDF user space is 1/72 in. */
    double pointsPerPixel() {
        return 72.0 / dpi;
    }
}
