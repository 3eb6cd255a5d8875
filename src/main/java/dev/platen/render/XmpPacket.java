package dev.platen.render;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The XMP packet (ISO 16684-1) of a print file, written as text: Dublin Core title, XMP dates, the PDF/X-4
 * identification and trapping state for PDFs, media-management ids, and Platen's provenance in its own namespace.
 * One property per line, attributes for simple values, so that {@code grep} finds them in the file too.
 */
final class XmpPacket {

    static final String PROVENANCE_NS = "https://platen.dev/ns/provenance/1.0/";
    static final String PDFXID_NS = "http://www.npes.org/pdfx/ns/id/";

    /** XMP dates are ISO 8601 with a time zone; seconds are all PDF's own dates hold, so both say the same. */
    private static final DateTimeFormatter XMP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private XmpPacket() {
    }

    /**
     * @param pdfx       true for the PDF/X-4 packet (pdfxid, pdf:Trapped, dc:format application/pdf)
     * @param documentId the file's xmpMM:DocumentID; InstanceID is the same for a file written once
     */
    static String of(RenderJob job, PlacementCanvas canvas, String profileSha256, Instant created, UUID documentId,
                     boolean pdfx) {
        return of(job.provenance(), job.outputCondition(), job.bleedInches(), canvas, profileSha256, created,
                documentId, pdfx);
    }

    /** The same for a print file made from something else than a raster job (PDF art placed as vectors). */
    static String of(Provenance p, OutputCondition condition, double bleedInches, PlacementCanvas canvas,
                     String profileSha256, Instant created, UUID documentId, boolean pdfx) {
        String date = XMP_DATE.format(created.truncatedTo(ChronoUnit.SECONDS));
        String uuid = "uuid:" + documentId;
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
        x.append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
        x.append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
        x.append("  <rdf:Description rdf:about=\"\"\n");
        x.append("    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
        x.append("    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
        x.append("    xmlns:xmpMM=\"http://ns.adobe.com/xap/1.0/mm/\"\n");
        if (pdfx) {
            x.append("    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
            x.append("    xmlns:pdfxid=\"").append(PDFXID_NS).append("\"\n");
        }
        x.append("    xmlns:platen=\"").append(PROVENANCE_NS).append("\"\n");
        attribute(x, "xmp:CreateDate", date);
        attribute(x, "xmp:ModifyDate", date);
        attribute(x, "xmp:MetadataDate", date);
        attribute(x, "xmp:CreatorTool", "Platen " + p.engineVersion());
        attribute(x, "xmpMM:DocumentID", uuid);
        attribute(x, "xmpMM:InstanceID", uuid);
        // PDF/X-4 preflight tools also look for a version id and the rendition class.
        attribute(x, "xmpMM:VersionID", "1");
        attribute(x, "xmpMM:RenditionClass", "default");
        if (pdfx) {
            attribute(x, "pdfxid:GTS_PDFXVersion", "PDF/X-4");
            // PDF/X (ISO 15930-7) wants Trapped True or False, never Unknown; Platen does not trap.
            attribute(x, "pdf:Trapped", "False");
            attribute(x, "pdf:Producer", "Platen " + p.engineVersion() + " (Apache PDFBox)");
        }
        attribute(x, "platen:ArtworkSHA256", p.artworkSha256());
        attribute(x, "platen:ProfileSHA256", profileSha256);
        attribute(x, "platen:OutputCondition", condition.identifier());
        attribute(x, "platen:RenderingIntent", p.renderingIntent());
        attribute(x, "platen:BlackPointCompensation", p.blackPointCompensation() ? "True" : "False");
        attribute(x, "platen:Product", p.productId());
        attribute(x, "platen:Placement", p.placementId());
        attribute(x, "platen:Tier", p.tierId());
        attribute(x, "platen:TargetDPI", Integer.toString(canvas.dpi()));
        attribute(x, "platen:CanvasPixels", canvas.widthPx() + "x" + canvas.heightPx());
        attribute(x, "platen:BleedInches", Double.toString(bleedInches));
        attribute(x, "platen:EngineVersion", p.engineVersion());
        // The same art, tier and stock give the same bytes: the dates are the art's receipt, the ids derived from
        // the provenance above (PrintFileWriter.documentId)
        attribute(x, "platen:Reproducible", "True");
        attribute(x, "platen:DatedBy", "ArtworkReceived");
        x.setLength(x.length() - 1);
        x.append(">\n");
        x.append("   <dc:format>").append(pdfx ? "application/pdf" : "image/tiff").append("</dc:format>\n");
        x.append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(escape(p.title()))
                .append("</rdf:li></rdf:Alt></dc:title>\n");
        x.append("  </rdf:Description>\n");
        x.append(" </rdf:RDF>\n");
        x.append("</x:xmpmeta>\n");
        // Padding lets a later tool edit the packet in place; end="w" marks it writeable (ISO 16684-1).
        String padding = (" ".repeat(99) + "\n").repeat(20);
        x.append(padding);
        x.append("<?xpacket end=\"w\"?>");
        return x.toString();
    }

    private static void attribute(StringBuilder x, String name, String value) {
        x.append("   ").append(name).append("=\"").append(escape(value)).append("\"\n");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
