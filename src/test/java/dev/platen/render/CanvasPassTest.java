package dev.platen.render;

import dev.platen.catalog.PrintArea;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One pass over the canvas, with band buffers reused only once the compression lets go of them. */
class CanvasPassTest {

    /** Row y of the canvas is every byte (y * 7 + x) & 0xFF, so a band in the wrong buffer shows. */
    private static final class NumberedRows implements CanvasRows {
        private final PlacementCanvas canvas;
        final List<Integer> rendered = new ArrayList<>();

        NumberedRows(PlacementCanvas canvas) {
            this.canvas = canvas;
        }

        @Override
        public PlacementCanvas canvas() {
            return canvas;
        }

        @Override
        public void render(int y0, int rows, byte[] cmyk) {
            rendered.add(y0);
            for (int r = 0; r < rows; r++) {
                for (int x = 0; x < rowBytes(); x++) {
                    cmyk[r * rowBytes() + x] = (byte) ((y0 + r) * 7 + x);
                }
            }
        }
    }

    /** Holds on to every band until released, and checks none of them changed in the meantime. */
    private static final class HoldingSink implements CanvasPass.BandSink {
        private record Held(byte[] buffer, int y0, int rows, byte[] copy) {
        }

        private final int rowBytes;
        private final List<Held> held = new ArrayList<>();
        final List<Integer> accepted = new ArrayList<>();
        int released;

        HoldingSink(int rowBytes) {
            this.rowBytes = rowBytes;
        }

        @Override
        public void accept(byte[] cmyk, int y0, int rows) {
            checkHeld();
            for (int r = 0; r < rows; r++) {
                assertThat(cmyk[r * rowBytes]).isEqualTo((byte) ((y0 + r) * 7));
            }
            accepted.add(y0);
            held.add(new Held(cmyk, y0, rows, Arrays.copyOf(cmyk, rows * rowBytes)));
        }

        @Override
        public void release(int y) {
            checkHeld();
            held.removeIf(h -> h.y0() + h.rows() <= y);
            released++;
        }

        private void checkHeld() {
            for (Held h : held) {
                assertThat(Arrays.copyOf(h.buffer(), h.rows() * rowBytes))
                        .as("rows from " + h.y0() + " changed before they were released").isEqualTo(h.copy());
            }
        }
    }

    @Test
    void everyBandIsMadeAndTakenOnceInOrderAndNoBufferIsReusedWhileHeld() throws Exception {
        // 3 x 11 in at 100 DPI: 300 x 1100 px, five bands and a short one.
        PlacementCanvas canvas = PlacementCanvas.fit(PrintArea.inches(3, 11), 0, 100, 300, 1100);
        NumberedRows rows = new NumberedRows(canvas);
        HoldingSink sink = new HoldingSink(rows.rowBytes());

        CanvasPass.run(rows, sink);

        List<Integer> bandStarts = new ArrayList<>();
        for (int y = 0; y < 1100; y += CanvasPass.BAND_ROWS) {
            bandStarts.add(y);
        }
        assertThat(rows.rendered).as("each band made once").isEqualTo(bandStarts);
        assertThat(sink.accepted).isEqualTo(bandStarts);
        // Two buffers take turns: every band from the third on waits for the one two before it.
        assertThat(sink.released).isEqualTo(bandStarts.size() - 2);
    }

    @Test
    void bandsAreWholeTiffStrips() {
        assertThat(CanvasPass.BAND_ROWS % CmykTiff.ROWS_PER_STRIP).isZero();
        assertThat(CanvasPass.BAND_ROWS).isGreaterThanOrEqualTo(CanvasBands.BAND_ROWS);
    }
}
