package dev.platen.proof;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenImageTest {

    @Test
    void aLargeArtComesDownToTheLongEdgeWithItsAspect() {
        assertThat(ScreenImage.size(6000, 4000, 2048)).containsExactly(2048, 1365);
        assertThat(ScreenImage.size(4000, 6000, 2048)).containsExactly(1365, 2048);
    }

    @Test
    void aSmallArtIsNeverEnlarged() {
        assertThat(ScreenImage.size(800, 600, 2048)).containsExactly(800, 600);
        ScreenImage same = ScreenImage.of(ProofFixtures.flat(800, 600, 0x336699), 2048);
        assertThat(same.width()).isEqualTo(800);
        assertThat(same.height()).isEqualTo(600);
        assertThat(same.rgb()[0]).isEqualTo(0x336699);
    }

    @Test
    void areaAveragingWeighsEachSourcePixelByHowMuchOfTheOutputPixelItCovers() {
        // Two to one: a checkerboard averages to mid grey everywhere, no moiré.
        BufferedImage checker = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        for (int p : ScreenImage.areaAverage(checker, 4, 4).rgb()) {
            assertThat(p).isEqualTo(0x808080);   // 127.5 rounds up
        }
        // Three to two: the middle pixel is split a third to each side (0, 255, 0 -> 85, 85).
        BufferedImage three = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        three.setRGB(1, 0, 0xFFFFFF);
        assertThat(ScreenImage.areaAverage(three, 2, 1).rgb()).containsExactly(0x555555, 0x555555);
        // A flat image stays exactly flat through a fractional reduction.
        for (int p : ScreenImage.areaAverage(ProofFixtures.flat(1000, 700, 0x12AB34), 333, 233).rgb()) {
            assertThat(p).isEqualTo(0x12AB34);
        }
    }

    @Test
    void transparentArtIsSeenOverWhitePaper() {
        BufferedImage art = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        art.setRGB(0, 0, 0x00000000);              // fully transparent black
        art.setRGB(1, 0, 0x80000000);              // half-transparent black
        int[] out = ScreenImage.of(art, 2048).rgb();
        assertThat(out[0]).isEqualTo(0xFFFFFF);
        assertThat(out[1] >> 16 & 0xFF).isBetween(126, 128);
    }
}
