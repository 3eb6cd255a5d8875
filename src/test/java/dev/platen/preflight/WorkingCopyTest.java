package dev.platen.preflight;

import dev.platen.catalog.PrintArea;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WorkingCopyTest {

    @Test
    void artThatPrintsAbove150DpiIsReducedTo150() {
        // 3000 x 2000 px on 10 x 10 in: contain scales it to 10 in wide, 300 DPI; the copy is 1500 x 1000
        BufferedImage art = new BufferedImage(3000, 2000, BufferedImage.TYPE_BYTE_GRAY);
        WorkingCopy copy = WorkingCopy.of(art, PrintArea.inches(10, 10), 150, 4_000_000);
        assertThat(copy.width()).isEqualTo(1500);
        assertThat(copy.height()).isEqualTo(1000);
        assertThat(copy.dpi()).isCloseTo(150, within(1e-9));
    }

    @Test
    void artThatPrintsBelow150DpiIsNeverEnlarged() {
        BufferedImage art = new BufferedImage(600, 600, BufferedImage.TYPE_BYTE_GRAY);
        WorkingCopy copy = WorkingCopy.of(art, PrintArea.inches(12, 12), 150, 4_000_000);
        assertThat(copy.width()).isEqualTo(600);
        assertThat(copy.scale()).isEqualTo(1.0);
        assertThat(copy.dpi()).isCloseTo(50, within(1e-9));
    }

    @Test
    void largePrintsAreCappedAtFourMegapixels() {
        // 6000 x 6000 px on 24 x 24 in would be 3600 x 3600 at 150 DPI (13 MP): the cap wins, 2000 x 2000
        BufferedImage art = new BufferedImage(6000, 6000, BufferedImage.TYPE_BYTE_GRAY);
        WorkingCopy copy = WorkingCopy.of(art, PrintArea.inches(24, 24), 150, 4_000_000);
        assertThat((long) copy.width() * copy.height()).isLessThanOrEqualTo(4_000_000L);
        assertThat(copy.width()).isEqualTo(2000);
        assertThat(copy.dpi()).isCloseTo(2000 / 24.0, within(1e-9));
    }

    @Test
    void reductionIsAnAreaAverageOverPaperWhite() {
        // black and white columns one pixel wide, reduced 2:1 (300 -> 150 DPI): an even mid grey everywhere
        BufferedImage stripes = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 200; x++) {
                stripes.setRGB(x, y, x % 2 == 0 ? 0xff000000 : 0xffffffff);
            }
        }
        WorkingCopy copy = WorkingCopy.of(stripes, PrintArea.inches(200 / 300.0, 100 / 300.0), 150, 4_000_000);
        assertThat(copy.width()).isEqualTo(100);
        for (float v : copy.luma()) {
            assertThat(v).isCloseTo(0.5f, within(1e-4f));
        }
        // fully transparent black prints as the paper
        BufferedImage clear = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        assertThat(WorkingCopy.of(clear, PrintArea.inches(1, 1), 150, 4_000_000).at(5, 5)).isEqualTo(1f);
    }
}
