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
 * Writes the canvas as a one-page PDF/X-4 (ISO 15930-7:2010) with Apache PDFBox.
 *
 * <p>What the standard asks and where it is done (requirements as the standard states them; the clause numbers
 * are left out here because they were not checked against the text):
 * <ul>
 * <li>PDF 1.6 header (X-4 is based on PDF 1.6); no encryption; a trailer /ID, made from the
 *     same UUID as xmpMM:DocumentID so the two identify one file.</li>
 * <li>Page boxes: MediaBox = BleedBox = the canvas (trim plus bleed on every side), TrimBox = the print
 *     area. For products without bleed all three are equal. Boxes come from the pixel grid, see
 *     {@link PlacementCanvas}.</li>
 * <li>The art is one DeviceCMYK image XObject, 8 bits per component, Flate-compressed, drawn over the whole
 *     bleed box; device CMYK is the stock's CMYK by way of the output intent, so nothing in the file is
 *     RGB and nothing needs converting at the RIP.</li>
 * <li>One output intent, /S /GTS_PDFX, OutputConditionIdentifier and Info from the stock, and the stock's ICC
 *     profile as DestOutputProfile (/N 4), byte for byte.</li>
 * <li>XMP metadata in the catalog: pdfxid:GTS_PDFXVersion = PDF/X-4, pdf:Trapped = False, dates, title,
 *     xmpMM ids, and the document information dictionary saying the same (/Trapped /False). The packet is
 *     written as text ({@link XmpPacket}); PDFBox's xmpbox is not used.</li>
 * </ul>
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
        // The header itself says 1.6 (PDDocument.setVersion would write /Version 1.6 in the catalog and leave the
        // header at PDFBox's 1.4, which preflight tools read as the file's version).
        document.getDocument().setVersion(1.6f);
        double pt = canvas.pointsPerPixel();
        float width = (float) (canvas.widthPx() * pt);
        float height = (float) (canvas.heightPx() * pt);
        PDRectangle media = new PDRectangle(0, 0, width, height);
        PDPage page = new PDPage(media);
        page.setBleedBox(media);
        // The print area at its nominal size, centred; without bleed it is the media box itself.
        boolean bleed = canvas.widthPx() > canvas.trimWidthPx() || canvas.heightPx() > canvas.trimHeightPx();
        page.setTrimBox(!bleed ? media : new PDRectangle(
                (float) ((width - canvas.trimWidthPt()) / 2), (float) ((height - canvas.trimHeightPt()) / 2),
                (float) canvas.trimWidthPt(), (float) canvas.trimHeightPt()));
        document.addPage(page);

        PDImageXObject xobject = new PDImageXObject(new PDStream(image), null);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            content.drawImage(xobject, 0, 0, width, height);
        }

        OutputCondition condition = job.outputCondition();
        COSStream profile = document.getDocument().createCOSStream();
        profile.setInt(COSName.N, 4);
        try (OutputStream out = profile.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(condition.profileBytes());
        }
        COSDictionary intent = new COSDictionary();
        intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
        intent.setItem(COSName.S, COSName.getPDFName("GTS_PDFX"));
        intent.setString(COSName.OUTPUT_CONDITION_IDENTIFIER, condition.identifier());
        intent.setString(COSName.getPDFName("OutputCondition"), condition.info());
        intent.setString(COSName.INFO, condition.info());
        intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        document.getDocumentCatalog().addOutputIntent(new PDOutputIntent(intent));

        String xmp = XmpPacket.of(job, canvas, profileSha256, created, documentId, true);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);

        Provenance p = job.provenance();
        PDDocumentInformation info = document.getDocumentInformation();
        Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        date.setTimeInMillis(created.getEpochSecond() * 1000);
        info.setTitle(p.title());
        info.setCreator("Platen " + p.engineVersion());
        info.setProducer("Platen " + p.engineVersion() + " (Apache PDFBox)");
        info.setCreationDate(date);
        info.setModificationDate(date);
        info.setTrapped("False");
        info.setCustomMetadataValue("GTS_PDFXVersion", "PDF/X-4");

        byte[] id = uuidBytes(documentId);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().setDocumentID(ids);

        // A classic cross-reference table rather than object streams: allowed either way in X-4, read by every RIP.
        document.save(file.toFile(), CompressParameters.NO_COMPRESSION);
    }

    private static byte[] uuidBytes(UUID uuid) {
        return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
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
