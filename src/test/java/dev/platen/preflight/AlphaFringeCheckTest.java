package dev.platen.preflight;

import dev.platen.testing.TestArt;
import dev.platen.preflight.QualityFinding.Severity;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class AlphaFringeCheckTest {

    @Test
    void aCleanCutOutHasNoFringe() {
        BufferedImage logo = TestArt.logo(400, 0);
        AlphaFringeCheck.Measurement m = AlphaFringeCheck.measure(logo);
        assertThat(m.fringeShare()).isBetween(0.0, 0.002);
        assertThat(new AlphaFringeCheck().check(logo)).isEmpty();
    }

    @Test
    void aFeatheredEdgeWithAWhiteHaloIsFlagged() {
        BufferedImage logo = TestArt.logo(400, 6);
        AlphaFringeCheck.Measurement m = AlphaFringeCheck.measure(logo);
        assertThat(m.fringeShare()).isBetween(0.12, 0.25);
        // the halo is half of the fringe's width and the outer, longer half: most of the fringe is near-white
        assertThat(m.lightShare()).isBetween(0.4, 0.8);
        QualityFinding finding = new AlphaFringeCheck().check(logo).orElseThrow();
        assertThat(finding.code()).isEqualTo("ALPHA_FRINGE");
        assertThat(finding.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(finding.unit()).isEqualTo("share of visible art");
        assertThat(finding.message()).contains("near-white");
    }

    @Test
    void aTwoPixelFeatherIsAWarning() {
        QualityFinding finding = new AlphaFringeCheck().check(TestArt.logo(400, 2)).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.WARNING);
        assertThat(finding.measured()).isBetween(0.02, 0.10);
    }

    @Test
    void antiAliasedTypeIsNotAFringe() {
        // thin strokes make anti-aliased pixels a large share of the art, but each touches an opaque pixel
        BufferedImage type = new BufferedImage(600, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = type.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
        g.drawString("PLATEN 42", 10, 90);
        g.dispose();
        assertThat(AlphaFringeCheck.measure(type).fringeShare()).isLessThan(AlphaFringeCheck.DEFAULT_WARNING);
        assertThat(new AlphaFringeCheck().check(type)).isEmpty();
    }

    @Test
    void artWithoutAlphaIsNotMeasured() {
        BufferedImage opaque = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        assertThat(AlphaFringeCheck.measure(opaque).fringeShare()).isNaN();
        assertThat(new AlphaFringeCheck().check(opaque)).isEmpty();
    }
}
