package dev.platen.render;

import java.awt.Image;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.SampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Vector;

/**
 * The CMYK canvas as a {@link RenderedImage} whose tiles are full-width bands made on demand, so an ImageIO writer
 * can pull it band by band and never needs it whole.
 *
 * <p>TwelveMonkeys' TIFF writer walks the tiles in order and writes each one's {@code getTileHeight()} rows, even
 * for the last tile (3.14, {@code TIFFImageWriter.writeImageData}); a last band shorter than the others would be
 * padded with rows that are not in the image. Tiles are therefore as tall as the largest divisor of the canvas
 * height up to {@link CanvasBands#BAND_ROWS}, and bands a whole number of tiles.
 *
 * <p>Bands made in order, top to bottom, are also handed to an optional {@link BandSink}, which is how the PDF's
 * image stream is filled in the same pass as the TIFF; {@link #completeSink()} makes whatever rows the sink has not
 * had yet. Not thread-safe.
 */
final class BandImage implements RenderedImage {

    /** Receives canvas bands in order: {@code rows} rows of CMYK, from index 0 of {@code cmyk}. */
    interface BandSink {
        void accept(byte[] cmyk, int rows) throws IOException;
    }

    private final CanvasRows bands;
    private final ColorModel colorModel;
    private final int width;
    private final int height;
    private final int tileHeight;
    private final int bandRows;
    private final byte[] band;
    private final BandSink sink;
    private int bandStart = -1;
    private int bandLength;
    private int sinkNextRow;

    BandImage(CanvasRows bands, ColorModel colorModel, BandSink sink) {
        this.bands = bands;
        this.colorModel = colorModel;
        this.width = bands.canvas().widthPx();
        this.height = bands.canvas().heightPx();
        this.tileHeight = largestDivisorUpTo(height, CanvasBands.BAND_ROWS);
        this.bandRows = tileHeight * Math.max(1, CanvasBands.BAND_ROWS / tileHeight);
        this.band = new byte[bandRows * bands.rowBytes()];
        this.sink = sink;
    }

    static int largestDivisorUpTo(int n, int limit) {
        for (int d = Math.min(n, limit); d > 1; d--) {
            if (n % d == 0) {
                return d;
            }
        }
        return 1;
    }

    /** Makes the band starting at {@code y0} the current one. */
    private void load(int y0) {
        if (bandStart == y0) {
            return;
        }
        bandLength = Math.min(bandRows, height - y0);
        bands.render(y0, bandLength, band);
        bandStart = y0;
        if (sink != null && y0 == sinkNextRow) {
            try {
                sink.accept(band, bandLength);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sinkNextRow += bandLength;
        }
    }

    /** Hands the sink every row it has not had yet, in order. */
    void completeSink() {
        while (sink != null && sinkNextRow < height) {
            bandStart = -1;
            load(sinkNextRow);
        }
    }

    @Override
    public Raster getTile(int tileX, int tileY) {
        if (tileX != 0 || tileY < 0 || tileY >= getNumYTiles()) {
            throw new IllegalArgumentException("no tile " + tileX + "," + tileY);
        }
        int y = tileY * tileHeight;
        if (bandStart < 0 || y < bandStart || y >= bandStart + bandLength) {
            load(y);
        }
        // A view of this tile's rows inside the band; the writer copies it out before asking for the next tile.
        int offset = (y - bandStart) * bands.rowBytes();
        DataBufferByte data = new DataBufferByte(band, tileHeight * bands.rowBytes(), offset);
        return Raster.createWritableRaster(getSampleModel(), data, new Point(0, y));
    }

    @Override
    public SampleModel getSampleModel() {
        return new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, tileHeight, 4, width * 4,
                new int[] {0, 1, 2, 3});
    }

    @Override
    public ColorModel getColorModel() {
        return colorModel;
    }

    @Override
    public int getWidth() {
        return width;
    }

    @Override
    public int getHeight() {
        return height;
    }

    @Override
    public int getMinX() {
        return 0;
    }

    @Override
    public int getMinY() {
        return 0;
    }

    @Override
    public int getNumXTiles() {
        return 1;
    }

    @Override
    public int getNumYTiles() {
        return height / tileHeight;
    }

    @Override
    public int getMinTileX() {
        return 0;
    }

    @Override
    public int getMinTileY() {
        return 0;
    }

    @Override
    public int getTileWidth() {
        return width;
    }

    @Override
    public int getTileHeight() {
        return tileHeight;
    }

    @Override
    public int getTileGridXOffset() {
        return 0;
    }

    @Override
    public int getTileGridYOffset() {
        return 0;
    }

    @Override
    public Vector<RenderedImage> getSources() {
        return null;
    }

    @Override
    public Object getProperty(String name) {
        return Image.UndefinedProperty;
    }

    @Override
    public String[] getPropertyNames() {
        return null;
    }

    /** The whole canvas in one raster: for small canvases and tests only, never called by the writers. */
    @Override
    public Raster getData() {
        return getData(new Rectangle(0, 0, width, height));
    }

    @Override
    public Raster getData(Rectangle rect) {
        WritableRaster out = colorModel.createCompatibleWritableRaster(rect.width, rect.height)
                .createWritableTranslatedChild(rect.x, rect.y);
        return copyData(out);
    }

    @Override
    public WritableRaster copyData(WritableRaster raster) {
        Rectangle want = raster.getBounds().intersection(new Rectangle(0, 0, width, height));
        for (int ty = want.y / tileHeight; ty * tileHeight < want.y + want.height; ty++) {
            Raster tile = getTile(0, ty);
            Rectangle part = tile.getBounds().intersection(want);
            raster.setDataElements(part.x, part.y, tile.createChild(part.x, part.y, part.width, part.height,
                    part.x, part.y, null));
        }
        return raster;
    }
}
