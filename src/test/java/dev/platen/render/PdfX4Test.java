package dev.platen.render;

import dev.platen.testing.PrintTools;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.PrintArea;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF/X-4 as poppler, PDFBox and Ghostscript read it back. */
class PdfX4Test {

    /** Device CMYK in, device CMYK out: Ghostscript may differ by rounding at most. Observed: 0 on every pixel. */
    private static final int GHOSTSCRIPT_TOLERANCE = 1;

    @TempDir
    static Path dir;

    static Path pdf;
    static Path garmentPdf;
    static PrintFiles written;
    static PlacementCanvas canvas;
    static byte[] expectedCanvas;

    @BeforeAll
    static void writeThem() throws Exception {
        // A 4 x 3 in poster tier with 0.125 in bleed at 300 DPI: 1275 x 975 px, 306 x 234 pt.
        BufferedImage art = TestJobs.quadrants(800, 600);
        RenderJob poster = TestJobs.job(art, PrintArea.inches(4, 3), 0.125, 300, new NaiveCmyk(),
                Set.of(PrintFileFormat.PDF_X4));
        pdf = dir.resolve("poster.pdf");
        written = new PrintFileWriter().write(poster, pdf, null);
        canvas = PlacementCanvas.fit(poster.printArea(), 0.125, 300, 800, 600);
        expectedCanvas = Canvases.render(canvas, art, new NaiveCmyk());

        // A garment tier: no bleed, 12 x 16 in at 50 DPI, portrait art on it.
        RenderJob garment = TestJobs.job(TestJobs.quadrants(300, 400), PrintArea.inches(12, 16), 0, 50,
                new NaiveCmyk(), Set.of(PrintFileFormat.PDF_X4));
        garmentPdf = dir.resolve("garment.pdf");
        new PrintFileWriter().write(garment, garmentPdf, null);
    }

