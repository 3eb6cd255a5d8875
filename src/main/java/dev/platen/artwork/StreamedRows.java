package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.awt.Point;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadUpdateListener;
import javax.imageio.stream.ImageInputStream;

/**
 * The raster of a sequential JPEG decoded as it is read, top to bottom, into a ring of rows: the picture is never
 * whole in memory, so a 100-megapixel photo goes to a print file in the room of a few hundred of its rows.
 *
 * <p>The JDK's JPEG reader decodes into this raster on a thread of its own and reports each finished row; when the
 * ring is full it waits until the reader of the rows {@link #release releases} the oldest. The reader of the rows
 * gets them through {@link #getDataElements(int, int, int, int, Object)} (waiting for rows not decoded yet), must
 * {@link #reserve} the rows it needs at once before the first read, and must never ask for a row it released:
 * that is a programming error and fails loudly rather than returning another row's pixels.
 *
 * <p>The samples are the decoder's own (the destination takes the reader's first image type, whose colour space is
 * the file's embedded profile if it has one, so the JDK does not convert them); the JDK's reader, not
 * TwelveMonkeys', because TwelveMonkeys 3.14 reads a JPEG with a profile as one raster before it hands anything on.
 * Both use the JDK's libjpeg, so the samples are the same (checked in {@code StreamedRowsTest}).
 * Only baseline and extended sequential frames qualify: a progressive JPEG is complete only after its last scan.
 */
public final class StreamedRows extends WritableRaster implements AutoCloseable {

    private final Path file;
    private final Ring ring;
    private final int rowBytes;
    private final Object lock = new Object();
    private volatile int decoded;
    private int neededFrom;
    private @Nullable Throwable failure;
    private volatile boolean closed;
    private @Nullable Thread decoder;
    private byte @Nullable [] decodedRow;

