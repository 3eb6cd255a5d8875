package dev.platen.proof;

import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Product;
import dev.platen.catalog.TierPosition;
import org.jspecify.annotations.Nullable;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Objects;

/**
 * A plain, to-scale outline of the product, drawn in code, and the place of a tier's print area on it. Every
 * length here is in inches; {@link Mockup#PIXELS_PER_INCH} turns them into pixels.
 *
 * <p>The outlines (constants below) are generic sizes, not any supplier's pattern; what must be exact is the
 * print area relative to the outline's reference point, which comes from the tier. The catalog names the drawing
 * ({@code mockup:} in the product's file); a product that does not is a sheet or a panel, by its tier's anchor:
 * <ul>
 *   <li><b>Garment</b> ({@code mockup: garment}): body {@value #SHIRT_BODY_WIDTH} in
 *       wide and {@value #SHIRT_BODY_LENGTH} in from shoulder to hem (an adult L laid flat), sleeves
 *       {@value #SHIRT_SLEEVE} in out from each shoulder, a neck opening {@value #SHIRT_NECK_WIDTH} in wide whose
 *       front drops {@value #SHIRT_NECK_DROP} in. The reference of a {@code top-center} tier is the bottom of the
 *       front neckline on the centre line ("below the collar seam").</li>
 *   <li><b>Mug</b> ({@code mockup: mug}): the wrap band unrolled, {@value #MUG_WRAP_WIDTH} x
 *       {@value #MUG_WRAP_HEIGHT} in (an 11 oz mug's printable band), with the handle at both ends where the
 *       seam is; reference: the middle of the band's top edge, i.e. opposite the handle.</li>
 *   <li><b>Sheet</b> ({@code mockup: sheet}, or not said with a {@code top-left} tier) and <b>sticker</b>
 *       ({@code mockup: sticker}): the trim is the
 *       placement's largest tier, drawn with the product's bleed around it (dashed) and, for a sticker, rounded
 *       die-cut corners; reference: the trim's top-left corner.</li>
 *   <li><b>Panel</b> ({@code mockup: panel}, or not said with a {@code top-center} tier): a plain panel one inch wider than the largest tier on each
 *       side, reference at its top centre.</li>
 * </ul>
 * A margin of {@value #MARGIN} in goes round every drawing.
 */
final class ProductDrawing {

    static final double MARGIN = 1.0;
    static final double SHIRT_BODY_WIDTH = 22;
    static final double SHIRT_BODY_LENGTH = 28;
    static final double SHIRT_SLEEVE = 7;
    static final double SHIRT_NECK_WIDTH = 7;
    static final double SHIRT_NECK_DROP = 3;
    static final double MUG_WRAP_WIDTH = 9.5;
    static final double MUG_WRAP_HEIGHT = 3.75;
    static final double MUG_HANDLE = 1.5;
    static final double STICKER_CORNER = 0.25;

    static final Color BACKGROUND = new Color(0xE4E4E4);
    static final Color PRODUCT = Color.WHITE;
    static final Color EDGE = new Color(0x5A5A5A);
    /** The print area's frame: a blue that no stock proof of white or of the art's edge is likely to produce. */
    static final Color FRAME = new Color(0x1F6FEB);
    /** Width in pixels of the frame, drawn outside the print area so it never covers the proof. */
    static final int FRAME_WIDTH = 2;

    enum Kind { GARMENT, MUG, SHEET, STICKER, PANEL }

    /**
     * The outline's size and the reference point a tier's position is measured from, in inches from the drawing's
     * top-left.
     */
    record Frame(Kind kind, double width, double height, Point2D.Double reference, Rectangle2D.@Nullable Double trim,
                 double bleed) {
    }

    private ProductDrawing() {
    }

    /** As the catalog says ({@code mockup:}); a product that does not is a sheet or a panel, by its tier's anchor. */
    static Kind kindOf(Product product, LayoutTier tier) {
        if (product.mockup() != null) {
            return Kind.valueOf(product.mockup().name());
        }
        return tier.position().anchor() == TierPosition.Anchor.TOP_LEFT ? Kind.SHEET : Kind.PANEL;
    }

    /** The placement's largest tier (tiers are listed largest first); the tier itself if no placement holds it. */
    static LayoutTier largest(Product product, LayoutTier tier) {
        for (Placement placement : product.placements()) {
            for (LayoutTier t : placement.tiers()) {
                if (t.id().equals(tier.id())) {
                    return placement.largestTier();
                }
            }
        }
        return tier;
    }

