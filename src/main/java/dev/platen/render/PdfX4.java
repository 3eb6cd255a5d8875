package dev.platen.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

/**
 * Writes the canvas of raster art as a one-page PDF/X-4 (ISO 15930-7:2010) with Apache PDFBox: the art is one
 * DeviceCMYK image XObject, 8 bits per component, Flate-compressed, drawn over the whole bleed box; device CMYK is
 * the stock's CMYK by way of the output intent, so nothing in the file is RGB and nothing needs converting at the
 * RIP. The rest of the file (boxes, output intent, metadata, ids) is {@link PdfX4Frame}'s, shared with PDF art
 * placed as vectors.
 *
 * <p>The image is Flate with TIFF Predictor 2 ({@code /DecodeParms << /Predictor 2 /Colors 4 /BitsPerComponent 8
 * /Columns width >>}, PDF 32000-1 section 7.4.4.4): each ink less the same ink of the pixel before it in the row,
 * the horizontal differencing the TIFF's strips have too. Neighbouring pixels of a photograph differ little, so
 * deflate gets mostly small numbers that it codes in fewer bits and matches more often: on the bench photo
 * (3600 x 4800, level 1) the image stream went from 40.7 to 32.7 MB, about the TIFF's 32.9 MB, and compressing it
 * from 1.18 to 0.84 s of CPU ({@link FlateBlocks} alone); the whole bench process from 7.2 to 6.8 s of CPU, its
 * wall time unchanged, the compression running beside the separation (medians of 10 and 15 runs, two busy cores). The predictor is a parameter of FlateDecode, not another filter; Ghostscript,
 * poppler, PDFBox and qpdf decode the image to the canvas byte for byte.
 *
 * <p>Memory: the image stream arrives deflated ({@link FlateBlocks}, on every core as the canvas is made: the same
 * blocks as the TIFF's strips, together one zlib stream) into a file beside the PDF, which the image's stream reads
 * when PDFBox writes the document; PDFBox keeps any other stream data in a temporary file
 * ({@link IOUtils#createTempFileOnlyStreamCache()}), not on the heap. Use: {@link #begin}, hand {@link #imageData}
 * to the canvas's {@link FlateBlocks}, finish them, then {@link #finish}; {@link #close()} in any case.
 */
final class PdfX4 implements AutoCloseable {

    private final PlacementCanvas canvas;
    private final PDDocument document;
    /** The compressed image stream, written by the deflaters as they finish and read once by PDFBox's writer. */
    private final Path imageFile;
    private final FileChannel raw;
    private @Nullable ImageStreamRead imageData;

    private PdfX4(PlacementCanvas canvas, Path imageFile) throws IOException {
        this.canvas = canvas;
        this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        // Our own compression into a file of our own, which the image's COSStream then reads as its raw data:
        // PDFBox's filtered output stream would buffer the whole decoded image before encoding it on close, and its
        // raw output stream pages the data through its stream cache, a new 4 KiB array a page written and another a
        // page read back (56 MB of garbage on the bench's 28 MB image, the process's peak 214 MiB against the
        // TIFF's 132 MiB).
        this.imageFile = imageFile;
        try {
            this.raw = FileChannel.open(imageFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            document.close();
            Files.deleteIfExists(imageFile);
            throw e;
        }
    }

    /**
     * The image stream's FlateDecode parameters: TIFF Predictor 2 (PDF 32000-1 section 7.4.4.4), each 8-bit ink
     * less the same ink of the pixel before it in the row, as {@link FlateBlocks} differences the rows.
     */
    private static COSDictionary predictor(int widthPx) {
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.PREDICTOR, 2);
        parms.setInt(COSName.COLORS, 4);
        parms.setInt(COSName.BITS_PER_COMPONENT, 8);
        parms.setInt(COSName.COLUMNS, widthPx);
        parms.setDirect(true); // written inside the image's dictionary, not as an object of its own
        return parms;
    }

    /**
     * @param imageFile where the compressed image stream waits for the rest of the file: beside the PDF being
     *                  written, deleted by {@link #close()}
     */
    static PdfX4 begin(PlacementCanvas canvas, Path imageFile) throws IOException {
        return new PdfX4(canvas, imageFile);
    }

