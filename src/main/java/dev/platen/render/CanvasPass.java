package dev.platen.render;

import java.io.IOException;

/**
 * Makes the canvas once, band by band from the top, and hands every band to its compression ({@link FlateBlocks}),
 * which makes the blocks of every print file being written (the TIFF's strips, the PDF's image stream): a band is
 * separated and compressed once however many files take it.
 *
 * <p>The compression runs on other threads while the next band is made, so two band buffers take turns: before a
 * buffer is made again, the sink is asked to be done with the rows it held ({@link BandSink#release}). Memory is two
 * bands ({@link #BAND_ROWS} rows each) and the blocks in flight, whatever the canvas size.
 */
final class CanvasPass {

    /** What takes the canvas top to bottom: the print files' compression. */
    interface BandSink {

        /**
         * Takes canvas rows {@code y0 .. y0 + rows - 1}, C, M, Y, K interleaved from index 0 of {@code cmyk}. The
         * sink may go on reading {@code cmyk} after returning, until {@link #release} lets go of these rows.
         */
        void accept(byte[] cmyk, int y0, int rows) throws IOException;

        /** Returns once nothing reads any more the buffers that brought the rows above {@code y}. */
        void release(int y) throws IOException;
    }

    /**
     * Rows per band: the canvas's own band height ({@link CanvasBands#BAND_ROWS}) in whole TIFF strips, so every
     * band but the last is strips the TIFF can compress without waiting for the next band.
     */
    static final int BAND_ROWS = (CanvasBands.BAND_ROWS + CmykTiff.ROWS_PER_STRIP - 1) / CmykTiff.ROWS_PER_STRIP
            * CmykTiff.ROWS_PER_STRIP;

    private CanvasPass() {
    }

    static void run(CanvasRows canvas, BandSink sink) throws IOException {
        int height = canvas.canvas().heightPx();
        int bandRows = Math.min(BAND_ROWS, height);
        byte[][] buffers = new byte[2][];
        for (int y0 = 0, band = 0; y0 < height; y0 += bandRows, band++) {
            int turn = band % 2;
            if (buffers[turn] == null) {
                buffers[turn] = new byte[bandRows * canvas.rowBytes()];
            } else {
                sink.release(y0 - bandRows); // the band two back, the last one in this buffer, ended there
            }
            int rows = Math.min(bandRows, height - y0);
            canvas.render(y0, rows, buffers[turn]);
            sink.accept(buffers[turn], y0, rows);
        }
    }
}
