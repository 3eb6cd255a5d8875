package dev.platen.render;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What every PDF/X-4 print file (ISO 15930-7:2010) has around its one page, whatever draws on it: raster art's
 * image ({@link PdfX4}) or PDF art placed as vectors ({@link PdfArtPrint}).
 *
 * <p>What the standard asks and where it is done (requirements as the standard states them; the clause numbers
 * are left out here because they were not checked against the text):
 * <ul>
 * <li>PDF 1.6 header (X-4 is based on PDF 1.6); no encryption; a trailer /ID, made from the same UUID as
 *     xmpMM:DocumentID so the two identify one file. The catalog carries no /Version: one that disagreed with the
 *     header would be read as the file's version by some preflight tools.</li>
 * <li>Page boxes: MediaBox = BleedBox = the canvas (trim plus bleed on every side), TrimBox = the print area. For
 *     products without bleed all three are equal. Boxes come from the pixel grid, see {@link PlacementCanvas}.</li>
 * <li>One output intent, /S /GTS_PDFX, with the stock's ICC profile as DestOutputProfile (/N 4), byte for byte.
 *     OutputConditionIdentifier is the registered condition when the stock names one (such as FOGRA39), with its
 *     /RegistryName (such as http://www.color.org), so a RIP recognises it; otherwise the stock's own id, and the
 *     embedded profile is what defines the condition. /OutputCondition and /Info say the condition in words.</li>
 * <li>XMP metadata in the catalog: pdfxid:GTS_PDFXVersion = PDF/X-4, pdf:Trapped = False, dates, title,
 *     xmpMM ids, and the document information dictionary saying the same (/Trapped /False). The packet is
 *     written as text ({@link XmpPacket}); PDFBox's xmpbox is not used.</li>
 * </ul>
 */
final class PdfX4Frame {

    private PdfX4Frame() {
    }

    /** A page whose boxes are the canvas's: MediaBox = BleedBox = canvas, TrimBox = the print area, centred. */
    static PDPage page(PlacementCanvas canvas) {
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
        return page;
    }

    /** D:YYYYMMDDHHmmSS and the UTC offset as +00'00' (two quotes are one in a pattern's quoted text). */
    private static final DateTimeFormatter PDF_DATE = DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss'+00''00'''",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Adds output intent, metadata and ids to a document whose one page is drawn, and saves it to {@code file}. */
    static void complete(PDDocument document, PlacementCanvas canvas, OutputCondition condition, Provenance p,
                         double bleedInches, String profileSha256, Instant created, UUID documentId, Path file)
            throws IOException {
        // The header itself says 1.6 (PDDocument.setVersion would write /Version 1.6 in the catalog and leave the
        // header at PDFBox's 1.4, which preflight tools read as the file's version).
        document.getDocument().setVersion(1.6f);
        document.getDocumentCatalog().getCOSObject().removeItem(COSName.VERSION);

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
        if (condition.registryName() != null) {
            intent.setString(COSName.REGISTRY_NAME, condition.registryName());
        }
        intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        document.getDocumentCatalog().addOutputIntent(new PDOutputIntent(intent));

        String xmp = XmpPacket.of(p, condition, bleedInches, canvas, profileSha256, created, documentId, true);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);

        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(p.title());
        info.setCreator("Platen " + p.engineVersion());
        info.setProducer("Platen " + p.engineVersion() + " (Apache PDFBox)");
        // The dates as PDFBox writes a UTC Calendar (PDF 32000-1, 7.9.4), formatted here: its formatter goes
        // through String.format and a GregorianCalendar, and starting them made the information dictionary 15-17 ms
        // of a one-placement process.
        String date = PDF_DATE.format(created);
        info.getCOSObject().setString(COSName.CREATION_DATE, date);
        info.getCOSObject().setString(COSName.MOD_DATE, date);
        info.setTrapped("False");
        info.setCustomMetadataValue("GTS_PDFXVersion", "PDF/X-4");

        byte[] id = ByteBuffer.allocate(16).putLong(documentId.getMostSignificantBits())
                .putLong(documentId.getLeastSignificantBits()).array();
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().setDocumentID(ids);

        // A classic cross-reference table rather than object streams: allowed either way in X-4, read by every RIP.
        // PDFBox copies a stream's data 4 KiB at a time; save(File) buffers 8 KiB before each write to the file, here
        // 64 KiB (the bench photo's PDF, a 29 MB image stream: 55 -> 45 ms to save).
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            document.save(out, CompressParameters.NO_COMPRESSION);
        }
    }
}
