package dev.platen.proof;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The art as the customer's screen shows it beside its proof, same size, each labelled. Text uses the JDK's
 * logical {@code SansSerif} font, which every JDK maps to some installed face; no font files ship with Platen.
 */
final class BeforeAfter {

    /** Each half's long edge at most: two halves side by side stay within a 2048 px wide view. */
    static final int HALF_LONG_EDGE = 1024;
    static final int GAP = 16;
    /**
     * The labels' size in pixels, per pixel of a half's width. The page shows the whole view in a column under
     * 1000 CSS px wide (about 0.45 of its own pixels for two 1024 px halves); at 1/28 of a half, a 1024 px half's
     * labels are 37 px, 16 px on the page at 100 %, where a fixed 14 px came out at 6.
     */
    static final double LABEL_PER_WIDTH = 1.0 / 28;
    static final int LABEL_SMALLEST = 14;

    private BeforeAfter() {
    }

    static BufferedImage draw(BufferedImage art, String artLabel, BufferedImage proof, String proofLabel) {
        int[] size = ScreenImage.size(art.getWidth(), art.getHeight(), HALF_LONG_EDGE);
        int w = size[0];
        int h = size[1];
        BufferedImage left = ScreenImage.areaAverage(art, w, h).toImage();
        BufferedImage right = ScreenImage.areaAverage(proof, w, h).toImage();
        int font = labelSize(w);
        int band = labelBand(w);
        int width = 2 * w + 3 * GAP;
        int height = h + band + GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x303030));
            g.fillRect(0, 0, width, height);
            g.drawImage(left, GAP, band, null);
            g.drawImage(right, 2 * GAP + w, band, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, font));
            g.setClip(0, 0, GAP + w, band);
            label(g, artLabel, GAP, w);
            g.setClip(GAP + w, 0, GAP + w, band);
            label(g, proofLabel, 2 * GAP + w, w);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * A label on up to two lines, broken between words: at a size the page can show, "Proof on White cotton, direct
     * to garment, paper white simulated" is wider than a half. What does not fit on two lines is cut at the edge.
     */
    private static void label(Graphics2D g, String text, int x, int width) {
        java.awt.FontMetrics metrics = g.getFontMetrics();
        String first = text;
        String rest = "";
        while (metrics.stringWidth(first) > width && first.lastIndexOf(' ') > 0) {
            rest = first.substring(first.lastIndexOf(' ') + 1) + (rest.isEmpty() ? "" : " " + rest);
            first = first.substring(0, first.lastIndexOf(' '));
        }
        int lineHeight = metrics.getHeight();
        g.drawString(first, x, 4 + metrics.getAscent());
        if (!rest.isEmpty()) {
            g.drawString(rest, x, 4 + metrics.getAscent() + lineHeight);
        }
    }

    /** The labels' font size for halves {@code halfWidth} px wide. */
    static int labelSize(int halfWidth) {
        return Math.max(LABEL_SMALLEST, (int) Math.round(halfWidth * LABEL_PER_WIDTH));
    }

    /** The band above the halves that holds the labels: two lines of the font, with room between and round them. */
    static int labelBand(int halfWidth) {
        return labelSize(halfWidth) * 5 / 2 + 12;
    }
}
