package dev.platen.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the canvas of raster art as a one-page PDF/X-4 (ISO 15930-7:2010) with Apache PDFBox: the art is one
 * DeviceCMYK image XObject, 8 bits per component, Flate-compressed, drawn over the whole bleed box; device CMYK is
 * the stock's CMYK by way of the output intent, so nothing in the file is RGB and nothing needs converting at the
 * RIP. The rest of the file (boxes, output intent, metadata, ids) is {@link PdfX4Frame}'s, shared with PDF art
 * placed as vectors.
 *
 * <p>Memory: the image stream is deflated as bands arrive and PDFBox keeps stream data in a temporary file
 * ({@link IOUtils#createTempFileOnlyStreamCache()}), not on the heap. Use: {@link #begin}, feed {@link #sink()},
 * then {@link #finish}; {@link #close()} in any case.
 */
final class PdfX4 implements AutoCloseable {

    private final PlacementCanvas canvas;
    private final PDDocument document;
    private final COSStream image;
    private final Deflater deflater;
    private final DeflaterOutputStream imageData;
    private final int rowBytes;
    private long rowsWritten;

    private PdfX4(PlacementCanvas canvas) throws IOException {
        this.canvas = canvas;
        this.rowBytes = canvas.widthPx() * 4;
        this.document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
        try {
            this.image = document.getDocument().createCOSStream();
            image.setItem(COSName.TYPE, COSName.XOBJECT);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, canvas.widthPx());
            image.setInt(COSName.HEIGHT, canvas.heightPx());
            image.setInt(COSName.BITS_PER_COMPONENT, 8);
            image.setItem(COSName.COLORSPACE, COSName.DEVICECMYK);
            image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            // Raw stream + our own deflater: PDFBox's filtered output stream would buffer the whole decoded
            // image before encoding it on close.
            OutputStream raw = image.createRawOutputStream();
            // Level 1: a CMYK raster is large and compresses to within a few per cent at any level; the
            // default level 6 costs seconds per placement (measured with the bench command in the README).
            this.deflater = new Deflater(Deflater.BEST_SPEED);
            this.imageData = new DeflaterOutputStream(raw, deflater, 1 << 16);
        } catch (IOException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    static PdfX4 begin(PlacementCanvas canvas) throws IOException {
        return new PdfX4(canvas);
    }

    /** Takes canvas bands top to bottom into the image stream. */
    BandImage.BandSink sink() {
        return (cmyk, rows) -> {
            imageData.write(cmyk, 0, rows * rowBytes);
            rowsWritten += rows;
        };
    }

    void finish(Path file, RenderJob job, String profileSha256, Instant created, UUID documentId)
            throws IOException {
        imageData.close();
        if (rowsWritten != canvas.heightPx()) {
            throw new IllegalStateException("the image stream has " + rowsWritten + " of " + canvas.heightPx()
                    + " rows");
        }
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

    @Override
    public void close() throws IOException {
        try {
            imageData.close();
        } finally {
            deflater.end(); // a Deflater handed in is not ended by its stream; its native memory would wait for GC
            document.close();
        }
    }
}
