package dev.platen.proof;

import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.PixelCoding;
import dev.platen.artwork.PixelSource;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.PixelFormat;
import dev.platen.color.TransformCache;
import dev.platen.render.ArtSeparation;
import dev.platen.render.SourceColour;
import dev.platen.testing.EngineTransforms;
import org.junit.jupiter.api.Test;

import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soft proof and colour report of CMYK art come from its true colours: the art's inks through its own profile
 * against the print file's own separation. A chart of uncoated-condition inks that sRGB cannot show (C100,
 * C100+Y100, M100, with K100) on coated stock: a direct CMYK-to-CMYK conversion lands within a few ΔE2000, which is
 * what the report must say; measured against an sRGB copy of the art (what Platen did before, where the
 * out-of-sRGB cyans and greens are clipped first) the figures are those of the clipped copy, not of the art.
 */
class CmykProofTest {

    private static final Product POSTER = ProofFixtures.product("poster");
    private static final LayoutTier TIER = ProofFixtures.tier(POSTER, "poster-18x24");
    private static final Stock COATED = ProofFixtures.stock("coated-gloss");

    static BufferedImage chart(int[][] patches, int size) {
        ComponentColorModel model = new ComponentColorModel(new java.awt.color.ColorSpace(
                java.awt.color.ColorSpace.TYPE_CMYK, 4) {
            @Override public float[] toRGB(float[] v) { throw new UnsupportedOperationException(); }
            @Override public float[] fromRGB(float[] v) { throw new UnsupportedOperationException(); }
            @Override public float[] toCIEXYZ(float[] v) { throw new UnsupportedOperationException(); }
            @Override public float[] fromCIEXYZ(float[] v) { throw new UnsupportedOperationException(); }
        }, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(size * 2, size * 2);
        for (int i = 0; i < 4; i++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    raster.setPixel((i % 2) * size + x, (i / 2) * size + y, patches[i]);
                }
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    static final int[][] OUTSIDE_SRGB = {{255, 0, 0, 0}, {255, 0, 255, 0}, {0, 255, 0, 0}, {0, 0, 0, 255}};

    @Test
    void theColourReportOfCmykArtIsMeasuredFromItsTrueColours() throws Exception {
        byte[] uncoated = Files.readAllBytes(Path.of("icc-profiles/platen-uncoated-v1.icc"));
        ArtworkPixels pixels = new ArtworkPixels(chart(OUTSIDE_SRGB, 128), "CMYK", uncoated, List.of(),
                PixelSource.decoded(PixelCoding.LOSSLESS));
        BufferedImage image = pixels.image();
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] inks = new byte[w * h * 4];
        image.getRaster().getDataElements(0, 0, w, h, inks);
        TransformCache cache = EngineTransforms.CACHE;
        try (ColorProfile press = COATED.openProfile();
             SourceColour art = SourceColour.of(pixels, COATED, press);
             ColorProfile artProfile = ColorProfile.fromBytes(uncoated);
             ColorProfile srgb = ColorProfile.srgb();
             dev.platen.render.StockSeparation viaSrgb = dev.platen.render.StockSeparation.of(srgb, press, COATED,
                     cache)) {
            ColourReport now = ProofSheet.make(art, COATED, POSTER, TIER, 2048, cache).report();
            // the old path: the art through its profile to sRGB (clipped), that copy separated as RGB art ...
            BufferedImage copy = art.onScreen();
            byte[] rgb = new byte[w * h * 3];
            for (int p = 0; p < w * h; p++) {
                int v = copy.getRGB(p % w, p / w);
                rgb[3 * p] = (byte) (v >> 16);
                rgb[3 * p + 1] = (byte) (v >> 8);
                rgb[3 * p + 2] = (byte) v;
            }
            byte[] oldPrint = new byte[w * h * 4];
            viaSrgb.convert(rgb, w * h, oldPrint);
            ColourReport oldReported;
            try (SourceColour srgbCopy = ProofFixtures.srgbArt(copy)) {
                oldReported = ProofSheet.make(srgbCopy, COATED, POSTER, TIER, 2048, cache).report();
            }
            // ... and that old print measured against the art's true colours
            ColourReport oldTrue = ProofSheet.ofPrint(w, h, inks, artProfile, PixelFormat.CMYK_8, oldPrint, COATED,
                    POSTER, TIER, cache).report();
            System.out.println("CMYK chart (uncoated C100, C100+Y100, M100, K100) on coated, now: " + now.summary());
            System.out.println("before (via sRGB), as reported against the sRGB copy: " + oldReported.summary());
            System.out.println("before (via sRGB), measured against the art's true colours: " + oldTrue.summary());
            assertThat(art.route()).isEqualTo(SourceColour.Route.BLACK_PRESERVED);
            // a direct CMYK-to-CMYK conversion between two press conditions: a few ΔE2000 at most
            assertThat(now.deltaE2000P95()).isLessThan(3.0);
            assertThat(now.outOfGamutShare()).isZero();
            // what the old path printed is far from the art, which its own report (against the copy) did not show
            assertThat(oldTrue.deltaE2000P95()).isGreaterThan(now.deltaE2000P95() + 2);
            assertThat(oldTrue.deltaE2000P95()).isGreaterThan(oldReported.deltaE2000P95() + 2);
        }
    }

    @Test
    void aProofFromPixelsTheCallerSeparatedAgreesWithTheProofOfTheSameArt() throws Exception {
        byte[] uncoated = Files.readAllBytes(Path.of("icc-profiles/platen-uncoated-v1.icc"));
        BufferedImage image = chart(OUTSIDE_SRGB, 32);
        ArtworkPixels pixels = new ArtworkPixels(image, "CMYK", uncoated, List.of(),
                PixelSource.decoded(PixelCoding.LOSSLESS));
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] reference = new byte[w * h * 4];
        image.getRaster().getDataElements(0, 0, w, h, reference);
        TransformCache cache = EngineTransforms.CACHE;
        try (ColorProfile press = COATED.openProfile();
             SourceColour art = SourceColour.of(pixels, COATED, press);
             ArtSeparation separation = ArtSeparation.of(art, press, COATED, cache);
             ColorProfile artProfile = ColorProfile.fromBytes(uncoated)) {
            byte[] print = new byte[w * h * 4];
            separation.convert(reference, w * h, print);
            ProofSheet given = ProofSheet.ofPrint(w, h, reference, artProfile, PixelFormat.CMYK_8, print, COATED,
                    POSTER, TIER, cache);
            ProofSheet made = ProofSheet.make(art, COATED, POSTER, TIER, 2048, cache);
            assertThat(given.report().deltaE2000P95()).isEqualTo(made.report().deltaE2000P95());
            assertThat(given.report().maxTotalInk()).isEqualTo(made.report().maxTotalInk());
            assertThat(given.proof().getRGB(w / 4, h / 4)).isEqualTo(made.proof().getRGB(w / 4, h / 4));
        }
    }
}
