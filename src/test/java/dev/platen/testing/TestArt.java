package dev.platen.testing;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Art the tests draw for themselves: nothing read from disk or fetched. */
public final class TestArt {

    private TestArt() {
    }

    /**
     * Photo-like art with crisp detail: a smooth two-way gradient (where JPEG blocks show), hard-edged shapes in
     * many colours, thin lines and type, and a little pixel noise like a camera's.
     */
    public static BufferedImage sharp(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage art = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // whole-picture getRGB/setRGB: a call per pixel made these fixtures a few per cent of the unit tests' CPU
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 60 + 140 * x / width;
                int g = 80 + 120 * y / height;
                int b = 200 - 100 * (x + y) / (width + height);
                pixels[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        art.setRGB(0, 0, width, height, pixels, 0, width);
        Graphics2D g = art.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int shapes = width * height / 4000;
        for (int i = 0; i < shapes; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int size = 5 + random.nextInt(Math.max(6, width / 8));
            switch (i % 3) {
                case 0 -> g.fillRect(x, y, size, size / 2 + 2);
                case 1 -> g.fillOval(x, y, size, size);
                default -> {
                    g.setStroke(new BasicStroke(1 + random.nextInt(3)));
                    g.drawLine(x, y, x + random.nextInt(width / 3) - width / 6, y + random.nextInt(height / 3)
                            - height / 6);
                }
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, height / 30)));
        for (int line = 1; line < 6; line++) {
            g.drawString("Platen prepress 0123456789", width / 20, line * height / 6);
        }
        g.dispose();
        art.getRGB(0, 0, width, height, pixels, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            int argb = pixels[i];
            int n = (int) Math.round(random.nextGaussian() * 2);
            pixels[i] = 0xff000000 | clamp(((argb >> 16) & 0xff) + n) << 16
                    | clamp(((argb >> 8) & 0xff) + n) << 8 | clamp((argb & 0xff) + n);
        }
        art.setRGB(0, 0, width, height, pixels, 0, width);
        return art;
    }

