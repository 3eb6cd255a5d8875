package dev.platen.proof;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.CatalogLocations;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.render.SourceColour;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** The real catalog (layout-tiers/, icc-profiles/) and test images drawn in code. */
final class ProofFixtures {

    static final Catalog CATALOG = Catalog.load(new CatalogLocations(Path.of("layout-tiers"),
            Path.of("icc-profiles/stocks.yaml")));

    /** Patches of the saturated chart, 100 px each: row 0 red, green, blue; row 1 greys 64, 128, 192. */
    static final int PATCH = 100;
    static final int[] SATURATED = {0xFF0000, 0x00FF00, 0x0000FF, 0x404040, 0x808080, 0xC0C0C0};

    private ProofFixtures() {
    }

    static Stock stock(String id) {
        return CATALOG.stock(id).orElseThrow();
    }

    static Product product(String id) {
        return CATALOG.product(id).orElseThrow();
    }

    static LayoutTier tier(Product product, String tierId) {
        return product.placements().stream().flatMap(p -> p.tiers().stream()).filter(t -> t.id().equals(tierId))
                .findFirst().orElseThrow();
    }

    /** Art taken as sRGB, as an untagged upload is. */
    static SourceColour srgbArt(BufferedImage image) {
        return new SourceColour(image, ColorProfile.srgb(), List.of());
    }

    static BufferedImage flat(int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        java.util.Arrays.fill(row, rgb);
        for (int y = 0; y < height; y++) {
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    static BufferedImage saturatedChart() {
        BufferedImage image = new BufferedImage(3 * PATCH, 2 * PATCH, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < SATURATED.length; i++) {
            int x0 = (i % 3) * PATCH;
            int y0 = (i / 3) * PATCH;
            for (int y = y0; y < y0 + PATCH; y++) {
                for (int x = x0; x < x0 + PATCH; x++) {
                    image.setRGB(x, y, SATURATED[i]);
                }
            }
        }
        return image;
    }

    /** Centre of patch {@code i} of the chart. */
    static int[] patchCentre(int i) {
        return new int[] {(i % 3) * PATCH + PATCH / 2, (i / 3) * PATCH + PATCH / 2};
    }

    /**
     * A saturated "photograph": full-saturation hues across, bright to near black (10 %) down the upper half, a
     * saturation ramp to neutral in the lower half, a little sensor-like noise, and a sky-blue to grass-green
     * band along the bottom.
     */
    static BufferedImage photoLike(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(12_647);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float hue = (float) x / width;
                float v = (float) y / height;
                Color c;
                if (v < 0.45f) {
                    c = Color.getHSBColor(hue, 1f, 1f - 2 * v);   // down to 10 %: deep shadows load the ink
                } else if (v < 0.85f) {
                    c = Color.getHSBColor(hue, 1f - (v - 0.45f) / 0.4f, 0.95f);
                } else {
                    c = x < width / 2 ? new Color(40, 140, 255) : new Color(30, 200, 40);
                }
                int n = (int) Math.round(noise.nextGaussian() * 3);
                int r = clamp(c.getRed() + n);
                int g = clamp(c.getGreen() + n);
                int b = clamp(c.getBlue() + n);
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return image;
    }

    /** A smooth diagonal gradient: cheap to draw at 24 Mpx. */
    static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = x * 255 / (width - 1);
                int g = y * 255 / (height - 1);
                row[x] = r << 16 | g << 8 | 128;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /**
     * A muted "landscape": a pale sky over dull green-brown ground, a soft vignette and sensor-like noise; every
     * colour well inside a CMYK gamut.
     */
    static BufferedImage mutedPhoto(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(31);
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double shade = 1 - 0.25 * ((u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5));
                double r;
                double g;
                double b;
                if (v < 0.45) {
                    r = 150 + 60 * v;
                    g = 170 + 40 * v;
                    b = 200 - 20 * v;
                } else {
                    r = 110 - 30 * v + 20 * Math.sin(17 * u);
                    g = 120 - 20 * v;
                    b = 80 - 20 * v;
                }
                int n = (int) Math.round(noise.nextGaussian() * 3);
                image.setRGB(x, y, clamp((int) (r * shade) + n) << 16 | clamp((int) (g * shade) + n) << 8
                        | clamp((int) (b * shade) + n));
            }
        }
        return image;
    }

    /** A copy of {@code image} with {@code share} of its pixels, picked at random, set to {@code rgb}. */
    static BufferedImage withScattered(BufferedImage image, int rgb, double share) {
        BufferedImage copy = copy(image);
        Random random = new Random(3);
        for (int y = 0; y < copy.getHeight(); y++) {
            for (int x = 0; x < copy.getWidth(); x++) {
                if (random.nextDouble() < share) {
                    copy.setRGB(x, y, rgb);
                }
            }
        }
        return copy;
    }

    /** A copy of {@code image} with a centred block of {@code rgb} covering {@code share} of it. */
    static BufferedImage withBlock(BufferedImage image, int rgb, double share) {
        BufferedImage copy = copy(image);
        int w = (int) Math.round(copy.getWidth() * Math.sqrt(share));
        int h = (int) Math.round(copy.getHeight() * Math.sqrt(share));
        int x0 = (copy.getWidth() - w) / 2;
        int y0 = (copy.getHeight() - h) / 2;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                copy.setRGB(x, y, rgb);
            }
        }
        return copy;
    }

    /** Squares of {@code square} px in the RGB primaries and secondaries at full strength. */
    static BufferedImage primariesCheckerboard(int width, int height, int square) {
        int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0x00FFFF, 0xFF00FF, 0xFFFF00};
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colours[(x / square + 2 * (y / square)) % colours.length]);
            }
        }
        return image;
    }

    /** A left-to-right grey ramp, black to white. */
    static BufferedImage greyRamp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            int v = x * 255 / (width - 1);
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    /** Black text on white, a heading and body lines. */
    static BufferedImage blackText(int width, int height) {
        BufferedImage image = flat(width, height, 0xFFFFFF);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new java.awt.Font(java.awt.Font.SERIF, java.awt.Font.BOLD, height / 6));
        g.drawString("Platen 2026", width / 10, height / 3);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, height / 20));
        for (int line = 0; line < 6; line++) {
            g.drawString("The quick brown fox jumps over the lazy dog " + line, width / 10,
                    height / 2 + line * height / 14);
        }
        g.dispose();
        return image;
    }

    /** Deep shadow texture: 4 px cells of neutral sRGB 0..40, the detail below a press's black. */
    static BufferedImage darkTexture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(17);
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                int v = random.nextInt(41);
                for (int j = y; j < Math.min(height, y + 4); j++) {
                    for (int i = x; i < Math.min(width, x + 4); i++) {
                        image.setRGB(i, j, v << 16 | v << 8 | v);
                    }
                }
            }
        }
        return image;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(image, 0, 0, null);
        return copy;
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static int rgbAt(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
