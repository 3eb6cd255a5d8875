package dev.platen.render;

import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.PixelCoding;
import dev.platen.artwork.PixelSource;
import dev.platen.artwork.Finding;
import dev.platen.color.ColorProfile;
import org.junit.jupiter.api.Test;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SourceColourTest {

    /** Pixels the test draws: no file, so no compression has touched them. */
    private static final PixelSource MADE_IN_MEMORY = PixelSource.decoded(PixelCoding.LOSSLESS);


    private static final Path COATED = Path.of("icc-profiles/platen-coated-v1.icc");

    private static ColorProfile press() throws Exception {
        return ColorProfile.fromFile(COATED);
    }

    private static BufferedImage flat(ColorSpace space, int... samples) {
        ComponentColorModel model = new ComponentColorModel(space, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(4, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                raster.setPixel(x, y, samples);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    private static List<String> codes(SourceColour source) {
        return source.findings().stream().map(Finding::code).toList();
    }

    @Test
    void untaggedRgbIsTakenAsSrgbAndSaysSo() throws Exception {
        BufferedImage art = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        try (ColorProfile press = press();
             SourceColour source = SourceColour.of(new ArtworkPixels(art, "RGB", null, List.of(), MADE_IN_MEMORY), press)) {
            assertThat(source.profile().description()).containsIgnoringCase("sRGB");
            assertThat(codes(source)).containsExactly("UNTAGGED_RGB");
        }
    }

    @Test
    void anEmbeddedRgbProfileIsHonouredAndItsSamplesReachTheSeparationUnconverted() throws Exception {
        // Java's linear-RGB profile: a real RGB profile that is not sRGB, as Adobe RGB or Display P3 would be
        ICC_Profile linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB);
        BufferedImage art = flat(new ICC_ColorSpace(linear), 100, 150, 200);
        try (ColorProfile press = press();
             SourceColour source = SourceColour.of(new ArtworkPixels(art, "RGB", linear.getData(), List.of(), MADE_IN_MEMORY), press)) {
            assertThat(codes(source)).isEmpty();
            assertThat(source.profile().sha256()).isNotEqualTo(ColorProfile.srgb().sha256());
            // Java would convert linear 100 to about 170 in sRGB; the canvas must see the stored 100
            assertThat(source.image().getRGB(1, 1) & 0xFFFFFF).isEqualTo(100 << 16 | 150 << 8 | 200);
        }
    }

    @Test
    void aBrokenEmbeddedProfileFallsBackToSrgbWithAFinding() throws Exception {
        BufferedImage art = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        byte[] broken = "not an icc profile at all, just text long enough to look like a header".getBytes();
        try (ColorProfile press = press();
             SourceColour source = SourceColour.of(new ArtworkPixels(art, "RGB", broken, List.of(), MADE_IN_MEMORY), press)) {
            assertThat(codes(source)).containsExactly("ICC_PROFILE_IGNORED");
            assertThat(source.profile().description()).containsIgnoringCase("sRGB");
        }
    }

    @Test
    void greyPrintsInBlackInkByDefaultAndShowsItsLevelsOnScreen() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(2, 2, 0, 128);
        try (ColorProfile press = press();
             SourceColour source = SourceColour.of(new ArtworkPixels(grey, "GRAY", null, List.of(), MADE_IN_MEMORY), press)) {
            assertThat(source.samples()).isEqualTo(SourceColour.Samples.GREY);
            assertThat(source.route()).isEqualTo(SourceColour.Route.GREY_AS_K);
            assertThat(codes(source)).containsExactly(Finding.GREY_AS_K);
            // the checks that judge pixels by eye see the grey levels on R, G and B
            assertThat(source.onScreen().getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x808080);
            assertThat(source.onScreen().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x000000);
        }
    }

    @Test
    void greyAsProcessIsSeparatedLikeColourWithoutAFinding() throws Exception {
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        try (ColorProfile press = press();
             SourceColour source = SourceColour.of(new ArtworkPixels(grey, "GRAY", null, List.of(), MADE_IN_MEMORY),
                     press, press, dev.platen.catalog.Stock.GreyAs.PROCESS)) {
            assertThat(source.route()).isEqualTo(SourceColour.Route.SEPARATED);
            assertThat(codes(source)).isEmpty();
        }
    }

    @Test
    void cmykArtKeepsItsInksAndSaysWhichProfileMeansThem() throws Exception {
        // was: CMYK art went to sRGB through its profile (CMYK_ART_VIA_SRGB); issue 12 keeps it in CMYK
        BufferedImage cyan = InkImages.flat(4, 4, 255, 0, 0, 0);
        byte[] stockOwn = Files.readAllBytes(COATED);
        byte[] uncoated = Files.readAllBytes(Path.of("icc-profiles/platen-uncoated-v1.icc"));
        try (ColorProfile press = press();
             SourceColour same = SourceColour.of(new ArtworkPixels(cyan, "CMYK", stockOwn, List.of(), MADE_IN_MEMORY), press);
             SourceColour untagged = SourceColour.of(new ArtworkPixels(cyan, "CMYK", null, List.of(), MADE_IN_MEMORY), press);
             SourceColour other = SourceColour.of(new ArtworkPixels(cyan, "CMYK", uncoated, List.of(), MADE_IN_MEMORY), press)) {
            assertThat(same.route()).isEqualTo(SourceColour.Route.PASSED_THROUGH);
            assertThat(codes(same)).containsExactly(Finding.CMYK_PASSED_THROUGH);
            // untagged CMYK is taken to be in the assumed profile, here the stock's own: two facts, two findings
            assertThat(untagged.route()).isEqualTo(SourceColour.Route.PASSED_THROUGH);
            assertThat(codes(untagged)).containsExactly(Finding.ASSUMED_CMYK_PROFILE, Finding.CMYK_PASSED_THROUGH);
            assertThat(other.route()).isEqualTo(SourceColour.Route.BLACK_PRESERVED);
            assertThat(codes(other)).containsExactly(Finding.CMYK_PROFILE_USED);
            assertThat(other.findings().get(0).message()).contains(other.profile().description());
            assertThat(other.image()).isSameAs(cyan);
            // on screen, through its own profile: full cyan shows little red and much blue
            int c = other.onScreen().getRGB(1, 1);
            assertThat((c >> 16) & 0xFF).isLessThan(60);
            assertThat(c & 0xFF).isGreaterThan(180);
        }
    }
}
