package dev.platen.render;

import dev.platen.testing.PrintTools;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.PrintArea;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Set;

/** Synthetic art and jobs for the render tests. */
final class TestJobs {

    static final String ARTWORK_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** When the test art was received: the date its print files carry (milliseconds, which the files drop). */
    static final java.time.Instant RECEIVED = java.time.Instant.parse("2025-03-01T10:15:30.250Z");

    private TestJobs() {
    }

    static Provenance provenance() {
        return new Provenance(ARTWORK_SHA, RECEIVED, "relative-colorimetric", true, "poster", "face", "poster-12x16",
                "0.1.0-test");
    }

    static OutputCondition stock() throws IOException {
        return new OutputCondition("platen-coated-gloss", "Coated gloss art paper (Ghostscript default CMYK)",
                PrintTools.stockProfile());
    }

    static RenderJob job(BufferedImage art, PrintArea area, double bleed, int dpi, CmykConversion conversion,
                         Set<PrintFileFormat> formats) throws IOException {
        return new RenderJob(art, area, bleed, dpi, conversion, stock(), formats, provenance());
    }

    /**
     * Opaque art with features a sampler can check: four flat quadrants (red, green, blue, a grey) so that points
     * well inside each have one exact colour at any scale, and a gradient strip along the bottom.
     */
    static BufferedImage quadrants(int width, int height) {
        BufferedImage art = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = art.createGraphics();
        g.setColor(new Color(220, 30, 40));
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(new Color(20, 160, 60));
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(new Color(30, 60, 200));
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(new Color(90, 90, 90));
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.setPaint(new GradientPaint(0, 0, Color.BLACK, width, 0, Color.YELLOW));
        g.fillRect(0, height * 7 / 8, width, height / 8);
        g.dispose();
        return art;
    }
}
