package dev.platen.artwork;

import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.jspecify.annotations.Nullable;

/**
 * The first page of PDF art, open for use as vectors: a document holding that page alone (sharing its objects,
 * so nothing else in the file is reachable), its page, and the art's own output intent profile. The page has passed
 * the same checks as every other use of the file ({@code PdfObjectGraph}); the caller may rewrite its objects in
 * place, the file on disk is never written. Close it to release PDFBox's file handles.
 */
public final class PdfArtPage implements AutoCloseable {

    private final PDDocument document;
    private final PDPage page;
    private final byte @Nullable [] outputIntentProfile;
    private final AutoCloseable owner;

    PdfArtPage(PDDocument document, PDPage page, byte @Nullable [] outputIntentProfile, AutoCloseable owner) {
        this.document = document;
        this.page = page;
        this.outputIntentProfile = outputIntentProfile;
        this.owner = owner;
    }

    public PDDocument document() {
        return document;
    }

    public PDPage page() {
        return page;
    }

    /** The art's output intent profile (PDF/X), byte for byte, or null when it names none. */
    public byte @Nullable [] outputIntentProfile() {
        return outputIntentProfile == null ? null : outputIntentProfile.clone();
    }

    @Override
    public void close() throws IOException {
        try {
            document.close();
        } finally {
            try {
                owner.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