    @Test
    void popplerSeesTheBoxesVersionAndNoEncryption() throws Exception {
        String info = PrintTools.run(List.of("pdfinfo", "-box", pdf.toString()));

        assertThat(info).containsPattern("PDF version:\\s+1\\.6");
        assertThat(info).containsPattern("PDF subtype:\\s+PDF/X-4");
        assertThat(info).containsPattern("Encrypted:\\s+no");
        assertThat(info).containsPattern("Pages:\\s+1");
        // Trim 4 x 3 in = 288 x 216 pt, 0.125 in = 9 pt of bleed on every side.
        assertThat(info).containsPattern("MediaBox:\\s+0\\.00\\s+0\\.00\\s+306\\.00\\s+234\\.00");
        assertThat(info).containsPattern("BleedBox:\\s+0\\.00\\s+0\\.00\\s+306\\.00\\s+234\\.00");
        assertThat(info).containsPattern("TrimBox:\\s+9\\.00\\s+9\\.00\\s+297\\.00\\s+225\\.00");
        assertThat(Files.readString(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.6");
    }

    @Test
    void garmentWithoutBleedHasAllThreeBoxesEqual() throws Exception {
        String info = PrintTools.run(List.of("pdfinfo", "-box", garmentPdf.toString()));

        for (String box : List.of("MediaBox", "BleedBox", "TrimBox")) {
            assertThat(info).containsPattern(box + ":\\s+0\\.00\\s+0\\.00\\s+864\\.00\\s+1152\\.00");
        }
    }

    @Test
    void popplerSeesOneCmykImageAtTheTargetResolution() throws Exception {
        String list = PrintTools.run(List.of("pdfimages", "-list", pdf.toString()));

        String row = list.lines().filter(l -> l.trim().startsWith("1 ")).findFirst().orElseThrow();
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi
        assertThat(row.trim().split("\\s+")).startsWith("1", "0", "image", "1275", "975", "cmyk", "4", "8", "image",
                "no");
        assertThat(row).containsPattern("\\s300\\s+300\\s");
        assertThat(list.lines().filter(l -> l.trim().matches("^\\d+\\s+\\d+\\s+\\w+.*"))).hasSize(1);
    }

    @Test
    void pdfBoxReadsTheOutputIntentAndTheImage() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.isEncrypted()).isFalse();
            List<PDOutputIntent> intents = doc.getDocumentCatalog().getOutputIntents();
            assertThat(intents).hasSize(1);
            PDOutputIntent intent = intents.get(0);
            assertThat(intent.getCOSObject().getCOSName(COSName.S)).isEqualTo(COSName.getPDFName("GTS_PDFX"));
            assertThat(intent.getOutputConditionIdentifier()).isEqualTo("platen-coated-gloss");
            assertThat(intent.getInfo()).isEqualTo("Coated gloss art paper (Ghostscript default CMYK)");
            COSStream profile = intent.getDestOutputIntent();
            assertThat(profile.getInt(COSName.N)).isEqualTo(4);
            try (InputStream in = profile.createInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(PrintTools.stockProfile());
            }

            PDPage page = doc.getPage(0);
            PDImageXObject image = null;
            for (COSName name : page.getResources().getXObjectNames()) {
                image = (PDImageXObject) page.getResources().getXObject(name);
            }
            assertThat(image).isNotNull();
            assertThat(image.getColorSpace()).isSameAs(PDDeviceCMYK.INSTANCE);
            assertThat(image.getBitsPerComponent()).isEqualTo(8);
            assertThat(image.getWidth()).isEqualTo(1275);
            assertThat(image.getHeight()).isEqualTo(975);
            assertThat(image.getCOSObject().getCOSName(COSName.FILTER)).isEqualTo(COSName.FLATE_DECODE);
            // The image stream holds exactly the band stream's bytes.
            try (InputStream in = image.createInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(expectedCanvas);
            }
        }
    }

    @Test
    void theImageStreamIsOneZlibStreamOfTheCanvasDifferenced() throws Exception {
        // Compressed in parallel blocks, it must still be one stream: the JDK's zlib inflates it to the end, checks
        // its Adler-32 and finds nothing after it (PDFBox's own decoder is lenient about all three). What it holds
        // is the canvas after TIFF Predictor 2, as the stream's parameters say (PDF 32000-1, 7.4.4.4).
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDPage page = doc.getPage(0);
            COSName name = page.getResources().getXObjectNames().iterator().next();
            COSStream stream = ((PDImageXObject) page.getResources().getXObject(name)).getCOSObject();
            COSDictionary parms = (COSDictionary) stream.getDictionaryObject(COSName.DECODE_PARMS);
            assertThat(parms.getInt(COSName.PREDICTOR)).isEqualTo(2);
            assertThat(parms.getInt(COSName.COLORS)).isEqualTo(4);
            assertThat(parms.getInt(COSName.BITS_PER_COMPONENT)).isEqualTo(8);
            assertThat(parms.getInt(COSName.COLUMNS)).isEqualTo(canvas.widthPx());
            assertThat(parms.size()).isEqualTo(4);
            byte[] zlib;
            try (InputStream in = stream.createRawInputStream()) {
                zlib = in.readAllBytes();
            }
            byte[] inflated = FlateBlocksTest.inflateWhole(zlib, expectedCanvas.length);
            assertThat(inflated).isNotEqualTo(expectedCanvas);
            assertThat(FlateBlocksTest.undifference(inflated, canvas.widthPx() * 4)).isEqualTo(expectedCanvas);
        }
    }

    @Test
    void anImageStreamOfManyReadsIsCopiedIntoTheFileWhole() throws Exception {
        // Noise barely compresses: an image stream of megabytes, which the writer copies in from its own file a
        // quarter of a mebibyte at a time (4 KiB a call): every piece must land once, in order.
        BufferedImage noise = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(15930);
        for (int y = 0; y < noise.getHeight(); y++) {
            for (int x = 0; x < noise.getWidth(); x++) {
                noise.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        RenderJob job = TestJobs.job(noise, PrintArea.inches(4, 3), 0.125, 300, new NaiveCmyk(),
                Set.of(PrintFileFormat.PDF_X4));
        Path noisy = dir.resolve("noise.pdf");
        new PrintFileWriter().write(job, noisy, null);
        byte[] expected = Canvases.render(canvas, noise, new NaiveCmyk());
        try (PDDocument doc = Loader.loadPDF(noisy.toFile())) {
            PDPage page = doc.getPage(0);
            COSName name = page.getResources().getXObjectNames().iterator().next();
            COSStream stream = ((PDImageXObject) page.getResources().getXObject(name)).getCOSObject();
            byte[] zlib;
            try (InputStream in = stream.createRawInputStream()) {
                zlib = in.readAllBytes();
            }
            assertThat(zlib.length).as("bytes of the image stream").isGreaterThan(4 << 18);
            assertThat(stream.getLong(COSName.LENGTH)).isEqualTo(zlib.length);
            byte[] inflated = FlateBlocksTest.inflateWhole(zlib, expected.length);
            assertThat(FlateBlocksTest.undifference(inflated, canvas.widthPx() * 4)).isEqualTo(expected);
        }
    }

    @Test
    void xmpAndInfoIdentifyPdfX4AndSayTheSameThing() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            byte[] xmp;
            try (InputStream in = doc.getDocumentCatalog().getMetadata().exportXMPMetadata()) {
                xmp = in.readAllBytes();
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element d = (Element) factory.newDocumentBuilder().parse(new ByteArrayInputStream(xmp))
                    .getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description").item(0);
            assertThat(d.getAttributeNS(XmpPacket.PDFXID_NS, "GTS_PDFXVersion")).isEqualTo("PDF/X-4");
            assertThat(d.getAttributeNS("http://ns.adobe.com/pdf/1.3/", "Trapped")).isEqualTo("False");
            String xmpNs = "http://ns.adobe.com/xap/1.0/";
            String created = d.getAttributeNS(xmpNs, "CreateDate");
            assertThat(created).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(d.getAttributeNS(xmpNs, "ModifyDate")).isEqualTo(created);
            assertThat(d.getAttributeNS(xmpNs, "MetadataDate")).isEqualTo(created);
            String mm = "http://ns.adobe.com/xap/1.0/mm/";
            String documentId = d.getAttributeNS(mm, "DocumentID");
            assertThat(documentId).startsWith("uuid:");
            assertThat(d.getAttributeNS(mm, "InstanceID")).startsWith("uuid:");
            assertThat(d.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title").item(0)
                    .getTextContent().strip()).isEqualTo("poster / face / poster-12x16");
            String ns = XmpPacket.PROVENANCE_NS;
            assertThat(d.getAttributeNS(ns, "ArtworkSHA256")).isEqualTo(TestJobs.ARTWORK_SHA);
            assertThat(d.getAttributeNS(ns, "ProfileSHA256")).isEqualTo(written.profileSha256());
            assertThat(d.getAttributeNS(ns, "RenderingIntent")).isEqualTo("relative-colorimetric");
            assertThat(d.getAttributeNS(ns, "BlackPointCompensation")).isEqualTo("True");
            assertThat(d.getAttributeNS(ns, "Product")).isEqualTo("poster");
            assertThat(d.getAttributeNS(ns, "Placement")).isEqualTo("face");
            assertThat(d.getAttributeNS(ns, "Tier")).isEqualTo("poster-12x16");
            assertThat(d.getAttributeNS(ns, "EngineVersion")).isEqualTo("0.1.0-test");

            // Info says the same: /Trapped is the name False, the dates are the XMP's.
            COSDictionary info = doc.getDocumentInformation().getCOSObject();
            assertThat(info.getDictionaryObject(COSName.TRAPPED)).isEqualTo(COSName.getPDFName("False"));
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant().toString()).isEqualTo(created);
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("poster / face / poster-12x16");

            // The trailer /ID is the document's UUID.
            COSArray id = doc.getDocument().getDocumentID();
            UUID uuid = UUID.fromString(documentId.substring("uuid:".length()));
            byte[] expected = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
            assertThat(((COSString) id.getObject(0)).getBytes()).isEqualTo(expected);
            assertThat(((COSString) id.getObject(1)).getBytes()).isEqualTo(expected);
        }
    }

    @Test
    void noRgbColourSpaceAnywhereInTheFile() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> found = new ArrayList<>();
            walk(doc.getDocument().getTrailer(), Collections.newSetFromMap(new IdentityHashMap<>()), found);
            assertThat(found).doesNotContain("DeviceRGB", "CalRGB", "DefaultRGB", "ICCBased", "Indexed", "Lab");
            assertThat(found).contains("DeviceCMYK");

            // And the page's content only places the image: no colour operators (rg, RG, sc, cs...) at all.
            List<String> operators = new ArrayList<>();
            for (Object token : new PDFStreamParser(doc.getPage(0)).parse()) {
                if (token instanceof Operator op) {
                    operators.add(op.getName());
                }
            }
            assertThat(operators).containsExactly("q", "cm", "Do", "Q");
        }
    }

    /** Every name reachable from the trailer, through dictionaries, arrays and stream dictionaries. */
    private static void walk(COSBase node, Set<COSBase> seen, List<String> names) {
        COSBase base = node instanceof COSObject o ? o.getObject() : node;
        if (base == null || !seen.add(base)) {
            return;
        }
        if (base instanceof COSName n) {
            names.add(n.getName());
        } else if (base instanceof COSDictionary d) {
            for (var e : d.entrySet()) {
                names.add(e.getKey().getName());
                walk(e.getValue(), seen, names);
            }
        } else if (base instanceof COSArray a) {
            for (COSBase item : a) {
                walk(item, seen, names);
            }
        }
    }

    @Test
    void ghostscriptRendersTheSameCmykBack() throws Exception {
        // -dUseFastColor: device colours without ICC transforms, so DeviceCMYK reaches tiff32nc unchanged. (Without
        // it, Ghostscript 10 also passes it through, because its default CMYK source profile and tiff32nc's output
        // profile are the same file; the flag makes the passthrough explicit, not dependent on that default.)
        Path out = dir.resolve("ghostscript.tif");
        PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseFastColor",
                "-sDEVICE=tiff32nc", "-r300", "-sOutputFile=" + out, pdf.toString()));

        Raster gs = ImageIO.read(out.toFile()).getRaster();
        assertThat(gs.getWidth()).isEqualTo(canvas.widthPx());
        assertThat(gs.getHeight()).isEqualTo(canvas.heightPx());
        int worst = 0;
        int differing = 0;
        int[] pixel = new int[4];
        for (int y = 0; y < gs.getHeight(); y++) {
            for (int x = 0; x < gs.getWidth(); x++) {
                gs.getPixel(x, y, pixel);
                int at = (y * canvas.widthPx() + x) * 4;
                int d = 0;
                for (int k = 0; k < 4; k++) {
                    d = Math.max(d, Math.abs(pixel[k] - (expectedCanvas[at + k] & 0xFF)));
                }
                worst = Math.max(worst, d);
                differing += d > 0 ? 1 : 0;
            }
        }
        System.out.printf("Ghostscript vs band stream, %d x %d px: largest ink difference %d, pixels differing %d%n",
                gs.getWidth(), gs.getHeight(), worst, differing);
        assertThat(worst).isLessThanOrEqualTo(GHOSTSCRIPT_TOLERANCE);

        // And at named points: the red quadrant, the paper-free mirrored bleed corner.
        int x = canvas.artX() + canvas.artWidthPx() / 4;
        int y = canvas.artY() + canvas.artHeightPx() / 4;
        assertThat(gs.getPixel(x, y, (int[]) null)).containsExactly(NaiveCmyk.of(220, 30, 40));
        assertThat(gs.getPixel(0, 0, (int[]) null)).containsExactly(NaiveCmyk.of(220, 30, 40));
    }
}
