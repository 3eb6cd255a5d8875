package dev.platen.render;

import java.awt.image.BufferedImage;

/** The whole canvas from the band stream, for comparing small canvases against what a file holds. */
final class Canvases {

    private Canvases() {
    }

    static byte[] render(PlacementCanvas canvas, BufferedImage art, CmykConversion conversion) {
        CanvasBands bands = new CanvasBands(canvas, art, conversion);
        byte[] all = new byte[canvas.widthPx() * canvas.heightPx() * 4];
        byte[] band = new byte[CanvasBands.BAND_ROWS * bands.rowBytes()];
        for (int y = 0; y < canvas.heightPx(); y += CanvasBands.BAND_ROWS) {
            int rows = Math.min(CanvasBands.BAND_ROWS, canvas.heightPx() - y);
            bands.render(y, rows, band);
            System.arraycopy(band, 0, all, y * bands.rowBytes(), rows * bands.rowBytes());
        }
        return all;
    }
}