    static Frame frame(Product product, LayoutTier tier) {
        Kind kind = kindOf(product, tier);
        LayoutTier largest = largest(product, tier);
        double largestW = largest.printArea().widthInches().doubleValue();
        double largestH = largest.printArea().heightInches().doubleValue();
        return switch (kind) {
            case GARMENT -> {
                double width = SHIRT_BODY_WIDTH + 2 * SHIRT_SLEEVE + 2 * MARGIN;
                double height = SHIRT_BODY_LENGTH + 2 * MARGIN;
                yield new Frame(kind, width, height, new Point2D.Double(width / 2, MARGIN + SHIRT_NECK_DROP), null, 0);
            }
            case MUG -> {
                double width = MUG_WRAP_WIDTH + 2 * MUG_HANDLE + 2 * MARGIN;
                double height = MUG_WRAP_HEIGHT + 2 * MARGIN;
                yield new Frame(kind, width, height, new Point2D.Double(width / 2, MARGIN), null, 0);
            }
            case SHEET, STICKER -> {
                double bleed = product.bleedInches();
                double x = MARGIN + bleed;
                yield new Frame(kind, largestW + 2 * x, largestH + 2 * x, new Point2D.Double(x, x),
                        new Rectangle2D.Double(x, x, largestW, largestH), bleed);
            }
            case PANEL -> {
                double width = largestW + 2 + 2 * MARGIN;
                double y = tier.position().yInches();
                double height = largestH + y + 1 + 2 * MARGIN;
                yield new Frame(kind, width, height, new Point2D.Double(width / 2, MARGIN), null, 0);
            }
        };
    }

    /** The tier's print area in inches on the drawing. */
    static Rectangle2D.Double printAreaInches(Frame frame, LayoutTier tier) {
        double w = tier.printArea().widthInches().doubleValue();
        double h = tier.printArea().heightInches().doubleValue();
        TierPosition position = tier.position();
        double left = position.anchor() == TierPosition.Anchor.TOP_CENTER
                ? frame.reference().x + position.xInches() - w / 2
                : frame.reference().x + position.xInches();
        return new Rectangle2D.Double(left, frame.reference().y + position.yInches(), w, h);
    }

    /** Inches to whole pixels, edge by edge, so that adjacent lengths add up. */
    static Rectangle toPixels(Rectangle2D.Double inches, int ppi) {
        int left = (int) Math.round(inches.x * ppi);
        int top = (int) Math.round(inches.y * ppi);
        int right = (int) Math.round((inches.x + inches.width) * ppi);
        int bottom = (int) Math.round((inches.y + inches.height) * ppi);
        return new Rectangle(left, top, right - left, bottom - top);
    }

