package dev.platen.preflight;

import dev.platen.artwork.ArgbRows;
import dev.platen.preflight.QualityFinding.Severity;
import org.jspecify.annotations.Nullable;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code EMPTY_MARGINS}: a wide empty border, transparent or paper white, around the content. The whole canvas is
 * scaled into the print area, so the border takes space the design could have had: a logo on a big white or
 * transparent canvas prints small. Measured on the art's own pixels, so the trim box is exact.
 *
 * <p>Metric: the share of the art's area outside the bounding box of its content. The border colour is the colour at
 * least three of the four corners agree on (within {@value #TOLERANCE} of 255 per channel, to absorb JPEG noise on a
 * flat white); without such agreement the art has no uniform border and scores 0. Only an empty border counts:
 * transparent (nothing is printed there) or paper white (within the same tolerance of white: on paper it is the
 * paper, on a white garment no ink). A flat border of any other colour is the designer's background (a poster on
 * dark blue, a photo's black studio backdrop): it prints as ink edge to edge, so it scores 0 like art without a
 * border, and trimming it would change the design. A pixel is border when it is
 * (nearly) fully transparent (alpha below {@value #TRANSPARENT}, invisible whatever its colour) or, for an opaque
 * border, within tolerance of the border colour. The box is found by scanning in from each side until content
 * appears, so the cost is about the border's area plus one row per side; a single stray speck in the border stops
 * the scan there, which errs towards suggesting too little trim, never cutting content.
 *
 * <p>Defaults: {@value #DEFAULT_WARNING} (a quarter of the canvas empty; a 12% border all round) is where the design
 * prints visibly smaller than the customer placed it; {@value #DEFAULT_PROBLEM} (60%) means the content prints at
 * under about 60% of the size it could have. On the labelled set ({@code LanesChecksRun}): the logo lost in its
 * transparent canvas (1 % of it) reads 0.995; the 3000 px logos drawn with a 500 px transparent border all round
 * 0.55 (a WARNING, which does not hold the placement); every photo 0.
 */
final class MarginCheck {

    static final String CODE = "EMPTY_MARGINS";
    static final double DEFAULT_WARNING = 0.25;
    static final double DEFAULT_PROBLEM = 0.60;
    static final String UNIT = "share of art area";

    static final int TOLERANCE = 16;
    static final int TRANSPARENT = 8;
    /** Opaque white: the paper, or on a garment no ink. */
    static final int PAPER_WHITE = 0xffffffff;

    private final Levels levels;

    MarginCheck(double warningAt, double problemAt) {
        this.levels = Levels.higherIsWorse(warningAt, problemAt);
    }

    MarginCheck() {
        this(DEFAULT_WARNING, DEFAULT_PROBLEM);
    }

    /**
     * @param emptyShare the share of the art outside the content box (1 when the art is all border)
     * @param content    the content box; empty when the art has no uniform border or is all border
     * @param border     a word for the border, "transparent" or its hex colour; null when there is none
     */
    record Measurement(double emptyShare, Optional<TrimSuggestion> content, @Nullable String border) {
    }

    static Measurement measure(BufferedImage art) {
        int w = art.getWidth();
        int h = art.getHeight();
        Integer border = borderColour(art);
        if (border == null) {
            return new Measurement(0, Optional.empty(), null);
        }
        String name = Luma.alpha(border) < TRANSPARENT ? "transparent"
                : String.format(Locale.ROOT, "#%06X", border & 0xffffff);
        int[] row = new int[w];
        ArgbRows rows = ArgbRows.of(art);
        int top = 0;
        while (top < h && rowIsBorder(rows, top, 0, w, border, row)) {
            top++;
        }
        if (top == h) {
            return new Measurement(1.0, Optional.empty(), name);
        }
        int bottom = h - 1;
        while (bottom > top && rowIsBorder(rows, bottom, 0, w, border, row)) {
            bottom--;
        }
        // Left and right edges of the content: each row only needs reading outside the box found so far.
        int left = w;
        int right = -1;
        for (int y = top; y <= bottom; y++) {
            if (left > 0) {
                rows.read(0, y, left, row, 0);
                for (int x = 0; x < left; x++) {
                    if (!isBorder(row[x], border)) {
                        left = x;
                        break;
                    }
                }
            }
            int from = Math.max(right + 1, left);
            if (from < w) {
                rows.read(from, y, w - from, row, 0);
                for (int x = w - 1; x >= from; x--) {
                    if (!isBorder(row[x - from], border)) {
                        right = x;
                        break;
                    }
                }
            }
        }
        TrimSuggestion box = new TrimSuggestion(left, top, right - left + 1, bottom - top + 1);
        double empty = 1.0 - (double) box.width() * box.height() / ((double) w * h);
        return new Measurement(empty, Optional.of(box), name);
    }

    /**
     * The colour at least three corners share, when it is empty: transparent, or paper white. Any other flat colour
     * is a background the designer chose (a poster on dark blue), which prints as ink, so it is not empty border.
     */
    private static @Nullable Integer borderColour(BufferedImage art) {
        Integer shared = sharedCorner(art);
        return shared != null && (Luma.alpha(shared) < TRANSPARENT || isBorder(shared, PAPER_WHITE)) ? shared : null;
    }

    /** The colour at least three corners share, or null. */
    private static @Nullable Integer sharedCorner(BufferedImage art) {
        int w = art.getWidth();
        int h = art.getHeight();
        int[] corners = {art.getRGB(0, 0), art.getRGB(w - 1, 0), art.getRGB(0, h - 1), art.getRGB(w - 1, h - 1)};
        for (int candidate : corners) {
            int agree = 0;
            for (int other : corners) {
                if (isBorder(other, candidate)) {
                    agree++;
                }
            }
            if (agree >= 3) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean rowIsBorder(ArgbRows rows, int y, int from, int to, int border, int[] row) {
        rows.read(from, y, to - from, row, 0);
        for (int x = 0; x < to - from; x++) {
            if (!isBorder(row[x], border)) {
                return false;
            }
        }
        return true;
    }

    static boolean isBorder(int argb, int border) {
        if (Luma.alpha(argb) < TRANSPARENT) {
            return true; // invisible whatever colour it carries
        }
        if (Luma.alpha(border) < TRANSPARENT || Luma.alpha(argb) < 255 - TRANSPARENT) {
            return false;
        }
        return Math.abs(((argb >> 16) & 0xff) - ((border >> 16) & 0xff)) <= TOLERANCE
                && Math.abs(((argb >> 8) & 0xff) - ((border >> 8) & 0xff)) <= TOLERANCE
                && Math.abs((argb & 0xff) - (border & 0xff)) <= TOLERANCE;
    }

    Optional<QualityFinding> check(BufferedImage art) {
        Measurement m = measure(art);
        return levels.severityOf(m.emptyShare()).map(severity -> {
            String message = m.content()
                    .map(box -> String.format(Locale.ROOT, "%.0f%% of the art is empty %s border; trimmed to %s "
                                    + "the content would print larger.", 100 * m.emptyShare(), m.border(), box))
                    .orElse("The art is all " + m.border() + " border: there is nothing to print.");
            return new QualityFinding(CODE, severity, m.emptyShare(), levels.limitFor(severity), UNIT, message,
                    m.content());
        });
    }
}
