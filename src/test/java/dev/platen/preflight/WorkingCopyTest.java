package dev.platen.preflight;

import dev.platen.catalog.PrintArea;
import dev.platen.testing.TestArt;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

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

    @Test
    void aPhotographReducesAsItDidThroughGetRgb() throws Exception {
        // The decoders' layouts are read straight from the raster; the copy only through its colour model.
        BufferedImage photo = ImageIO.read(Path.of("../shared/corpus/good/photo_mate_LadyBird.jpg").toFile());
        BufferedImage rgba = ImageIO.read(Path.of("../shared/corpus/good/illustration_sharp_bird_rgba.png").toFile());
        for (BufferedImage art : new BufferedImage[] {photo, rgba}) {
            BufferedImage viaColourModel = TestArt.throughColourModel(art);
            for (double inches : new double[] {3, 7.3, 40}) {
                WorkingCopy copy = WorkingCopy.of(art, PrintArea.inches(inches, inches), 150, 4_000_000);
                assertThat(copy.scale()).isLessThanOrEqualTo(1.0);
                float[] expected = reducedThroughGetRgb(viaColourModel, copy.width(), copy.height());
                assertThat(copy.luma()).as("%s in", inches).isEqualTo(expected);
                assertThat(WorkingCopy.of(viaColourModel, PrintArea.inches(inches, inches), 150, 4_000_000).luma())
                        .isEqualTo(expected);
            }
        }
    }

    /** The reduction as it was: getRGB row by row, the spill into the next column tested per pixel. */
    private static float[] reducedThroughGetRgb(BufferedImage art, int tw, int th) {
        int w = art.getWidth();
        int h = art.getHeight();
        double sx = (double) tw / w;
        double sy = (double) th / h;
        float[] out = new float[tw * th];
        int[] argb = new int[w];
        float[] across = new float[tw];
        for (int y = 0; y < h; y++) {
            art.getRGB(0, y, w, 1, argb, 0, w);
            java.util.Arrays.fill(across, 0f);
            for (int x = 0; x < w; x++) {
                float value = Luma.overWhite(argb[x]);
                int column = Math.min(tw - 1, (int) Math.floor(x * sx));
                float first = (float) ((Math.min((x + 1) * sx, column + 1.0) - x * sx) / sx);
                across[column] += value * first;
                if (first < 1f && column + 1 < tw) {
                    across[column + 1] += value * (1f - first);
                }
            }
            int row = Math.min(th - 1, (int) Math.floor(y * sy));
            float firstShare = (float) (Math.min((y + 1) * sy, row + 1.0) - y * sy);
            float secondShare = (float) ((y + 1) * sy - y * sy) - firstShare;
            for (int i = 0; i < tw; i++) {
                out[row * tw + i] += across[i] * (firstShare * (float) sx);
            }
            if (secondShare > 0f && row + 1 < th) {
                for (int i = 0; i < tw; i++) {
                    out[(row + 1) * tw + i] += across[i] * (secondShare * (float) sx);
                }
            }
        }
        return out;
    }
}
