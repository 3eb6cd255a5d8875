package dev.platen.proof;

import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.render.SourceColour;
import dev.platen.testing.EngineTransforms;
import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

import static dev.platen.proof.ProofFixtures.rgbAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The print area on the product drawing, at 40 px to the inch. Expected positions are worked out here by hand from
 * the catalog's tier positions and the outline constants documented in {@link ProductDrawing}.
 */
class MockupTest {

    private static final Product SHIRT = ProofFixtures.product("tshirt");
    private static final Stock COTTON = ProofFixtures.stock("dtg-white-cotton");
    private static final int FRAME = ProductDrawing.FRAME.getRGB() & 0xFFFFFF;
    private static final int SHIRT_WHITE = 0xFFFFFF;
    /** A 3:4 art, the full front's own aspect, in a flat orange so its proof is easy to find. */
    private static final BufferedImage ART = ProofFixtures.flat(300, 400, 0xE6781E);

    private static ProofSheet onShirt(String tierId) {
        LayoutTier tier = ProofFixtures.tier(SHIRT, tierId);
        try (SourceColour art = ProofFixtures.srgbArt(ART)) {
            return ProofSheet.make(art, COTTON, SHIRT, tier, ScreenImage.DEFAULT_LONG_EDGE, EngineTransforms.CACHE);
        }
    }

    @Test
    void theFullFrontSitsThreeInchesBelowTheCollarAcrossTheCentreLine() {
        ProofSheet sheet = onShirt("full-front");
        Mockup mockup = sheet.mockup();
        // Drawing: 1 in margin + 7 in sleeve + 22 in body + 7 in sleeve + 1 in margin = 38 in wide, 28 + 2 = 30 high.
        assertThat(mockup.image().getWidth()).isEqualTo(38 * 40);
        assertThat(mockup.image().getHeight()).isEqualTo(30 * 40);
        // Collar point: centre line x = 19 in; neckline bottom = 1 in margin + 3 in drop = 4 in.
        // Full front 12 x 16 at (0, 3): left = 19 - 6 = 13 in, top = 4 + 3 = 7 in.
        Rectangle expected = new Rectangle(13 * 40, 7 * 40, 12 * 40, 16 * 40);
        assertThat(mockup.printArea()).isEqualTo(expected);
        assertFramedAndFilled(sheet, expected, expected);
    }

    @Test
    void theLeftChestIsAFourInchSquareFourInchesToTheRightOfTheCentreLine() {
        ProofSheet sheet = onShirt("left-chest");
        Mockup mockup = sheet.mockup();
        // Left chest 4 x 4 at (4, 3.5): centre x = 19 + 4 = 23 in, left = 21 in, top = 4 + 3.5 = 7.5 in.
        Rectangle expected = new Rectangle(21 * 40, 300, 4 * 40, 4 * 40);
        assertThat(mockup.printArea()).isEqualTo(expected);
        // The 3:4 art fits 120 x 160 px, centred: 20 px of shirt on either side.
        Rectangle art = new Rectangle(expected.x + 20, expected.y, 120, 160);
        assertFramedAndFilled(sheet, expected, art);
        assertThat(rgbAt(mockup.image(), expected.x + 5, expected.y + 80)).as("beside the fitted art")
                .isEqualTo(SHIRT_WHITE);
        // The downgrade shows: where the full front would have been, the chest is bare shirt.
        assertThat(rgbAt(mockup.image(), 19 * 40, 15 * 40)).isEqualTo(SHIRT_WHITE);
    }

    @Test
    void aPosterTierIsMeasuredFromTheTrimsTopLeftCornerInsideItsBleed() {
        Product poster = ProofFixtures.product("poster");
        LayoutTier tier = ProofFixtures.tier(poster, "poster-12x16");
        try (SourceColour art = ProofFixtures.srgbArt(ART)) {
            ProofSheet sheet = ProofSheet.make(art, ProofFixtures.stock("coated-gloss"), poster, tier,
                    ScreenImage.DEFAULT_LONG_EDGE, EngineTransforms.CACHE);
            // Trim 18 x 24 (the largest tier) with 0.125 in bleed and 1 in margin: trim corner at 1.125 in = 45 px.
            assertThat(sheet.mockup().image().getWidth()).isEqualTo((int) Math.ceil((18 + 2 * 1.125) * 40));
            // 12 x 16 at (3, 4): left = 45 + 120 = 165 px, top = 45 + 160 = 205 px.
            Rectangle expected = new Rectangle(165, 205, 480, 640);
            assertThat(sheet.mockup().printArea()).isEqualTo(expected);
            assertFramedAndFilled(sheet, expected, expected);
        }
    }

