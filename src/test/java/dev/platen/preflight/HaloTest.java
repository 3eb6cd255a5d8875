package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/** Haloes round cut-outs: art the test cuts out itself, with hard alpha, so only the colour at the edge tells. */
class HaloTest {

    private static final int BRICK = 0xff7a2e2e;
    private static final int WHITE = 0xffffffff;
    private static final int BLACK = 0xff000000;

    @Test
    void artCutOutOfWhiteHasALightHaloThatIsAProblem() {
        BufferedImage logo = TestArt.cutOut(600, BRICK, WHITE, 3, 2);
        AlphaFringeCheck.Measurement m = AlphaFringeCheck.measure(logo);
        // the alpha is hard: the old semi-transparent fringe measure sees nothing, the halo measure the whole ring
        assertThat(m.fringeShare()).isZero();
        assertThat(m.haloShare()).isGreaterThan(0.9);
        assertThat(m.lightHalo()).isTrue();
        QualityFinding finding = new AlphaFringeCheck().check(logo).orElseThrow();
        assertThat(finding.code()).isEqualTo("ALPHA_FRINGE");
        assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(finding.unit()).isEqualTo(AlphaFringeCheck.HALO_UNIT);
        assertThat(finding.message()).contains("light halo", "white background");
    }

    @Test
    void aOnePixelMatteFromAntiAliasingAgainstWhiteIsAHaloToo() {
        // no blur, but the selection took one pixel of the white background along: the classic pale matte line
        BufferedImage logo = TestArt.cutOut(600, BRICK, WHITE, 0.7, 1);
        assertThat(AlphaFringeCheck.measure(logo).haloShare()).isGreaterThan(AlphaFringeCheck.DEFAULT_HALO_PROBLEM);
    }

    @Test
    void lightArtCutOutOfBlackHasADarkHalo() {
        BufferedImage logo = TestArt.cutOut(600, 0xffe8dcc0, BLACK, 3, 2);
        AlphaFringeCheck.Measurement m = AlphaFringeCheck.measure(logo);
        assertThat(m.haloShare()).isGreaterThan(0.9);
        assertThat(m.lightHalo()).isFalse();
        assertThat(new AlphaFringeCheck().check(logo).orElseThrow().message()).contains("dark halo");
    }

    @Test
    void aCleanCutOutHasNoHalo() {
        assertThat(AlphaFringeCheck.measure(TestArt.cutOut(600, BRICK, WHITE, 0, 0)).haloShare()).isLessThan(0.02);
        // anti-aliased alpha with the fill's own colour in the edge pixels
        assertThat(AlphaFringeCheck.measure(TestArt.logo(400, 0)).haloShare()).isLessThan(0.02);
        assertThat(new AlphaFringeCheck().check(TestArt.logo(400, 0))).isEmpty();
    }

    @Test
    void aDeliberateWhiteKeylineIsDesignNotAHalo() {
        // a sticker-style flat white outline 6 px wide round a hard-edged shape: light at the edge, but a flat band
        BufferedImage logo = TestArt.cutOut(600, BRICK, WHITE, 0, 6);
        assertThat(AlphaFringeCheck.measure(logo).haloShare()).isLessThan(AlphaFringeCheck.DEFAULT_HALO_WARNING);
        assertThat(new AlphaFringeCheck().check(logo)).isEmpty();
    }

    @Test
    void aPhotoCutOutCleanlyHasNoHalo() {
        // a textured picture cut to a disc: here and there its edge is lighter or darker than what lies inside, as
        // the picture happens to be, but nowhere near most of the outline
        BufferedImage photo = TestArt.sharp(800, 800, 21);
        BufferedImage cut = new BufferedImage(800, 800, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 800; y++) {
            for (int x = 0; x < 800; x++) {
                boolean inside = Math.hypot(x + 0.5 - 400, y + 0.5 - 400) <= 330;
                cut.setRGB(x, y, (inside ? 0xff000000 : 0) | (photo.getRGB(x, y) & 0xffffff));
            }
        }
        assertThat(AlphaFringeCheck.measure(cut).haloShare()).isLessThan(AlphaFringeCheck.DEFAULT_HALO_WARNING);
        assertThat(new AlphaFringeCheck().check(cut)).isEmpty();
    }

    @Test
    void opaqueArtHasNoOutline() {
        assertThat(Halo.measure(TestArt.sharp(300, 200, 3)).share()).isNaN();
    }
}