    static Mockup draw(Product product, LayoutTier tier, BufferedImage proof, String caption) {
        int ppi = Mockup.PIXELS_PER_INCH;
        Frame frame = frame(product, tier);
        int width = (int) Math.ceil(frame.width() * ppi);
        int height = (int) Math.ceil(frame.height() * ppi);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.scale(ppi, ppi);
            g.setStroke(new BasicStroke(2f / ppi));
            outline(g, frame);
            g.setTransform(new java.awt.geom.AffineTransform());

            Rectangle area = toPixels(printAreaInches(frame, tier), ppi);
            place(image, proof, area);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(FRAME);
            for (int i = 1; i <= FRAME_WIDTH; i++) {
                g.drawRect(area.x - i, area.y - i, area.width + 2 * i - 1, area.height + 2 * i - 1);
            }
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(EDGE);
            int size = captionSize(width);
            label(g, caption, width - 12, size + 4, size);
            label(g, String.format(Locale.ROOT, "%s, %s; %d px = 1 in", tier.name(), tier.printArea(), ppi),
                    width - 12, height - 8, size);
            return new Mockup(image, area, ppi);
        } finally {
            g.dispose();
        }
    }

    /**
     * The captions' size for a drawing {@code width} px wide: 1/48 of it, at least 15 px. The review page shows a
     * shirt's 1520 px drawing in about 870 CSS px at a laptop's width, so its captions come out at 18 px there (a
     * fixed 13 px came out at 7); a mug's or a sticker's narrow drawing is shown about as it is, at 15 px. Either fits
     * the drawing's 1 in margin at {@link Mockup#PIXELS_PER_INCH}.
     */
    static int captionSize(int width) {
        return Math.max(15, Math.round(width / 48f));
    }

    /**
     * A caption in the margin, in a smaller size when the drawing is narrow (a 2 in sticker is under 200 px wide);
     * at the smallest size whatever still does not fit is cut at the edge.
     */
    private static void label(Graphics2D g, String text, int maxWidth, int baseline, int size) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        while (size > 8 && g.getFontMetrics().stringWidth(text) > maxWidth) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, --size));
        }
        g.drawString(text, 6, baseline);
    }

    private static void outline(Graphics2D g, Frame frame) {
        java.awt.Shape shape = switch (frame.kind()) {
            case GARMENT -> shirt(frame.reference().x, MARGIN);
            case MUG -> {
                double left = frame.reference().x - MUG_WRAP_WIDTH / 2;
                Path2D.Double handles = new Path2D.Double();
                double handleTop = MARGIN + MUG_WRAP_HEIGHT * 0.2;
                double handleHeight = MUG_WRAP_HEIGHT * 0.6;
                handles.append(new RoundRectangle2D.Double(left - MUG_HANDLE, handleTop, MUG_HANDLE + 0.5,
                        handleHeight, 1, 1), false);
                handles.append(new RoundRectangle2D.Double(left + MUG_WRAP_WIDTH - 0.5, handleTop, MUG_HANDLE + 0.5,
                        handleHeight, 1, 1), false);
                g.setColor(PRODUCT);
                g.fill(handles);
                g.setColor(EDGE);
                g.draw(handles);
                yield new Rectangle2D.Double(left, MARGIN, MUG_WRAP_WIDTH, MUG_WRAP_HEIGHT);
            }
            case SHEET, STICKER -> {
                Rectangle2D.Double trim = Objects.requireNonNull(frame.trim(),
                        "a sheet's or sticker's frame has a trim");
                double b = frame.bleed();
                if (b > 0) {
                    Rectangle2D.Double bleed = new Rectangle2D.Double(trim.x - b, trim.y - b, trim.width + 2 * b,
                            trim.height + 2 * b);
                    g.setColor(new Color(0xF4F4F4));
                    g.fill(bleed);
                    g.setColor(EDGE);
                    java.awt.Stroke solid = g.getStroke();
                    g.setStroke(new BasicStroke(1f / 40, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1,
                            new float[] {0.15f, 0.1f}, 0));
                    g.draw(bleed);
                    g.setStroke(solid);
                }
                yield frame.kind() == Kind.STICKER
                        ? new RoundRectangle2D.Double(trim.x, trim.y, trim.width, trim.height, 2 * STICKER_CORNER,
                        2 * STICKER_CORNER)
                        : trim;
            }
            case PANEL -> new Rectangle2D.Double(MARGIN, MARGIN, frame.width() - 2 * MARGIN,
                    frame.height() - 2 * MARGIN);
        };
        g.setColor(PRODUCT);
        g.fill(shape);
        g.setColor(EDGE);
        g.draw(shape);
    }

    /** A flat T-shirt front; the neckline's lowest point is exactly the reference point. */
    static Path2D.Double shirt(double cx, double top) {
        double half = SHIRT_BODY_WIDTH / 2;
        double neck = SHIRT_NECK_WIDTH / 2;
        double hem = top + SHIRT_BODY_LENGTH;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(cx - neck, top);
        p.lineTo(cx - half, top + 1.5);                         // shoulder seam
        p.lineTo(cx - half - SHIRT_SLEEVE, top + 6.5);          // sleeve, top edge
        p.lineTo(cx - half - SHIRT_SLEEVE + 2.5, top + 9.5);    // sleeve hem
        p.lineTo(cx - half, top + 8);                           // armpit
        p.lineTo(cx - half, hem);
        p.lineTo(cx + half, hem);
        p.lineTo(cx + half, top + 8);
        p.lineTo(cx + half + SHIRT_SLEEVE - 2.5, top + 9.5);
        p.lineTo(cx + half + SHIRT_SLEEVE, top + 6.5);
        p.lineTo(cx + half, top + 1.5);
        p.lineTo(cx + neck, top);
        // A quadratic's midpoint is (P0 + 2C + P2) / 4: control at twice the drop puts the lowest point at the drop.
        p.quadTo(cx, top + 2 * SHIRT_NECK_DROP, cx - neck, top);
        p.closePath();
        return p;
    }

    /**
     * The proof fitted "contain" into the print area and centred; reduced with the area-average filter (the usual
     * case, a 2048 px proof into a few hundred pixels), enlarged bilinearly when the proof is smaller (and drawn
     * clipped if a malformed tier reaches past the drawing).
     */
    static void place(BufferedImage canvas, BufferedImage proof, Rectangle area) {
        double scale = Math.min((double) area.width / proof.getWidth(), (double) area.height / proof.getHeight());
        int w = Math.max(1, Math.min(area.width, (int) Math.round(proof.getWidth() * scale)));
        int h = Math.max(1, Math.min(area.height, (int) Math.round(proof.getHeight() * scale)));
        int x = area.x + (area.width - w) / 2;
        int y = area.y + (area.height - h) / 2;
        boolean inside = new Rectangle(0, 0, canvas.getWidth(), canvas.getHeight()).contains(new Rectangle(x, y, w, h));
        if (inside && w <= proof.getWidth() && h <= proof.getHeight()) {
            ScreenImage fitted = ScreenImage.areaAverage(proof, w, h);
            canvas.setRGB(x, y, w, h, fitted.rgb(), 0, w);
        } else {
            Graphics2D g = canvas.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(proof, x, y, w, h, null);
            } finally {
                g.dispose();
            }
        }
    }
}
