package dev.platen.testing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Artwork the tests make at the pixel sizes they need, each with a pixel that depends on its size so that every file
 * is different. {@link #png} is saturated (a red-to-blue gradient a press cannot fully print: the proof lane sends
 * it to review); {@link #printablePng} stays inside every bundled stock's gamut and has detail at print size, so
 * that the proof lane lets it through on its own when it fits its tier. {@link #neon} is a flat design in screen
 * colours no CMYK stock prints (pure RGB green and magenta), the clearest case for an out-of-gamut review.
 */
public final class TestArtwork {

    private TestArtwork() {
    }

    public static byte[] png(int width, int height) {
        return encode(image(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return encode(image(width, height), "jpg");
    }

    public static byte[] printableJpeg(int width, int height) {
        return encode(printable(width, height), "jpg");
    }

    public static byte[] printablePng(int width, int height) {
        return encode(printable(width, height), "png");
    }

    /**
     * Large flat areas of pure RGB green with magenta bars (sharp edges, so nothing but its colour is wrong with it),
     * edge to edge, PNG.
     */
    public static byte[] neon(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0, 255, 0));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(255, 0, 255));
        for (int y = height / 8; y < height; y += height / 4) {
            g.fillRect(0, y, width, Math.max(1, height / 10));
        }
        g.dispose();
        image.setRGB(0, 0, (width * 31 + height) & 0xFFFFFF);
        return encode(image, "png");
    }

    /** Muted colours, a mid-grey disc and fine lines every few pixels (detail that survives scaling to print size). */
    private static BufferedImage printable(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(176, 156, 136), width, height, new Color(120, 136, 150)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(96, 96, 96));
        for (int x = 0; x < width; x += 6) {
            g.drawLine(x, 0, x, height);
        }
        g.setColor(new Color(140, 140, 140));
        g.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        image.setRGB(0, 0, (width * 31 + height) & 0x7F7F7F | 0x404040);
        return image;
    }

    /**
     * Untagged neutral art that clears the engine's checks at a tier it fits: grey only (inside any stock's
     * gamut), a soft gradient under sharp-edged grey blocks spread over all of it (crisp at print size, no empty
     * margins), different bytes for every seed. PNG.
     */
    public static byte[] neutral(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 90, 90), width, height, new Color(200, 200, 200)));
        g.fillRect(0, 0, width, height);
        java.util.Random random = new java.util.Random(seed);
        for (int k = 0; k < 60; k++) {
            int grey = 40 + random.nextInt(180);
            g.setColor(new Color(grey, grey, grey));
            int w = width / 20 + random.nextInt(Math.max(1, width / 5));
            int h = height / 20 + random.nextInt(Math.max(1, height / 5));
            g.fillRect(random.nextInt(Math.max(1, width - w)), random.nextInt(Math.max(1, height - h)), w, h);
        }
        g.dispose();
        return encode(image, "png");
    }

    private static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 30, 40), width, height, new Color(20, 60, 200)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        // a pixel that depends on the size, so two images of different sizes never share bytes by accident
        image.setRGB(0, 0, (width * 31 + height) & 0xFFFFFF);
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
