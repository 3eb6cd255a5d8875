package dev.platen.render;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResampledArtTest {

    private static int[] rowReds(ResampledArt art, int y) {
        byte[] rgb = new byte[art.width() * 3];
        byte[] alpha = new byte[art.width()];
        art.row(y, rgb, alpha);
        int[] reds = new int[art.width()];
        for (int x = 0; x < reds.length; x++) {
            reds[x] = rgb[x * 3] & 0xFF;
        }
        return reds;
    }

    @Test
    void flatColourStaysExactlyFlatAtAnyScale() {
        BufferedImage flat = new BufferedImage(97, 61, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 61; y++) {
            for (int x = 0; x < 97; x++) {
                flat.setRGB(x, y, 0x7B2D10);
            }
        }
        for (int[] size : new int[][] {{40, 25}, {97, 61}, {300, 189}}) {
            ResampledArt art = new ResampledArt(flat, size[0], size[1]);
            for (int y = 0; y < size[1]; y += 7) {
                assertThat(rowReds(art, y)).containsOnly(0x7B);
            }
        }
    }

    @Test
    void reducingAFinePatternAveragesItInsteadOfAliasing() {
        // One-pixel black/white columns reduced by 3: a point sampler would give solid black or white (moiré);
        // a proper filter gives the pattern's mean grey.
        BufferedImage stripes = new BufferedImage(300, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 300; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        int[] reds = rowReds(new ResampledArt(stripes, 100, 10), 5);
        for (int x = 5; x < 95; x++) {
            assertThat(reds[x]).isBetween(112, 143);
        }
    }

    @Test
    void enlargingAHardEdgeStaysWithinRangeAndMonotonicAwayFromIt() {
        BufferedImage edge = new BufferedImage(20, 4, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 20; x++) {
                edge.setRGB(x, y, x < 10 ? 0x000000 : 0xFFFFFF);
            }
        }
        int[] reds = rowReds(new ResampledArt(edge, 60, 12), 6);
        assertThat(reds[0]).isZero();
        assertThat(reds[59]).isEqualTo(255);
        assertThat(reds[25]).isLessThan(reds[35]); // dark before the edge (x = 30), light after
    }
}
