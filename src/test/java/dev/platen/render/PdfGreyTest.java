package dev.platen.render;

import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.GreyAsBlackInk;
import dev.platen.color.RenderingIntent;
import java.awt.image.Raster;
import java.io.OutputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grey in PDF art prints as black ink by the same rule as raster grey art: an ICCBased grey image (lcms's gamma
 * 2.2 grey) gets, level for level, the K {@link GreyAsBlackInk} gives raster grey art with that profile, C = M = Y
 * = 0; DeviceGray is the condition's black ink, K = 1 - g.
 */
class PdfGreyTest {

    static final int LEVELS = 64;

    @TempDir
    Path dir;

    @Test
    void iccGreyIsTheRasterPathsBlackInkAndDeviceGrayIsOneMinusG() throws Exception {
        Path art = dir.resolve("grey.pdf");
        try (ColorProfile gamma = ColorProfile.gray(2.2); PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(288, 216));
            doc.addPage(page);
            COSStream icc = doc.getDocument().createCOSStream();
            try (OutputStream out = icc.createOutputStream()) {
                out.write(gamma.bytes());
            }
            icc.setInt(COSName.N, 1);
            COSArray space = new COSArray();
            space.add(COSName.ICCBASED);
            space.add(icc);
            COSStream data = doc.getDocument().createCOSStream();
            try (OutputStream out = data.createOutputStream()) {
                for (int i = 0; i < LEVELS; i++) {
                    out.write(i * 255 / (LEVELS - 1));
                }
            }
            data.setItem(COSName.TYPE, COSName.XOBJECT);
            data.setItem(COSName.SUBTYPE, COSName.IMAGE);
            data.setInt(COSName.WIDTH, LEVELS);
            data.setInt(COSName.HEIGHT, 1);
            data.setInt(COSName.BITS_PER_COMPONENT, 8);
            data.setItem(COSName.COLORSPACE, space);
            PDImageXObject ramp = new PDImageXObject(new PDStream(data), null);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(ramp, 0, 108, 288, 108);
                cs.appendRawCommands("0.5 g\n");
                cs.addRect(0, 0, 288, 100);
                cs.fill();
            }
            doc.save(art.toFile());
        }
        Path tiff = dir.resolve("grey.tif");
        Path pdf = dir.resolve("grey-print.pdf");
        Stock stock = PdfArtPrintTest.coated(Stock.SpotColours.KEEP, Stock.Registration.NONE);
        PdfArtPrint.Result result = PdfArtPrintTest.place(art, stock, pdf, tiff);
        assertThat(result.rasterised()).as("%s", result.findings()).isFalse();
        byte[] expected;
        // the profile as the PDF carries it: serialised, its gamma is 8.8 fixed point (2.1992), a level off here
        // and there from the in-memory 2.2
        try (ColorProfile made = ColorProfile.gray(2.2); ColorProfile gamma = ColorProfile.fromBytes(made.bytes());
             ColorProfile press = stock.openProfile()) {
            expected = GreyAsBlackInk.inks(gamma, press, RenderingIntent.RELATIVE_COLORIMETRIC, true);
        }
        // the PDF/X-4's image, as pdfimages would extract it: DeviceCMYK, each level's K exactly GreyAsBlackInk's
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            COSStream image = PdfArtPrintTest.allObjects(doc).stream().filter(b -> b instanceof COSStream s
                    && COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))).map(b -> (COSStream) b).findFirst()
                    .orElseThrow();
            assertThat(image.getDictionaryObject(COSName.COLORSPACE)).isEqualTo(COSName.DEVICECMYK);
            byte[] samples;
            try (java.io.InputStream in = image.createInputStream()) {
                samples = in.readAllBytes();
            }
            for (int i = 0; i < LEVELS; i++) {
                int level = i * 255 / (LEVELS - 1);
                assertThat(new int[] {samples[4 * i] & 0xFF, samples[4 * i + 1] & 0xFF, samples[4 * i + 2] & 0xFF,
                        samples[4 * i + 3] & 0xFF}).as("level %d in the PDF", level)
                        .containsExactly(0, 0, 0, expected[level] & 0xFF);
            }
        }
        Raster r = ImageIO.read(tiff.toFile()).getRaster();
        for (int i = 0; i < LEVELS; i++) {
            int level = i * 255 / (LEVELS - 1);
            int[] p = r.getPixel(PdfArtPrintTest.px((i + 0.5f) * 288f / LEVELS), PdfArtPrintTest.py(162),
                    (int[]) null);
            assertThat(p).as("level %d in the TIFF", level).containsExactly(0, 0, 0, expected[level] & 0xFF);
        }
        assertThat(r.getPixel(PdfArtPrintTest.px(144), PdfArtPrintTest.py(50), (int[]) null))
                .containsExactly(0, 0, 0, 128);
    }
}
