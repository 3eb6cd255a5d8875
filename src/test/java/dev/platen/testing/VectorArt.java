package dev.platen.testing;

import dev.platen.color.ColorProfile;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.function.PDFunctionType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.color.PDICCBased;
import org.apache.pdfbox.pdmodel.graphics.color.PDSeparation;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;

/**
 * A vector PDF as a designer's application would write it, drawn with PDFBox: a 4 x 3 in page (288 x 216 pt) with
 * K-only text in an embedded TrueType font (LiberationSans, which PDFBox ships in its own jar), a DeviceCMYK C100
 * box, an ICCBased sRGB box, a "PANTONE 185 C" Separation box, an RGB image (288 ppi) and a half-transparent DeviceRGB box.
 * Coordinates are PDF points, y up.
 */
public final class VectorArt {

    public static final String SPOT = "PANTONE 185 C";
    /** Text baseline and box; the glyphs stay inside this box. */
    public static final float TEXT_X = 20;
    public static final float TEXT_Y = 20;
    public static final float TEXT_SIZE = 36;
    public static final float[] C100_BOX = {20, 130, 60, 60};
    public static final float[] RGB_BOX = {100, 130, 60, 60};
    public static final float[] SPOT_BOX = {180, 130, 60, 60};
    public static final float[] IMAGE_BOX = {20, 70, 100, 40};
    /** The picture's own pixels. */
    public static final int[] IMAGE_PX = {400, 160};
    public static final float[] ALPHA_BOX = {150, 70, 110, 40};

    private VectorArt() {
    }

    public static void write(Path file) throws Exception {
        write(file, null);
    }

    /** The same art as a PDF/X would carry it, with {@code outputIntent} as its output intent profile. */
    public static void write(Path file, byte[] outputIntent) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            if (outputIntent != null) {
                org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent intent =
                        new org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent(doc,
                                new java.io.ByteArrayInputStream(outputIntent));
                intent.setOutputConditionIdentifier("Custom");
                intent.getCOSObject().setInt(COSName.N, 4);
                doc.getDocumentCatalog().addOutputIntent(intent);
            }
            PDPage page = new PDPage(new PDRectangle(288, 216));
            doc.addPage(page);
            PDType0Font font;
            try (InputStream ttf = PDDocument.class.getResourceAsStream(
                    "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                font = PDType0Font.load(doc, ttf);
            }
            PDICCBased srgb = new PDICCBased(doc);
            try (ColorProfile p = ColorProfile.srgb(); OutputStream out = srgb.getPDStream().createOutputStream()) {
                out.write(p.bytes());
            }
            srgb.getPDStream().getCOSObject().setInt(COSName.N, 3);
            srgb.getPDStream().getCOSObject().setItem(COSName.ALTERNATE, COSName.DEVICERGB);

            PDSeparation spot = new PDSeparation();
            spot.setColorantName(SPOT);
            spot.setAlternateColorSpace(PDDeviceCMYK.INSTANCE);
            COSDictionary fn = new COSDictionary();
            fn.setInt(COSName.FUNCTION_TYPE, 2);
            fn.setItem(COSName.DOMAIN, floats(0, 1));
            fn.setItem(COSName.C0, floats(0, 0, 0, 0));
            fn.setItem(COSName.C1, floats(0, 0.91f, 0.76f, 0));
            fn.setInt(COSName.N, 1);
            spot.setTintTransform(new PDFunctionType2(fn));

            // 400 x 160 px on 100 x 40 pt: 288 ppi at the page's size, print-worthy on a tier of the same size.
            BufferedImage picture = new BufferedImage(IMAGE_PX[0], IMAGE_PX[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = picture.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(250, 200, 20), IMAGE_PX[0], 0, new Color(20, 80, 200)));
            g.fillRect(0, 0, IMAGE_PX[0], IMAGE_PX[1]);
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(doc, picture);

            PDExtendedGraphicsState half = new PDExtendedGraphicsState();
            half.setNonStrokingAlphaConstant(0.5f);
            half.getCOSObject().setItem(COSName.BM, COSName.getPDFName("Multiply"));

            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(new PDColor(new float[] {0, 0, 0, 1}, PDDeviceCMYK.INSTANCE));
                cs.beginText();
                cs.setFont(font, TEXT_SIZE);
                cs.newLineAtOffset(TEXT_X, TEXT_Y);
                cs.showText("Platen Ink");
                cs.endText();

                cs.setNonStrokingColor(new PDColor(new float[] {1, 0, 0, 0}, PDDeviceCMYK.INSTANCE));
                box(cs, C100_BOX);
                cs.setNonStrokingColor(new PDColor(new float[] {0.85f, 0.1f, 0.1f}, srgb));
                box(cs, RGB_BOX);
                cs.setNonStrokingColor(new PDColor(new float[] {1}, spot));
                box(cs, SPOT_BOX);
                cs.drawImage(image, IMAGE_BOX[0], IMAGE_BOX[1], IMAGE_BOX[2], IMAGE_BOX[3]);
                cs.saveGraphicsState();
                cs.setGraphicsStateParameters(half);
                cs.setNonStrokingColor(new PDColor(new float[] {0.1f, 0.3f, 0.9f}, PDDeviceRGB.INSTANCE));
                box(cs, ALPHA_BOX);
                cs.restoreGraphicsState();
            }
            COSDictionary group = new COSDictionary();
            group.setItem(COSName.S, COSName.TRANSPARENCY);
            group.setItem(COSName.CS, COSName.DEVICERGB);
            page.getCOSObject().setItem(COSName.GROUP, group);
            doc.save(file.toFile());
        }
    }

    /** The art as the bytes a shop would upload. */
    public static byte[] bytes() throws Exception {
        Path file = java.nio.file.Files.createTempFile("vector-art", ".pdf");
        try {
            write(file);
            return java.nio.file.Files.readAllBytes(file);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /**
     * A page whose text is set in Helvetica by name only (one of the PDF standard 14, never embedded): a press
     * would set it in whatever font its RIP substitutes.
     */
    public static byte[] withFontNotEmbedded() throws Exception {
        try (PDDocument doc = new PDDocument(); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            PDPage page = new PDPage(new PDRectangle(288, 216));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.setNonStrokingColor(new PDColor(new float[] {0, 0, 0, 1}, PDDeviceCMYK.INSTANCE));
                cs.beginText();
                cs.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), TEXT_SIZE);
                cs.newLineAtOffset(TEXT_X, TEXT_Y);
                cs.showText("Platen Ink");
                cs.endText();
                cs.setNonStrokingColor(new PDColor(new float[] {1, 0, 0, 0}, PDDeviceCMYK.INSTANCE));
                box(cs, C100_BOX);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Fills a box {x, y, width, height} in the current colour (drawing helper for test PDFs). */
    public static void box(PDPageContentStream cs, float[] b) throws Exception {
        cs.addRect(b[0], b[1], b[2], b[3]);
        cs.fill();
    }

    /** A PDF number array, integers written as integers (drawing helper for test PDFs). */
    public static COSArray floats(float... values) {
        COSArray a = new COSArray();
        for (float v : values) {
            a.add(v == (int) v ? COSInteger.get((int) v) : new COSFloat(v));
        }
        return a;
    }
}
