package dev.platen.render;

import dev.platen.testing.VectorArt;

import dev.platen.testing.PrintTools;
import dev.platen.artwork.Finding;
import dev.platen.catalog.Stock;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.function.PDFunctionType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PDF art whose DeviceCMYK is already the stock's condition (no output intent: the assumed CMYK profile is the coated
 * stock's own) still meets the stock's ink limit, 330 %: a 400 % box and the 400 % pixel of a DeviceCMYK image are
 * reduced by lcms's formula (C, M and Y scaled, K kept) and say so, while a colour and a pixel within the limit stay
 * the very numbers the art wrote. And a Separation {@code /None} paints nothing: the cyan under it stays on the
 * TIFF's plates, as Ghostscript shows it on the PDF's.
 */
class PdfKeptCmykTest {

    static final float[] OVER_BOX = {20, 130, 60, 60};
    static final float[] WITHIN_BOX = {100, 130, 60, 60};
    static final float[] IMAGE_BOX = {20, 60, 100, 40};
    /** A C100 box with a /None box and /None text over its right part. */
    static final float[] CYAN_BOX = {180, 110, 80, 80};
    static final float[] NONE_BOX = {220, 60, 60, 100};
    /** Written as the art writes it: the print must carry these very tokens. */
    static final String WITHIN = "0.123 0.456 0.789 0.1 k";

    @TempDir
    static Path dir;
    static Path pdf;
    static Path tiff;
    static PdfArtPrint.Result result;

    @BeforeAll
    static void placeTheArt() throws Exception {
        Path art = dir.resolve("kept.pdf");
        write(art);
        pdf = dir.resolve("kept-print.pdf");
        tiff = dir.resolve("kept-print.tif");
        result = PdfArtPrintTest.place(art, PdfArtPrintTest.coated(Stock.SpotColours.KEEP, Stock.Registration.NONE),
                pdf, tiff);
        assertThat(result.rasterised()).as("%s", result.findings()).isFalse();
    }

