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
    static final int LABEL_BAND = 32;

    private BeforeAfter() {
    }

    static BufferedImage draw(BufferedImage art, String artLabel, BufferedImage proof, String proofLabel) {
        int[] size = ScreenImage.size(art.getWidth(), art.getHeight(), HALF_LONG_EDGE);
        int w = size[0];
        int h = size[1];
        BufferedImage left = ScreenImage.areaAverage(art, w, h).toImage();
        BufferedImage right = ScreenImage.areaAverage(proof, w, h).toImage();
        int width = 2 * w + 3 * GAP;
        int height = h + LABEL_BAND + GAP;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x303030));
            g.fillRect(0, 0, width, height);
            g.drawImage(left, GAP, LABEL_BAND, null);
            g.drawImage(right, 2 * GAP + w, LABEL_BAND, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.setClip(0, 0, GAP + w, LABEL_BAND);
            g.drawString(artLabel, GAP, 21);
            g.setClip(GAP + w, 0, GAP + w, LABEL_BAND);
            g.drawString(proofLabel, 2 * GAP + w, 21);
        } finally {
            g.dispose();
        }
        return image;
    }
}