    @Test
    void theMugWrapAndTheStickerHaveTheirOwnOutlines() {
        Product mug = ProofFixtures.product("mug");
        Product sticker = ProofFixtures.product("sticker");
        try (SourceColour art = ProofFixtures.srgbArt(ART)) {
            ProofSheet onMug = ProofSheet.make(art, ProofFixtures.stock("sublimation-mug"), mug,
                    ProofFixtures.tier(mug, "full-wrap"), ScreenImage.DEFAULT_LONG_EDGE, EngineTransforms.CACHE);
            // Wrap 9.5 in + two 1.5 in handles + margins = 14.5 in; the 9 in area is centred, 0.25 in below the top.
            assertThat(onMug.mockup().image().getWidth()).isEqualTo(580);
            assertThat(onMug.mockup().printArea()).isEqualTo(new Rectangle(290 - 180, 40 + 10, 360, 140));
            ProofSheet onSticker = ProofSheet.make(art, ProofFixtures.stock("coated-gloss"), sticker,
                    ProofFixtures.tier(sticker, "sticker-2in"), ScreenImage.DEFAULT_LONG_EDGE, EngineTransforms.CACHE);
            // Bleed 2 mm = 0.0787 in: the trim corner at (1 + 2/25.4) in = 43.1 px, rounded to 43.
            assertThat(onSticker.mockup().printArea()).isEqualTo(new Rectangle(43, 43, 80, 80));
        }
    }

    /** The frame hugs the area from outside, the proof's colour fills {@code art}, and outside the frame is shirt. */
    private static void assertFramedAndFilled(ProofSheet sheet, Rectangle area, Rectangle art) {
        BufferedImage image = sheet.mockup().image();
        int proofColour = rgbAt(sheet.proof(), 10, 10);
        assertThat(proofColour).isNotEqualTo(0xE6781E);   // the stock changes it; the proof is what is shown
        assertThat(rgbAt(image, area.x - 1, area.y - 1)).isEqualTo(FRAME);
        assertThat(rgbAt(image, area.x + area.width, area.y + area.height)).isEqualTo(FRAME);
        assertThat(rgbAt(image, area.x - 2, area.y + area.height / 2)).isEqualTo(FRAME);
        assertThat(rgbAt(image, area.x - 3, area.y + area.height / 2)).isNotEqualTo(FRAME).isNotEqualTo(proofColour);
        for (int[] p : new int[][] {{art.x, art.y}, {art.x + art.width - 1, art.y + art.height - 1},
                {art.x + art.width / 2, art.y + art.height / 2}}) {
            assertThat(rgbAt(image, p[0], p[1])).as("proof at %d,%d", p[0], p[1]).isEqualTo(proofColour);
        }
        int inside = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (rgbAt(image, x, y) == proofColour) {
                    assertThat(art.contains(x, y)).as("proof colour at %d,%d", x, y).isTrue();
                    inside++;
                }
            }
        }
        assertThat(inside).isEqualTo(art.width * art.height);
    }

    @Test
    void theCatalogSaysWhichDrawingAProductGetsNotItsIdOrProcess() {
        // the bundled files say it
        assertThat(ProductDrawing.kindOf(SHIRT, ProofFixtures.tier(SHIRT, "full-front")))
                .isEqualTo(ProductDrawing.Kind.GARMENT);
        Product mug = ProofFixtures.product("mug");
        assertThat(ProductDrawing.kindOf(mug, mug.placements().get(0).tiers().get(0)))
                .isEqualTo(ProductDrawing.Kind.MUG);
        // a product that does not say is a panel or a sheet: a "steel" sign is no "tee", a DTG tote no T-shirt
        LayoutTier chest = ProofFixtures.tier(SHIRT, "left-chest");
        for (String[] other : new String[][]{{"stainless-steel-sign", "uv-flatbed"}, {"tote-bag", "dtg"}}) {
            Product product = new Product(other[0], other[0], other[1], 0, SHIRT.placements(), false, other[0] + ".yaml",
                    null);
            assertThat(ProductDrawing.kindOf(product, chest)).as(other[0]).isEqualTo(ProductDrawing.Kind.PANEL);
        }
        Product towel = new Product("tea-towel", "Tea towel", "sublimation", 0, SHIRT.placements(), false,
                "tea-towel.yaml", dev.platen.catalog.MockupShape.SHEET);
        assertThat(ProductDrawing.kindOf(towel, chest)).isEqualTo(ProductDrawing.Kind.SHEET);
    }

    @Test
    void theCaptionsReadAtFourteenPixelsOrMoreOnTheReviewPage() {
        // the review page shows a shirt's 1520 px drawing in about 870 CSS px at a laptop's width; a mug's 580 px
        // drawing fits its column as it is
        assertThat(ProductDrawing.captionSize(38 * 40) * 870.0 / (38 * 40)).isGreaterThanOrEqualTo(14);
        assertThat(ProductDrawing.captionSize(580)).isGreaterThanOrEqualTo(14);
        // and they fit the drawing's 1 in margin
        assertThat(ProductDrawing.captionSize(38 * 40)).isLessThan(Mockup.PIXELS_PER_INCH);
    }
}
