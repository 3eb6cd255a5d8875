package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfArtworkTest {

    private static final double PT = 0.001;

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    @Test
    void imageDrawnAtFourBy5AndAThirdInchesIsPlacedAt288By384Points() throws IOException {
        Path file = dir.resolve("image_1200x1600_at_4x5.333in.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(doc, flat(1200, 1600));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 72, 72, 4 * 72, 5.3333333f * 72);
            }
            doc.save(file.toFile());
        }

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.format()).isEqualTo(ArtworkFormat.PDF);
        assertThat(header.widthPx()).isNull();
        assertThat(header.heightPx()).isNull();
        PdfLayout layout = header.pdf();
        assertThat(layout.pageCount()).isEqualTo(1);
        assertThat(layout.pageWidthPt()).isEqualTo(612);
        assertThat(layout.pageHeightPt()).isEqualTo(792);
        assertThat(layout.vectorOnly()).isFalse();
        assertThat(layout.images()).hasSize(1);
        PlacedImage placed = layout.images().get(0);
        assertThat(placed.widthPx()).isEqualTo(1200);
        assertThat(placed.heightPx()).isEqualTo(1600);
        assertThat(placed.placedWidthPt()).isCloseTo(288, within(PT));
        assertThat(placed.placedHeightPt()).isCloseTo(384, within(PT));
        assertThat(header.findings()).isEmpty();
    }

    @Test
    void imageInsideNestedFormXObjectsIsScaledByEveryMatrixOnTheWay() throws IOException {
        Path file = dir.resolve("image_in_nested_forms.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(doc, flat(300, 600));
            // Inner form draws the image at 100x200; its /Matrix scales by 3.
            PDFormXObject inner = form(doc, "q 100 0 0 200 0 0 cm /Im0 Do Q", "Im0", image);
            inner.setMatrix(AffineTransform.getScaleInstance(3, 3));
            // Outer form draws the inner one unchanged; the page draws the outer one at half size.
            PDFormXObject outer = form(doc, "/Inner Do", "Inner", inner);
            page.getCOSObject().setItem(COSName.RESOURCES, new PDResources());
            page.getResources().put(COSName.getPDFName("Outer"), outer);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.saveGraphicsState();
                content.transform(new Matrix(0.5f, 0, 0, 0.5f, 20, 20));
                content.drawForm(outer);
                content.restoreGraphicsState();
            }
            doc.save(file.toFile());
        }

        PlacedImage placed = inspector.readHeader(file).pdf().images().get(0);

        assertThat(placed.widthPx()).isEqualTo(300);
        assertThat(placed.heightPx()).isEqualTo(600);
        assertThat(placed.placedWidthPt()).isCloseTo(150, within(PT));
        assertThat(placed.placedHeightPt()).isCloseTo(300, within(PT));
    }

    @Test
    void rotatedPlacementMeasuresTheTransformedUnitVectors() throws IOException {
        Path file = dir.resolve("image_rotated_90_at_100x50.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(doc, flat(200, 100));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                // Quarter turn: the image's x axis points up the page, 100 pt long; its y axis 50 pt to the left.
                content.drawImage(image, new Matrix(0, 100, -50, 0, 300, 300));
            }
            doc.save(file.toFile());
        }

        PlacedImage placed = inspector.readHeader(file).pdf().images().get(0);

        assertThat(placed.placedWidthPt()).isCloseTo(100, within(PT));
        assertThat(placed.placedHeightPt()).isCloseTo(50, within(PT));
    }

    @Test
    void inlineImageIsFound() throws IOException {
        Path file = dir.resolve("inline_image_2x2_at_20x30.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            COSDictionary parameters = new COSDictionary();
            parameters.setInt(COSName.W, 2);
            parameters.setInt(COSName.H, 2);
            parameters.setInt(COSName.BPC, 8);
            parameters.setItem(COSName.CS, COSName.getPDFName("G"));
            PDInlineImage inline = new PDInlineImage(parameters, new byte[] {0, 64, (byte) 128, (byte) 255},
                    page.getResources());
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(inline, 10, 10, 20, 30);
            }
            doc.save(file.toFile());
        }

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.pdf().images()).containsExactly(new PlacedImage(2, 2, 20, 30));
        assertThat(inspector.decodeFully(file).findings()).isEmpty();
    }

    @Test
    void rotatedPageSwapsWidthAndHeight() throws IOException {
        Path file = dir.resolve("letter_rotate_90.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            page.setRotation(90);
            doc.addPage(page);
            doc.save(file.toFile());
        }

        PdfLayout layout = inspector.readHeader(file).pdf();

        assertThat(layout.pageWidthPt()).isEqualTo(792);
        assertThat(layout.pageHeightPt()).isEqualTo(612);
    }

    @Test
    void cropBoxIsThePageSize() throws IOException {
        Path file = dir.resolve("a4_cropped_to_500x400.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            page.setCropBox(new PDRectangle(20, 20, 500, 400));
            doc.addPage(page);
            doc.save(file.toFile());
        }

        PdfLayout layout = inspector.readHeader(file).pdf();

        assertThat(layout.pageWidthPt()).isEqualTo(500);
        assertThat(layout.pageHeightPt()).isEqualTo(400);
    }

    @Test
    void pageOfPathsAndTextIsVectorOnly() throws IOException {
        Path file = dir.resolve("vector_only_paths_and_text.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.setNonStrokingColor(Color.ORANGE);
                content.addRect(50, 50, 300, 200);
                content.fill();
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
                content.newLineAtOffset(60, 400);
                content.showText("Vector art only");
                content.endText();
            }
            doc.save(file.toFile());
        }

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.pdf().vectorOnly()).isTrue();
        assertThat(header.pdf().images()).isEmpty();
        assertThat(inspector.decodeFully(file).agreesWithHeader()).isTrue();
    }

    @Test
    void aRenderedPageSaysPlatenRenderedItAndWhetherItDrawsAJpeg() throws IOException {
        Path photo = dir.resolve("dct_image.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(doc, flat(120, 160));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 72, 72, 2 * 72, 2.6666667f * 72);
            }
            doc.save(photo.toFile());
        }
        Path vector = dir.resolve("vector.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.setNonStrokingColor(Color.ORANGE);
                content.addRect(50, 50, 300, 200);
                content.fill();
            }
            doc.save(vector.toFile());
        }

        assertThat(inspector.pixels(photo, 36).source()).isEqualTo(PixelSource.rendered(PixelCoding.JPEG));
        assertThat(inspector.pixels(vector, 36).source()).isEqualTo(PixelSource.rendered(PixelCoding.LOSSLESS));
    }

    @Test
    void threePagesUseTheFirstWithAFinding() throws IOException {
        Path file = dir.resolve("three_pages.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A5));
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.save(file.toFile());
        }

        ArtworkHeader header = inspector.readHeader(file);
        ArtworkHeader allPagesUsed = new ArtworkInspector(new ArtworkLimits(200_000_000L, 300_000_000L, 3))
                .readHeader(file);

        assertThat(header.pdf().pageCount()).isEqualTo(3);
        assertThat(header.pdf().pageWidthPt()).isCloseTo(PDRectangle.A5.getWidth(), within(PT));
        assertThat(header.findings()).extracting(Finding::code).containsExactly("PDF_EXTRA_PAGES_IGNORED");
        assertThat(allPagesUsed.findings()).isEmpty();
    }

    @Test
    void pdfWithoutPagesIsRejected() throws IOException {
        Path file = dir.resolve("no_pages.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.save(file.toFile());
        }

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(file));

        assertThat(rejection.code()).isEqualTo("PDF_NO_PAGES");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void pdfNeedingAUserPasswordIsRejected() throws IOException {
        Path file = dir.resolve("encrypted_user_password.pdf");
        savedEncrypted(file, "open-sesame");

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(file));

        assertThat(rejection.code()).isEqualTo("PDF_ENCRYPTED");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void pdfEncryptedWithOnlyAnOwnerPasswordOpens() throws IOException {
        Path file = dir.resolve("encrypted_owner_password_only.pdf");
        savedEncrypted(file, "");

        assertThat(inspector.readHeader(file).pdf().pageCount()).isEqualTo(1);
    }

    @Test
    void unparsablePdfIsCorrupt() {
        byte[] junk = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF at all\n"
                .getBytes(StandardCharsets.US_ASCII);

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "junk_after_header.pdf", junk)));

        assertThat(rejection.code()).isEqualTo("CORRUPT_PDF");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void pdfHeaderAfterLeadingBytesIsStillAPdf() throws IOException {
        Path clean = dir.resolve("clean.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            doc.save(clean.toFile());
        }
        byte[] bytes = ArtworkFiles.read(clean);
        byte[] prefixed = new byte[bytes.length + 100];
        System.arraycopy(bytes, 0, prefixed, 100, bytes.length);
        java.util.Arrays.fill(prefixed, 0, 100, (byte) ' ');

        ArtworkHeader header = inspector.readHeader(write(dir, "pdf_after_100_spaces.pdf", prefixed));

        assertThat(header.format()).isEqualTo(ArtworkFormat.PDF);
    }

    @Test
    void decodeFullyDecodesEveryImageOfTheFirstPage() throws IOException {
        Path good = dir.resolve("two_images.pdf");
        Path broken = dir.resolve("image_with_garbage_jpeg_data.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(doc, flat(64, 64));
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 10, 10, 64, 64);
                content.drawImage(image, 100, 100, 128, 128);
            }
            doc.save(good.toFile());
        }
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            byte[] notAJpeg = "these bytes claim to be DCT data".repeat(20).getBytes(StandardCharsets.US_ASCII);
            PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(notAJpeg),
                    COSName.DCT_DECODE, 64, 64, 8, PDDeviceRGB.INSTANCE);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawImage(image, 10, 10, 64, 64);
            }
            doc.save(broken.toFile());
        }

        DecodedArtwork decoded = inspector.decodeFully(good);
        assertThat(decoded.header().pdf().images()).hasSize(2);
        assertThat(decoded.decodedWidthPx()).isNull();
        assertThat(decoded.agreesWithHeader()).isTrue();
        assertThat(decoded.findings()).isEmpty();

        // The header of the broken one is fine: only decoding finds the bad data.
        assertThat(inspector.readHeader(broken).pdf().images()).hasSize(1);
        ArtworkRejected rejection = rejected(() -> inspector.decodeFully(broken));
        assertThat(rejection.code()).isEqualTo("CORRUPT_PDF");
        assertThat(rejection.httpStatus()).isEqualTo(422);
    }

    @Test
    void formThatDrawsItselfStopsAtTheNestingLimit() throws IOException {
        Path file = dir.resolve("form_drawing_itself.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            PDImageXObject image = JPEGFactory.createFromImage(doc, flat(8, 8));
            PDFormXObject loop = form(doc, "q 10 0 0 10 0 0 cm /Im0 Do Q /Self Do", "Im0", image);
            loop.getResources().put(COSName.getPDFName("Self"), loop);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.drawForm(loop);
            }
            doc.save(file.toFile());
        }

        ArtworkHeader header = inspector.readHeader(file);

        assertThat(header.findings()).extracting(Finding::code).contains("PDF_NESTING_TOO_DEEP");
        assertThat(header.pdf().images()).hasSize(PlacedImageCollector.MAX_FORM_DEPTH);
    }

    private static void savedEncrypted(Path file, String userPassword) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.LETTER));
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(file.toFile());
        }
    }

    /** A form XObject with the given content, and one resource XObject under the given name. */
    private static PDFormXObject form(PDDocument doc, String content, String resourceName,
                                      org.apache.pdfbox.pdmodel.graphics.PDXObject resource) throws IOException {
        PDStream stream = new PDStream(doc);
        try (OutputStream out = stream.createOutputStream()) {
            out.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        PDFormXObject form = new PDFormXObject(stream);
        form.setBBox(new PDRectangle(0, 0, 600, 800));
        PDResources resources = new PDResources();
        resources.put(COSName.getPDFName(resourceName), resource);
        form.setResources(resources);
        return form;
    }

    private static BufferedImage flat(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.YELLOW);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }
}
