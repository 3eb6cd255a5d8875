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

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static int rgbAt(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }
}