    private StreamedRows(Path file, int width, int height, int bands) {
        this(file, new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, bands, width * bands,
                bands == 1 ? new int[] {0} : new int[] {0, 1, 2}));
    }

    private StreamedRows(Path file, PixelInterleavedSampleModel model) {
        super(model, new Ring(model.getWidth() * model.getNumBands(), model.getHeight()), new Point(0, 0));
        this.file = file;
        this.ring = (Ring) getDataBuffer();
        this.rowBytes = model.getWidth() * model.getNumBands();
    }

    /**
     * The image of a sequential 8-bit RGB or grey JPEG as streamed rows, or null when the file is not one (the
     * caller decodes it whole). Nothing is decoded until the first row is asked for.
     */
    static @Nullable BufferedImage open(Path file) throws IOException {
        ImageReader reader = jdkJpegReader();
        try (ImageInputStream in = new GuardedImageInput(file)) {
            reader.setInput(in, true, true);
            ImageTypeSpecifier type = reader.getImageTypes(0).next();
            ColorModel model = type.getColorModel();
            int bands = model.getNumComponents();
            if (model.hasAlpha() || bands != 1 && bands != 3
                    || model.getTransferType() != DataBuffer.TYPE_BYTE) {
                return null;
            }
            StreamedRows rows = new StreamedRows(file, reader.getWidth(0), reader.getHeight(0), bands);
            return new BufferedImage(model, rows, false, null);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader jdkJpegReader() throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            if (candidate.getClass().getName().startsWith("com.sun.imageio.")) {
                return candidate;
            }
            candidate.dispose();
        }
        throw new IOException("the JDK's JPEG reader is not available");
    }

    /** Makes room for {@code rows} rows at once; only before the first row is read. */
    public void reserve(int rows) {
        synchronized (lock) {
            if (decoder != null) {
                throw new IllegalStateException("the ring is sized before the first row is read");
            }
            ring.resize(Math.min(getHeight(), Math.max(ring.capacity, rows)));
        }
    }

    /** Rows above {@code row} will not be read again: their room in the ring may take the rows still to come. */
    public void release(int row) {
        synchronized (lock) {
            if (row > neededFrom) {
                neededFrom = row;
                lock.notifyAll();
            }
        }
    }

    @Override
    public Object getDataElements(int x, int y, int w, int h, @Nullable Object outData) {
        if (x < 0 || y < 0 || w < 0 || h < 0 || x + w > getWidth() || y + h > getHeight()) {
            throw new ArrayIndexOutOfBoundsException("rows " + y + "+" + h + ", columns " + x + "+" + w);
        }
        int bands = getNumBands();
        byte[] out = outData == null ? new byte[w * h * bands] : (byte[]) outData;
        for (int r = 0; r < h; r++) {
            int row = y + r;
            awaitRow(row);
            System.arraycopy(ring.data, ring.offset(row) + x * bands, out, r * w * bands, w * bands);
        }
        return out;
    }

    /**
     * The JDK's reader hands over each decoded row here ({@code target.setRect} with a one-row raster): copied
     * into the row's slot in one go, where the inherited method would go sample by sample through int arrays.
     */
    @Override
    public void setRect(int dx, int dy, java.awt.image.Raster row) {
        if (dx + row.getMinX() != 0 || row.getWidth() != getWidth() || row.getHeight() != 1
                || row.getNumBands() != getNumBands() || row.getTransferType() != DataBuffer.TYPE_BYTE) {
            super.setRect(dx, dy, row);
            return;
        }
        decodedRow = (byte[]) row.getDataElements(row.getMinX(), row.getMinY(), row.getWidth(), 1, decodedRow);
        System.arraycopy(decodedRow, 0, ring.data, ring.offset(dy + row.getMinY()), rowBytes);
    }

    @Override
    public Object getDataElements(int x, int y, @Nullable Object outData) {
        return getDataElements(x, y, 1, 1, outData);
    }

    @Override
    public int[] getPixels(int x, int y, int w, int h, int @Nullable [] iArray) {
        byte[] bytes = (byte[]) getDataElements(x, y, w, h, null);
        int[] out = iArray == null ? new int[bytes.length] : iArray;
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }

    private void awaitRow(int row) {
        if (row < decoded && row >= decoded - ring.capacity && row >= neededFrom && !closed) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the streamed art is closed");
            }
            if (row < neededFrom) {
                throw new IllegalStateException("row " + row + " of the streamed art was asked for after it was"
                        + " released (rows from " + neededFrom + " are kept)");
            }
            start();
            while (decoded <= row && failure == null && !closed) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the art was decoded", e);
                }
            }
            if (failure != null) {
                throw new UncheckedIOException(new IOException("decoding " + file.getFileName() + " failed: "
                        + failure.getMessage(), failure));
            }
            if (closed) {
                throw new IllegalStateException("the streamed art is closed");
            }
            if (row < decoded - ring.capacity) {
                throw new IllegalStateException("row " + row + " has left the ring of " + ring.capacity + " rows");
            }
        }
    }

    /** Starts decoding on a thread of its own; called under the lock. */
    private void start() {
        if (decoder != null) {
            return;
        }
        decoder = new Thread(this::decode, "art-rows-" + file.getFileName());
        decoder.setDaemon(true);
        decoder.start();
    }

    private void decode() {
        try (ImageInputStream in = new GuardedImageInput(file)) {
            ImageReader jpeg = jdkJpegReader();
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            try {
                jpeg.setInput(in, true, true);
                // The destination is this raster under the reader's own first image type, so it neither converts
                // colours nor allocates a picture of its own.
                ImageTypeSpecifier type = jpeg.getImageTypes(0).next();
                ImageReadParam param = jpeg.getDefaultReadParam();
                param.setDestination(new BufferedImage(type.getColorModel(), this, false, null));
                jpeg.addIIOReadUpdateListener(new RowsDone());
                jpeg.read(0, param);
            } finally {
                jpeg.dispose();
            }
            synchronized (lock) {
                if (decoded < getHeight() && !closed) {
                    failure = new IOException("the decoder stopped after " + decoded + " of " + getHeight() + " rows");
                }
                lock.notifyAll();
            }
        } catch (IOException | RuntimeException | Error e) {
            synchronized (lock) {
                failure = e;
                lock.notifyAll();
            }
        }
    }

    /** The JDK's reader says so after each row; the next row may only go where a released row was. */
    private final class RowsDone implements IIOReadUpdateListener {
        @Override
        public void imageUpdate(ImageReader source, BufferedImage image, int minX, int minY, int width, int height,
                                int periodX, int periodY, int[] bands) {
            int done = minY + height;
            synchronized (lock) {
                decoded = Math.max(decoded, done);
                lock.notifyAll();
                while (!closed && done < getHeight() && done - ring.capacity >= neededFrom) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        closed = true;
                    }
                }
                if (closed) {
                    // From this thread only: the JDK's reader refuses calls from any thread but the reading one.
                    source.abort();
                }
            }
        }

        @Override
        public void passStarted(ImageReader source, BufferedImage image, int pass, int minPass, int maxPass,
                                int minX, int minY, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void passComplete(ImageReader source, BufferedImage image) {
        }

        @Override
        public void thumbnailPassStarted(ImageReader source, BufferedImage thumbnail, int pass, int minPass,
                                         int maxPass, int minX, int minY, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void thumbnailUpdate(ImageReader source, BufferedImage thumbnail, int minX, int minY, int width,
                                    int height, int periodX, int periodY, int[] bands) {
        }

        @Override
        public void thumbnailPassComplete(ImageReader source, BufferedImage thumbnail) {
        }
    }

    /** Stops the decoder if it still runs. */
    @Override
    public void close() {
        Thread running;
        synchronized (lock) {
            closed = true; // the decoder sees it after its current row and aborts its own read
            lock.notifyAll();
            running = decoder;
        }
        if (running != null) {
            try {
                running.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The image's samples in a ring of rows: element {@code i} of the whole picture lives at its row's slot. The
     * JDK reader writes through here (sample by sample, through the generic raster it makes of this one).
     */
    private static final class Ring extends DataBuffer {
        private final int rowBytes;
        private byte[] data;
        private int capacity;

        Ring(int rowBytes, int height) {
            super(TYPE_BYTE, (int) Math.min(Integer.MAX_VALUE, (long) rowBytes * height));
            this.rowBytes = rowBytes;
            resize(Math.min(height, 64));
        }

        void resize(int rows) {
            capacity = rows;
            data = new byte[rowBytes * rows];
        }

        int offset(int row) {
            return (row % capacity) * rowBytes;
        }

        @Override
        public int getElem(int bank, int i) {
            int row = i / rowBytes;
            return data[offset(row) + i - row * rowBytes] & 0xFF;
        }

        @Override
        public void setElem(int bank, int i, int val) {
            int row = i / rowBytes;
            data[offset(row) + i - row * rowBytes] = (byte) val;
        }
    }
}
