package dev.platen.render;

import dev.platen.catalog.PrintArea;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanvasBandsTest {

    private static int[] ink(byte[] canvas, PlacementCanvas c, int x, int y) {
        int at = (y * c.widthPx() + x) * 4;
        return new int[] {canvas[at] & 0xFF, canvas[at + 1] & 0xFF, canvas[at + 2] & 0xFF, canvas[at + 3] & 0xFF};
    }

    @Test
    void outsideTheArtIsPaperWithNoInk() {
        // Portrait art on a landscape tier: the sides are paper, whatever white would convert to.
        BufferedImage art = TestJobs.quadrants(100, 200);
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(10, 5), 0, 20, 100, 200);
        CmykConversion inkEverywhere = (rgb, pixels, cmyk) -> java.util.Arrays.fill(cmyk, 0, pixels * 4, (byte) 7);

        byte[] canvas = Canvases.render(c, art, inkEverywhere);

        assertThat(ink(canvas, c, 0, 0)).containsExactly(0, 0, 0, 0);
        assertThat(ink(canvas, c, c.artX() - 1, 50)).containsExactly(0, 0, 0, 0);
        assertThat(ink(canvas, c, c.artX() + c.artWidthPx(), 50)).containsExactly(0, 0, 0, 0);
        assertThat(ink(canvas, c, c.artX(), 50)).containsExactly(7, 7, 7, 7);
    }

    @Test
    void transparentArtIsPaperAndHalfTransparentArtIsCompositedOverWhite() {
        BufferedImage art = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = art.createGraphics();
        g.setColor(new Color(255, 0, 0, 128)); // half-covering red on the left half
        g.fillRect(0, 0, 50, 100);
        g.dispose(); // the right half stays fully transparent
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(1, 1), 0, 100, 100, 100);
        CmykConversion whiteGetsInk = (rgb, pixels, cmyk) -> {
            new NaiveCmyk().convert(rgb, pixels, cmyk);
            for (int i = 0; i < pixels; i++) {
                if (rgb[i * 3] == (byte) 255 && rgb[i * 3 + 1] == (byte) 255 && rgb[i * 3 + 2] == (byte) 255) {
                    cmyk[i * 4] = 3; // a conversion may well put a little ink on white; paper must stay paper
                }
            }
        };

        byte[] canvas = Canvases.render(c, art, whiteGetsInk);

        // 50 % red over white: R 255, G and B 255 - 128 * 255 / 255 ... = 127.
        assertThat(ink(canvas, c, 20, 50)).containsExactly(NaiveCmyk.of(255, 127, 127));
        assertThat(ink(canvas, c, 80, 50)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void artAlreadyAtTheTargetSizeIsCopiedPixelForPixel() {
        BufferedImage art = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                art.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(64, 48), 0, 1, 64, 48);

        byte[] canvas = Canvases.render(c, art, new NaiveCmyk());

        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int rgb = art.getRGB(x, y);
                assertThat(ink(canvas, c, x, y)).containsExactly(
                        NaiveCmyk.of((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
            }
        }
    }

    @Test
    void bleedMirrorsTheArtAtItsEdges() {
        BufferedImage art = TestJobs.quadrants(200, 100);
        // 2 x 1 in at 100 DPI, 0.1 in = 10 px of bleed.
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(2, 1), 0.1, 100, 200, 100);
        byte[] canvas = Canvases.render(c, art, new NaiveCmyk());

        for (int d = 1; d <= 10; d++) {
            int y = 40;
            assertThat(ink(canvas, c, c.trimX() - d, y)).containsExactly(ink(canvas, c, c.trimX() + d - 1, y));
            int right = c.trimX() + c.trimWidthPx();
            assertThat(ink(canvas, c, right + d - 1, y)).containsExactly(ink(canvas, c, right - d, y));
            int x = 60;
            assertThat(ink(canvas, c, x, c.trimY() - d)).containsExactly(ink(canvas, c, x, c.trimY() + d - 1));
        }
    }

    @Test
    void theConversionIsFedBandsNeverTheCanvas() {
        BufferedImage art = TestJobs.quadrants(300, 400);
        PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(12, 16), 0.125, 100, 300, 400);
        NaiveCmyk conversion = new NaiveCmyk();

        Canvases.render(c, art, conversion);

        assertThat(conversion.largestCall).isLessThanOrEqualTo(CanvasBands.BAND_ROWS * c.widthPx());
        assertThat(conversion.calls).isEqualTo((c.heightPx() + CanvasBands.BAND_ROWS - 1) / CanvasBands.BAND_ROWS);
    }

    @Test
    void bandsInAnyOrderGiveTheSameCanvasWhateverTheBufferHeldBefore() {
        // Portrait art (paper either side of it) and landscape art (paper rows above and below it) on a portrait tier.
        for (BufferedImage art : new BufferedImage[] {TestJobs.quadrants(333, 517), TestJobs.quadrants(517, 333)}) {
            PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(5, 7), 0.125, 120, art.getWidth(), art.getHeight());
            byte[] inOrder = Canvases.render(c, art, new NaiveCmyk());
            CanvasBands bands = new CanvasBands(c, art, new NaiveCmyk());
            byte[] band = new byte[37 * bands.rowBytes()];
            for (int y = ((c.heightPx() - 1) / 37) * 37; y >= 0; y -= 37) {
                int rows = Math.min(37, c.heightPx() - y);
                java.util.Arrays.fill(band, (byte) 0x5A);   // a band's buffer is reused: what it held must not show
                bands.render(y, rows, band);
                for (int i = 0; i < rows * bands.rowBytes(); i++) {
                    if (band[i] != inOrder[y * bands.rowBytes() + i]) {
                        throw new AssertionError(art.getWidth() + " px wide art: band at row " + y + " differs at byte " + i);
                    }
                }
            }
        }
    }

    /**
     * Art read as streamed rows, in a ring far smaller than the picture, makes the same canvas as the art decoded
     * whole: reduced, enlarged and at its own size, with the bleed mirrored at top and bottom (where the filter walks
     * back over rows it has passed). The photo is a sequential JPEG of the corpus, read in place.
     */
    @Test
    void streamedArtMakesTheSameCanvasAsArtDecodedWhole() throws Exception {
        java.nio.file.Path photo = java.nio.file.Path.of("../shared/corpus/good/photo_mate_LadyBird.jpg");
        dev.platen.artwork.ArtworkInspector reader = new dev.platen.artwork.ArtworkInspector(
                dev.platen.artwork.ArtworkLimits.defaults());
        BufferedImage whole = reader.pixels(photo, 72).image();
        // At 30 and 50 DPI the photo is 10 and 6 times its place: shrunk before filtering, as it streams in too.
        for (int dpi : new int[] {30, 50, 100, 300, 640}) {
            // 8 x 5 in spans the 2560 x 1600 photo's 1.6 aspect exactly: mirrored bleed on every side.
            PlacementCanvas c = PlacementCanvas.fit(PrintArea.inches(8, 5), 0.125, dpi, whole.getWidth(),
                    whole.getHeight());
            BufferedImage streamed = reader.pixelsInRows(photo, 72).image();
            assertThat(streamed.getRaster()).isInstanceOf(dev.platen.artwork.StreamedRows.class);
            try (dev.platen.artwork.StreamedRows rows = (dev.platen.artwork.StreamedRows) streamed.getRaster()) {
                assertThat(Canvases.render(c, streamed, new NaiveCmyk()))
                        .as("canvas at %d dpi", dpi).isEqualTo(Canvases.render(c, whole, new NaiveCmyk()));
            }
        }
    }
}