    /**
     * Appends {@code length} bytes of {@code data} from {@code offset} to the compressed image stream: the
     * {@link FlateBlocks} stream of the canvas, header first and end last.
     */
    void imageData(byte[] data, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(data, offset, length);
        while (b.hasRemaining()) {
            raw.write(b);
        }
    }

    /** Writes the PDF around the image stream, once the stream is whole. */
    void finish(Path file, RenderJob job, String profileSha256, Instant created, UUID documentId)
            throws IOException {
        ImageStreamRead data = new ImageStreamRead(raw);
        imageData = data;
        // no stream cache: this stream is only read, never written again
        COSStream image = new COSStream(null, new RandomAccessReadView(data, 0, data.length()));
        image.setItem(COSName.TYPE, COSName.XOBJECT);
        image.setItem(COSName.SUBTYPE, COSName.IMAGE);
        image.setInt(COSName.WIDTH, canvas.widthPx());
        image.setInt(COSName.HEIGHT, canvas.heightPx());
        image.setInt(COSName.BITS_PER_COMPONENT, 8);
        image.setItem(COSName.COLORSPACE, COSName.DEVICECMYK);
        image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        image.setItem(COSName.DECODE_PARMS, predictor(canvas.widthPx()));
        image.setLong(COSName.LENGTH, data.length());
        PDPage page = PdfX4Frame.page(canvas);
        document.addPage(page);
        PDRectangle media = page.getMediaBox();
        PDImageXObject xobject = new PDImageXObject(new PDStream(image), null);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xobject, 0, 0, media.getWidth(), media.getHeight());
        }
        PdfX4Frame.complete(document, canvas, job.outputCondition(), job.provenance(), job.bleedInches(),
                profileSha256, created, documentId, file);
    }

    /**
     * The compressed image stream as PDFBox's writer copies it into the PDF, 4 KiB a call: read from the file's
     * channel 256 KiB at a time and handed out from there. PDFBox's own buffered file reader goes through a cache of
     * 4 KiB pages (a buffer and a map entry a page): saving the bench photo's PDF (a 29 MB image stream) took 80 ms
     * so, on the thread that ends the placement; 20 ms so (with the 64 KiB write buffer of {@link PdfX4Frame}).
     */
    private static final class ImageStreamRead implements RandomAccessRead {

        private final FileChannel channel;
        private final long length;
        private long position;
        private boolean closed;
        /** The part of the file read last, from {@link #chunkStart}: PDFBox asks for 4 KiB at a time. */
        private final ByteBuffer chunk = ByteBuffer.allocate(1 << 18);
        private long chunkStart;
        private int chunkLength;

        ImageStreamRead(FileChannel channel) throws IOException {
            this.channel = channel;
            this.length = channel.size();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("the image stream's file is closed");
            }
            if (position >= length) {
                return -1;
            }
            if (position < chunkStart || position >= chunkStart + chunkLength) {
                chunk.clear();
                chunkStart = position;
                chunkLength = 0;
                while (chunk.hasRemaining() && chunkStart + chunkLength < length) {
                    int n = channel.read(chunk, chunkStart + chunkLength);
                    if (n < 0) {
                        break;
                    }
                    chunkLength += n;
                }
                if (chunkLength == 0) {
                    return -1;
                }
            }
            int n = (int) Math.min(len, chunkStart + chunkLength - position);
            System.arraycopy(chunk.array(), (int) (position - chunkStart), b, off, n);
            position += n;
            return n;
        }

        @Override
        public long getPosition() {
            return position;
        }

        @Override
        public void seek(long to) throws IOException {
            if (to < 0) {
                throw new IOException("seek to " + to);
            }
            position = Math.min(to, length);
        }

        @Override
        public long length() {
            return length;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isEOF() {
            return position >= length;
        }

        @Override
        public RandomAccessReadView createView(long start, long viewLength) {
            return new RandomAccessReadView(this, start, viewLength);
        }

        /** Only stops reading: the channel is {@link PdfX4}'s, closed with it. */
        @Override
        public void close() {
            closed = true;
        }
    }

    @Override
    public void close() throws IOException {
        try (document; raw) {
            if (imageData != null) {
                imageData.close();
            }
        } finally {
            Files.deleteIfExists(imageFile);
        }
    }
}