    /**
     * The art with its saturation cut to {@code keep} (0 grey, 1 unchanged), each pixel mixed with its own luma: the
     * random shapes of {@link #sharp} include screen colours no press prints, which a test of anything but gamut
     * wants out of the way.
     */
    public static BufferedImage muted(BufferedImage art, double keep) {
        int w = art.getWidth();
        int h = art.getHeight();
        int[] pixels = art.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            double luma = 0.299 * r + 0.587 * g + 0.114 * b;
            pixels[i] = clamp((int) Math.round(luma + keep * (r - luma))) << 16
                    | clamp((int) Math.round(luma + keep * (g - luma))) << 8
                    | clamp((int) Math.round(luma + keep * (b - luma)));
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    /** Gaussian blur of {@code sigma} pixels, separable, edges clamped; alpha blurred with the colour. */
    public static BufferedImage blurred(BufferedImage art, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= sum;
        }
        int w = art.getWidth();
        int h = art.getHeight();
        int[] pixels = art.getRGB(0, 0, w, h, null, 0, w);
        double[][] across = new double[4][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = -radius; k <= radius; k++) {
                    int argb = pixels[y * w + Math.min(w - 1, Math.max(0, x + k))];
                    for (int c = 0; c < 4; c++) {
                        across[c][y * w + x] += kernel[k + radius] * ((argb >>> (24 - 8 * c)) & 0xff);
                    }
                }
            }
        }
        BufferedImage out = new BufferedImage(w, h, art.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = 0;
                for (int c = 0; c < 4; c++) {
                    double v = 0;
                    for (int k = -radius; k <= radius; k++) {
                        v += kernel[k + radius] * across[c][Math.min(h - 1, Math.max(0, y + k)) * w + x];
                    }
                    argb |= clamp((int) Math.round(v)) << (24 - 8 * c);
                }
                pixels[y * w + x] = argb;
            }
        }
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    /**
     * The same ARGB (8-bit, straight alpha, if the art has alpha) in a layout no shortcut reads, R, G, B (A) packed
     * from the high byte down ({@code TYPE_CUSTOM}): what art looks like to code that can only go through
     * {@code getRGB}.
     */
    public static BufferedImage throughColourModel(BufferedImage art) {
        java.awt.image.DirectColorModel model = art.getColorModel().hasAlpha()
                ? new java.awt.image.DirectColorModel(32, 0xFF000000, 0x00FF0000, 0x0000FF00, 0x000000FF)
                : new java.awt.image.DirectColorModel(32, 0xFF000000, 0x00FF0000, 0x0000FF00, 0);
        BufferedImage copy = new BufferedImage(model, model.createCompatibleWritableRaster(art.getWidth(),
                art.getHeight()), false, null);
        int[] row = new int[art.getWidth()];
        for (int y = 0; y < art.getHeight(); y++) {
            art.getRGB(0, y, row.length, 1, row, 0, row.length);
            copy.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return copy;
    }

    /** The art written as a baseline JPEG at {@code quality} (0 to 1) with ImageIO, and decoded back. */
    public static BufferedImage throughJpeg(BufferedImage art, float quality) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg(art, quality, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The art as JPEG file bytes at {@code quality} (0 to 1), baseline or progressive (the whole picture in coarse
     * scans first, as web exports are), flattened over white first as an export would: JPEG has no alpha.
     */
    public static byte[] jpeg(BufferedImage art, float quality, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            BufferedImage rgb = new BufferedImage(art.getWidth(), art.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, art.getWidth(), art.getHeight());
            g.drawImage(art, 0, 0, null);
            g.dispose();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(rgb, null, null), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** The art as PNG file bytes, alpha kept. */
    public static byte[] png(BufferedImage art) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(art, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A dark-blue RGBA logo, a disc with a bar through it, on a transparent canvas: cut cleanly (one pixel of
     * anti-aliasing) when {@code feather} is 0; otherwise its edge fades out over {@code feather} pixels and a
     * half-transparent white halo of {@code feather} pixels surrounds it, as a cut-out made against white leaves.
     */
    public static BufferedImage logo(int size, int feather) {
        BufferedImage art = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        double c = size / 2.0;
        double radius = size * 0.3;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double px = x + 0.5 - c;
                double py = y + 0.5 - c;
                // signed distance outside the shape (disc union a horizontal bar), in pixels
                double disc = Math.hypot(px, py) - radius;
                double bar = Math.max(Math.abs(px) - size * 0.42, Math.abs(py) - size * 0.05);
                double outside = Math.min(disc, bar);
                int alpha;
                int rgb = 0x1a2a6c;
                if (feather == 0) {
                    alpha = (int) Math.round(255 * Math.max(0, Math.min(1, 0.5 - outside)));
                } else if (outside <= 0) {
                    alpha = 255;
                } else if (outside <= feather) {
                    alpha = (int) Math.round(255 * (1 - outside / feather));
                } else if (outside <= 2 * feather) {
                    alpha = 128;
                    rgb = 0xffffff;
                } else {
                    alpha = 0;
                }
                art.setRGB(x, y, alpha << 24 | rgb);
            }
        }
        return art;
    }

    /**
     * An upscaled thumbnail, as the labelled set's soft copies are made: reduced to {@code share} of its size by
     * area averaging, then enlarged back with bilinear interpolation (a triangle filter), so it has all its pixels
     * and none of their detail.
     */
    public static BufferedImage upscaled(BufferedImage art, double share) {
        int w = art.getWidth();
        int h = art.getHeight();
        BufferedImage thumb = new BufferedImage(Math.max(1, (int) Math.round(w * share)),
                Math.max(1, (int) Math.round(h * share)), BufferedImage.TYPE_INT_RGB);
        Graphics2D down = thumb.createGraphics();
        down.drawImage(art.getScaledInstance(thumb.getWidth(), thumb.getHeight(), java.awt.Image.SCALE_AREA_AVERAGING),
                0, 0, null);
        down.dispose();
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D up = big.createGraphics();
        up.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        up.drawImage(thumb, 0, 0, w, h, null);
        up.dispose();
        return big;
    }

    /**
     * A logo cut out of the background it was drawn on: a {@code fill} disc and bar drawn on {@code background}
     * (white or black), softened by a blur of {@code sigma} pixels as anti-aliasing and resampling do, then cut with
     * a hard alpha mask {@code grow} pixels wider than the shape, as a magic-wand selection takes some of the
     * background with it. Cutting with {@code sigma} 0 and {@code grow} 0 leaves a clean edge.
     */
    public static BufferedImage cutOut(int size, int fill, int background, double sigma, int grow) {
        BufferedImage drawn = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        double c = size / 2.0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                drawn.setRGB(x, y, outside(x, y, c, size) <= 0 ? fill : background);
            }
        }
        BufferedImage soft = sigma > 0 ? blurred(drawn, sigma) : drawn;
        BufferedImage cut = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int alpha = outside(x, y, c, size) <= grow ? 0xff000000 : 0;
                cut.setRGB(x, y, alpha | (soft.getRGB(x, y) & 0xffffff));
            }
        }
        return cut;
    }

    /** Signed distance outside a disc of radius 0.3 size united with a bar, in pixels. */
    private static double outside(int x, int y, double c, int size) {
        double px = x + 0.5 - c;
        double py = y + 0.5 - c;
        double disc = Math.hypot(px, py) - size * 0.3;
        double bar = Math.max(Math.abs(px) - size * 0.42, Math.abs(py) - size * 0.05);
        return Math.min(disc, bar);
    }

    /** The art centred on a larger canvas of one colour ({@code argb}, alpha 0 for transparent). */
    public static BufferedImage onCanvas(BufferedImage art, int width, int height, int argb) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                canvas.setRGB(x, y, argb);
            }
        }
        int left = (width - art.getWidth()) / 2;
        int top = (height - art.getHeight()) / 2;
        for (int y = 0; y < art.getHeight(); y++) {
            for (int x = 0; x < art.getWidth(); x++) {
                canvas.setRGB(left + x, top + y, art.getRGB(x, y));
            }
        }
        return canvas;
    }

    public static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