    static void write(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(288, 216));
            doc.addPage(page);
            // a 2 x 1 DeviceCMYK image: 400 % on the left, 10/20/30/40 counts on the right
            COSStream data = doc.getDocument().createCOSStream();
            try (OutputStream out = data.createOutputStream()) {
                out.write(new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255, 10, 20, 30, 40});
            }
            data.setItem(COSName.TYPE, COSName.XOBJECT);
            data.setItem(COSName.SUBTYPE, COSName.IMAGE);
            data.setInt(COSName.WIDTH, 2);
            data.setInt(COSName.HEIGHT, 1);
            data.setInt(COSName.BITS_PER_COMPONENT, 8);
            data.setItem(COSName.COLORSPACE, COSName.DEVICECMYK);
            PDImageXObject image = new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(data), null);

            PDSeparation none = new PDSeparation();
            none.setColorantName("None");
            none.setAlternateColorSpace(org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK.INSTANCE);
            COSDictionary fn = new COSDictionary();
            fn.setInt(COSName.FUNCTION_TYPE, 2);
            fn.setItem(COSName.DOMAIN, VectorArt.floats(0, 1));
            fn.setItem(COSName.C0, VectorArt.floats(0, 0, 0, 0));
            // were it painted, it would be black ink
            fn.setItem(COSName.C1, VectorArt.floats(0, 0, 0, 1));
            fn.setInt(COSName.N, 1);
            none.setTintTransform(new PDFunctionType2(fn));
            PDType0Font font;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(
                    "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                font = PDType0Font.load(doc, ttf);
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.appendRawCommands("1 1 1 1 k\n");
                VectorArt.box(cs, OVER_BOX);
                cs.appendRawCommands(WITHIN + "\n");
                VectorArt.box(cs, WITHIN_BOX);
                cs.drawImage(image, IMAGE_BOX[0], IMAGE_BOX[1], IMAGE_BOX[2], IMAGE_BOX[3]);
                cs.appendRawCommands("1 0 0 0 k\n");
                VectorArt.box(cs, CYAN_BOX);
                cs.setNonStrokingColor(new PDColor(new float[] {1}, none));
                VectorArt.box(cs, NONE_BOX);
                cs.beginText();
                cs.setFont(font, 40);
                cs.newLineAtOffset(185, 120);
                cs.showText("None");
                cs.endText();
            }
            doc.save(file.toFile());
        }
    }

    @Test
    void theStocksInkLimitActsOnKeptCmykOverItAndSaysSo() throws Exception {
        assertThat(result.findings()).extracting(Finding::code)
                .containsExactlyInAnyOrder(Finding.CMYK_PASSED_THROUGH, Finding.INK_LIMIT_APPLIED);
        assertThat(result.findings()).filteredOn(f -> f.code().equals(Finding.INK_LIMIT_APPLIED))
                .extracting(Finding::message).singleElement().asString()
                .contains("330 %").contains("1 colour(s)").contains("1 image pixel(s)");
        Raster r = ImageIO.read(tiff.toFile()).getRaster();
        int[] over = r.getPixel(px(OVER_BOX), py(OVER_BOX), (int[]) null);
        // lcms's ink-limiting formula: K kept, C, M and Y scaled by one factor to 330 % in all (842 of 1020 counts)
        assertThat(over[3]).isEqualTo(255);
        assertThat(over[0]).isEqualTo(over[1]).isEqualTo(over[2]).isBetween(190, 200);
        assertThat(over[0] + over[1] + over[2] + over[3]).isLessThanOrEqualTo(843);
        int[] pixel = r.getPixel(PdfArtPrintTest.px(IMAGE_BOX[0] + 25), PdfArtPrintTest.py(IMAGE_BOX[1] + 20),
                (int[]) null);
        assertThat(pixel[3]).isEqualTo(255);
        assertThat(pixel[0] + pixel[1] + pixel[2] + pixel[3]).isLessThanOrEqualTo(843);
    }

    @Test
    void colourAndPixelsWithinTheLimitAreTheArtsOwnNumbers() throws Exception {
        Raster r = ImageIO.read(tiff.toFile()).getRaster();
        assertThat(r.getPixel(px(WITHIN_BOX), py(WITHIN_BOX), (int[]) null)).containsExactly(31, 116, 201, 26);
        assertThat(r.getPixel(PdfArtPrintTest.px(IMAGE_BOX[0] + 75), PdfArtPrintTest.py(IMAGE_BOX[1] + 20),
                (int[]) null)).containsExactly(10, 20, 30, 40);
        // in the PDF/X-4, the art's own operator, token for token
        StringBuilder content = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            for (COSBase b : PdfArtPrintTest.allObjects(doc)) {
                if (b instanceof COSStream s && !COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
                    try (InputStream in = s.createInputStream()) {
                        content.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        assertThat(content.toString()).contains(WITHIN);
    }

    @Test
    void ghostscriptSeesTheLimitOnThePdfsPlates() throws Exception {
        Path gsDir = Files.createDirectories(dir.resolve("gs"));
        PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffsep",
                "-r" + PdfArtPrintTest.DPI, "-sOutputFile=" + gsDir.resolve("p.tif"), pdf.toString()));
        int total = 0;
        for (String ink : new String[] {"Cyan", "Magenta", "Yellow", "Black"}) {
            total += 255 - PdfArtPrintTest.plate(gsDir, ink).getSample(px(OVER_BOX), py(OVER_BOX), 0);
        }
        assertThat(total).as("C+M+Y+K counts of the 400 % box on Ghostscript's plates").isBetween(835, 845);
        // /None paints nothing for Ghostscript either: the cyan under it is whole, no black
        int x = PdfArtPrintTest.px(NONE_BOX[0] + 10);
        int y = PdfArtPrintTest.py(CYAN_BOX[1] + 40);
        assertThat(255 - PdfArtPrintTest.plate(gsDir, "Cyan").getSample(x, y, 0)).isEqualTo(255);
        assertThat(255 - PdfArtPrintTest.plate(gsDir, "Black").getSample(x, y, 0)).isZero();
    }

    @Test
    void separationNonePaintsNothingOnTheTiffsPlates() throws Exception {
        BufferedImage image = ImageIO.read(tiff.toFile());
        Raster r = image.getRaster();
        // under the /None box and the /None text: the cyan box whole; beside the cyan box: paper
        for (float dx = 2; dx < NONE_BOX[2]; dx += 4) {
            for (float dy = 2; dy < NONE_BOX[3]; dy += 4) {
                float x = NONE_BOX[0] + dx;
                float y = NONE_BOX[1] + dy;
                boolean onCyan = x > CYAN_BOX[0] + 1 && x < CYAN_BOX[0] + CYAN_BOX[2] - 1 && y > CYAN_BOX[1] + 1
                        && y < CYAN_BOX[1] + CYAN_BOX[3] - 1;
                boolean offCyan = x < CYAN_BOX[0] - 1 || x > CYAN_BOX[0] + CYAN_BOX[2] + 1 || y < CYAN_BOX[1] - 1
                        || y > CYAN_BOX[1] + CYAN_BOX[3] + 1;
                int[] p = r.getPixel(PdfArtPrintTest.px(x), PdfArtPrintTest.py(y), (int[]) null);
                if (onCyan) {
                    assertThat(p).as("under /None at %.0f,%.0f", x, y).containsExactly(255, 0, 0, 0);
                } else if (offCyan) {
                    assertThat(p).as("paper under /None at %.0f,%.0f", x, y).containsExactly(0, 0, 0, 0);
                }
            }
        }
    }

    static int px(float[] box) {
        return PdfArtPrintTest.centre(box)[0];
    }

    static int py(float[] box) {
        return PdfArtPrintTest.centre(box)[1];
    }
}
