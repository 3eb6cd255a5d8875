package dev.platen.render;

import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.Finding;
import dev.platen.artwork.PdfArtPage;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.InkLimit;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import dev.platen.testing.EngineTransforms;
import dev.platen.testing.PrintTools;
import dev.platen.testing.Transicc;
import dev.platen.testing.VectorArt;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDF art placed as vectors, checked with poppler (pdffonts, pdfimages), Ghostscript (tiffsep plates) and the TIFF
 * read back: fonts embedded, only the art's own image, the spot still a Separation, no DeviceRGB anywhere, K-only
 * text black only in the PDF and the TIFF, the stock's own CMYK kept.
 */
class PdfArtPrintTest {

    static final Path COATED = Path.of("icc-profiles/platen-coated-v1.icc");
    /** 4 x 3 in at 150 DPI with 0.125 in bleed: 638 x 488 px, the trim at (19, 19), 150/72 px per point. */
    static final int DPI = 150;
    static final int TRIM_X = 19;
    static final int TRIM_Y = 19;

    @TempDir
    static Path dir;
    static Path pdf;
    static Path tiff;
    static PdfArtPrint.Result result;

    static Stock coated(Stock.SpotColours spots, Stock.Registration registration) {
        return new Stock("coated-gloss", "Coated gloss", null, COATED, "Platen coated", "", RenderingIntent
                .RELATIVE_COLORIMETRIC, true, new InkLimit(330), Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF),
                "Platen coated v1", Precision.EXACT, "coated-paper",
                new Stock.ArtPolicy(COATED, Stock.GreyAs.K, spots), registration);
    }

    static PdfArtPrint.Result place(Path art, Stock stock, Path pdfOut, Path tiffOut) throws Exception {
        ArtworkInspector reader = new ArtworkInspector(ArtworkLimits.defaults());
        Set<PrintFileFormat> formats = tiffOut == null ? Set.of(PrintFileFormat.PDF_X4)
                : pdfOut == null ? Set.of(PrintFileFormat.TIFF) : Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF);
        try (PdfArtPage page = reader.pdfPage(art); ColorProfile press = stock.openProfile()) {
            PdfArtPrint.Job job = new PdfArtPrint.Job(page, PrintArea.inches(4, 3), 0.125, DPI, stock,
                    OutputCondition.forStock(stock, press.bytes()), formats, TestJobs.provenance());
            return PdfArtPrint.write(job, press, EngineTransforms.CACHE, pdfOut, tiffOut);
        }
    }

    @BeforeAll
    static void placeTheArt() throws Exception {
        Path art = dir.resolve("art.pdf");
        VectorArt.write(art);
        pdf = dir.resolve("print.pdf");
        tiff = dir.resolve("print.tif");
        result = place(art, coated(Stock.SpotColours.KEEP, Stock.Registration.NONE), pdf, tiff);
        assertThat(result.rasterised()).as("%s", result.findings()).isFalse();
        String keep = System.getProperty("platen.keepPrintFiles");
        if (keep != null) {
            Files.copy(pdf, Path.of(keep, "vector-art-print.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(tiff, Path.of(keep, "vector-art-print.tif"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void popplerListsTheEmbeddedFontAndOnlyTheArtsOwnImage() throws Exception {
        String fonts = PrintTools.run(List.of("pdffonts", pdf.toString()));
        List<String> rows = fonts.lines().skip(2).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).contains("LiberationSans").containsPattern("CID TrueType\\s+Identity-H\\s+yes");

        String images = PrintTools.run(List.of("pdfimages", "-list", pdf.toString()));
        List<String> imageRows = images.lines().skip(2).toList();
        // the art's own picture, now CMYK; no page-sized raster
        assertThat(imageRows).hasSize(1);
        assertThat(imageRows.get(0)).containsPattern("image\\s+" + VectorArt.IMAGE_PX[0] + "\\s+" + VectorArt.IMAGE_PX[1]
                + "\\s+cmyk\\s+4\\s+8");
    }

    @Test
    void theSpotIsStillASeparationOfTheSameNameAndNoDeviceRgbRemains() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<COSBase> all = allObjects(doc);
            List<String> separations = new ArrayList<>();
            boolean rgbName = false;
            for (COSBase b : all) {
                if (b instanceof COSArray a && a.size() == 4 && COSName.SEPARATION.equals(a.getObject(0))) {
                    separations.add(((COSName) a.getObject(1)).getName() + " / " + a.getObject(2));
                }
                if (COSName.DEVICERGB.equals(b) || COSName.getPDFName("CalRGB").equals(b)
                        || COSName.getPDFName("RGB").equals(b)) {
                    rgbName = true;
                }
                if (b instanceof COSArray a && a.size() == 2 && COSName.ICCBASED.equals(a.getObject(0))
                        && a.getObject(1) instanceof COSStream s) {
                    assertThat(s.getInt(COSName.N)).as("an ICCBased space left").isEqualTo(4);
                }
            }
            assertThat(separations).containsExactly(VectorArt.SPOT + " / COSName{DeviceCMYK}");
            assertThat(rgbName).as("a DeviceRGB name in the print file").isFalse();
            List<String> operators = new ArrayList<>();
            for (COSBase b : all) {
                if (b instanceof COSStream s && isContent(s, doc)) {
                    PDFStreamParser parser = new PDFStreamParser(s.createInputStream().readAllBytes());
                    for (Object token : parser.parse()) {
                        if (token instanceof Operator op) {
                            operators.add(op.getName());
                        }
                    }
                }
            }
            assertThat(operators).contains("Tj", "Do", "scn").doesNotContain("rg", "RG");
        }
    }

    @Test
    void ghostscriptRendersItAndTheBlackTextIsOnTheBlackPlateOnly() throws Exception {
        Path gsDir = Files.createDirectories(dir.resolve("gs"));
        PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep", "-r" + DPI,
                "-sOutputFile=" + gsDir.resolve("p.tif"), pdf.toString()));
        Raster c = plate(gsDir, "Cyan");
        Raster m = plate(gsDir, "Magenta");
        Raster y = plate(gsDir, "Yellow");
        Raster k = plate(gsDir, "Black");
        Raster spot = plate(gsDir, VectorArt.SPOT);
        // tiffsep plates are film: 0 is solid ink, 255 none
        int[] text = textArea();
        int inked = 0;
        for (int py = text[1]; py < text[3]; py++) {
            for (int px = text[0]; px < text[2]; px++) {
                if (255 - k.getSample(px, py, 0) > 0) {
                    inked++;
                }
                assertThat(255 - c.getSample(px, py, 0)).as("cyan at %d,%d", px, py).isZero();
                assertThat(255 - m.getSample(px, py, 0)).as("magenta at %d,%d", px, py).isZero();
                assertThat(255 - y.getSample(px, py, 0)).as("yellow at %d,%d", px, py).isZero();
            }
        }
        assertThat(inked).as("black pixels of the text").isGreaterThan(500);
        int[] box = centre(VectorArt.C100_BOX);
        assertThat(255 - c.getSample(box[0], box[1], 0)).isEqualTo(255);
        assertThat(255 - k.getSample(box[0], box[1], 0)).isZero();
        int[] s = centre(VectorArt.SPOT_BOX);
        assertThat(255 - spot.getSample(s[0], s[1], 0)).isEqualTo(255);
        assertThat(255 - m.getSample(s[0], s[1], 0)).as("the spot is its own ink").isZero();
    }

    @Test
    void theTiffHasTheTextInBlackOnlyTheStocksCyanKeptAndTheSpotAsItsCmykAlternate() throws Exception {
        BufferedImage image = ImageIO.read(tiff.toFile());
        Raster r = image.getRaster();
        assertThat(r.getNumBands()).isEqualTo(4);
        assertThat(image.getWidth()).isEqualTo(638);
        int[] text = textArea();
        int inked = 0;
        for (int py = text[1]; py < text[3]; py++) {
            for (int px = text[0]; px < text[2]; px++) {
                int[] p = r.getPixel(px, py, (int[]) null);
                if (p[3] > 0) {
                    inked++;
                }
                assertThat(new int[] {p[0], p[1], p[2]}).as("C, M, Y at %d,%d", px, py).containsOnly(0);
            }
        }
        assertThat(inked).isGreaterThan(500);
        int[] box = centre(VectorArt.C100_BOX);
        assertThat(r.getPixel(box[0], box[1], (int[]) null)).containsExactly(255, 0, 0, 0);
        int[] s = centre(VectorArt.SPOT_BOX);
        // the alternate 0 / 91 / 76 / 0 %, as 8-bit counts
        assertThat(r.getPixel(s[0], s[1], (int[]) null)).containsExactly(0, 232, 194, 0);
        int[] rgb = centre(VectorArt.RGB_BOX);
        int[] red = r.getPixel(rgb[0], rgb[1], (int[]) null);
        assertThat(red[1]).as("magenta of a red").isGreaterThan(150);
        assertThat(red[2]).as("yellow of a red").isGreaterThan(150);
    }

    @Test
    void findingsSayTheCmykPassedThroughAndTheSpotWasKept() {
        assertThat(result.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder(Finding.CMYK_PASSED_THROUGH, Finding.SPOT_COLOUR_KEPT);
        assertThat(result.findings()).filteredOn(f -> f.code().equals(Finding.SPOT_COLOUR_KEPT))
                .extracting(Finding::message).allMatch(m -> m.contains(VectorArt.SPOT));
    }

    @Test
    void convertingSpotsMakesThemProcessColour() throws Exception {
        Path art = dir.resolve("art-convert.pdf");
        VectorArt.write(art);
        Path out = dir.resolve("convert.pdf");
        PdfArtPrint.Result converted = place(art, coated(Stock.SpotColours.CONVERT, Stock.Registration.NONE), out,
                null);
        assertThat(converted.findings()).extracting(Finding::code).contains(Finding.SPOT_COLOUR_CONVERTED);
        String separations = PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER",
                "-sDEVICE=bbox", out.toString()));
        assertThat(separations).isNotNull();
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            assertThat(allObjects(doc)).noneMatch(b -> b instanceof COSArray a && a.size() > 0
                    && COSName.SEPARATION.equals(a.getObject(0)));
        }
    }

    @Test
    void aRegisteredConditionIsNamedInTheOutputIntentAndTheCatalogVersionAgreesWithTheHeader() throws Exception {
        Path art = dir.resolve("art-fogra.pdf");
        VectorArt.write(art);
        Path out = dir.resolve("fogra.pdf");
        place(art, coated(Stock.SpotColours.KEEP, new Stock.Registration("FOGRA39", "http://www.color.org")), out,
                null);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            PDOutputIntent intent = doc.getDocumentCatalog().getOutputIntents().get(0);
            assertThat(intent.getOutputConditionIdentifier()).isEqualTo("FOGRA39");
            assertThat(intent.getRegistryName()).isEqualTo("http://www.color.org");
            assertThat(intent.getInfo()).isEqualTo("Platen coated v1");
            assertThat(doc.getDocument().getVersion()).isEqualTo(1.6f);
            String catalogVersion = doc.getDocumentCatalog().getCOSObject().getNameAsString(COSName.VERSION);
            assertThat(catalogVersion == null || catalogVersion.equals("1.6")).as("catalog /Version %s",
                    catalogVersion).isTrue();
        }
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(out)) {
            in.readNBytes(head, 0, 8);
        }
        assertThat(new String(head, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.6");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDOutputIntent intent = doc.getDocumentCatalog().getOutputIntents().get(0);
            assertThat(intent.getOutputConditionIdentifier()).isEqualTo("coated-gloss");
            assertThat(intent.getRegistryName()).isNull();
        }
    }

    @Test
    void cmykFromAnotherConditionIsConvertedWithBlackKeptBlackOnlyAsTransiccDoes() throws Exception {
        Path uncoated = Path.of("icc-profiles/platen-uncoated-v1.icc");
        Path art = dir.resolve("art-uncoated.pdf");
        VectorArt.write(art, Files.readAllBytes(uncoated));
        Path out = dir.resolve("uncoated.tif");
        PdfArtPrint.Result converted = place(art, coated(Stock.SpotColours.KEEP, Stock.Registration.NONE), null, out);
        assertThat(converted.findings()).extracting(Finding::code).contains(Finding.CMYK_PROFILE_USED)
                .doesNotContain(Finding.CMYK_PASSED_THROUGH);
        // lcms's own tool, K-only relative colorimetric (-t11) with BPC, no precalculation, values in percent
        double[][] reference = Transicc.run("100 0 0 0\n0 0 0 100\n", 2, 4,
                "-c0", "-b", "-t11", "-i" + uncoated, "-o" + COATED);
        Raster r = ImageIO.read(out.toFile()).getRaster();
        int[] box = centre(VectorArt.C100_BOX);
        int[] cyan = r.getPixel(box[0], box[1], (int[]) null);
        for (int i = 0; i < 4; i++) {
            assertThat(cyan[i]).as("ink %d of C100", i).isCloseTo((int) Math.round(reference[0][i] * 2.55),
                    org.assertj.core.data.Offset.offset(1));
        }
        assertThat(reference[1][0] + reference[1][1] + reference[1][2]).isZero();
        int[] text = textArea();
        int darkest = 0;
        for (int py = text[1]; py < text[3]; py++) {
            for (int px = text[0]; px < text[2]; px++) {
                int[] v = r.getPixel(px, py, (int[]) null);
                assertThat(new int[] {v[0], v[1], v[2]}).as("C, M, Y at %d,%d", px, py).containsOnly(0);
                darkest = Math.max(darkest, v[3]);
            }
        }
        assertThat(darkest).isCloseTo((int) Math.round(reference[1][3] * 2.55),
                org.assertj.core.data.Offset.offset(1));
    }

    @Test
    void theProofGetsThePrintsCmykPerPixel() throws Exception {
        Path art = dir.resolve("art-proof.pdf");
        VectorArt.write(art);
        Stock stock = coated(Stock.SpotColours.KEEP, Stock.Registration.NONE);
        byte[] cmyk;
        try (PdfArtPage page = new ArtworkInspector(ArtworkLimits.defaults()).pdfPage(art);
             ColorProfile press = stock.openProfile()) {
            cmyk = PdfArtPrint.proofCmyk(page, stock, press, EngineTransforms.CACHE, 288, 216);
        }
        assertThat(cmyk).hasSize(288 * 216 * 4);
        int at = ((216 - 160) * 288 + 50) * 4; // centre of the C100 box at 72 DPI
        assertThat(new int[] {cmyk[at] & 0xFF, cmyk[at + 1] & 0xFF, cmyk[at + 2] & 0xFF, cmyk[at + 3] & 0xFF})
                .containsExactly(255, 0, 0, 0);
        int blackOnly = 0;
        for (int y = 216 - 56; y < 216 - 10; y++) {
            for (int x = 16; x < 220; x++) {
                int i = (y * 288 + x) * 4;
                assertThat(cmyk[i] | cmyk[i + 1] | cmyk[i + 2]).as("C, M, Y of the text at %d,%d", x, y).isZero();
                blackOnly += (cmyk[i + 3] & 0xFF) > 0 ? 1 : 0;
            }
        }
        assertThat(blackOnly).isGreaterThan(200);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Canvas pixel box (x0, y0, x1, y1) around the text line, generously clear of the other objects. */
    static int[] textArea() {
        return new int[] {px(VectorArt.TEXT_X - 4), py(VectorArt.TEXT_Y + VectorArt.TEXT_SIZE + 4),
                px(VectorArt.TEXT_X + 200), py(VectorArt.TEXT_Y - 12)};
    }

    static int[] centre(float[] box) {
        return new int[] {px(box[0] + box[2] / 2), py(box[1] + box[3] / 2)};
    }

    static int px(float x) {
        return TRIM_X + Math.round(x * DPI / 72f);
    }

    static int py(float y) {
        return TRIM_Y + Math.round((216 - y) * DPI / 72f);
    }

    static Raster plate(Path gsDir, String ink) throws IOException {
        Path file = gsDir.resolve("p(" + ink + ").tif");
        assertThat(file).as("Ghostscript's " + ink + " plate").exists();
        return ImageIO.read(file.toFile()).getRaster();
    }

    static List<COSBase> allObjects(PDDocument doc) {
        List<COSBase> out = new ArrayList<>();
        java.util.Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (COSObjectKey key : doc.getDocument().getXrefTable().keySet()) {
            COSObject o = doc.getDocument().getObjectFromPool(key);
            collect(o.getObject(), out, seen);
        }
        return out;
    }

    private static void collect(COSBase b, List<COSBase> out, java.util.Set<COSBase> seen) {
        if (b == null || !seen.add(b)) {
            return;
        }
        out.add(b);
        if (b instanceof COSDictionary d) {
            for (COSBase v : d.getValues()) {
                collect(v instanceof COSObject o ? o.getObject() : v, out, seen);
            }
        } else if (b instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                collect(a.getObject(i), out, seen);
            }
        }
    }

    /** Page contents, forms, tiling patterns and glyph procedures: streams of operators. */
    private static boolean isContent(COSStream s, PDDocument doc) {
        if (COSName.FORM.equals(s.getCOSName(COSName.SUBTYPE)) || s.getInt(COSName.PATTERN_TYPE, 0) == 1) {
            return true;
        }
        COSBase contents = doc.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
        return contents == s || contents instanceof COSArray a && Stream.of(a.toList().toArray())
                .anyMatch(x -> (x instanceof COSObject o ? o.getObject() : x) == s);
    }
}
