package dev.platen.render;

import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.MockupShape;
import dev.platen.catalog.Placement;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.Product;
import dev.platen.catalog.TierPosition;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrintFileWriterTest {

    @TempDir
    Path dir;

    private static final LayoutTier POSTER_8X10 = new LayoutTier("poster-8x10", "Centred 8 x 10",
            PrintArea.inches(8, 10), new TierPosition(TierPosition.Anchor.TOP_LEFT, 5, 7), 150, 100, "coated-gloss",
            null);
    private static final Product POSTER = new Product("poster", "Poster 18 x 24 in", "digital-offset", 0.125,
            List.of(new Placement("face", "Poster face", List.of(POSTER_8X10))), false, "poster.yaml",
            MockupShape.SHEET);

    @Test
    void bothFilesComeFromOnePassAndHoldTheSamePixels() throws Exception {
        BufferedImage art = TestJobs.quadrants(640, 800);
        NaiveCmyk conversion = new NaiveCmyk();
        RenderJob job = RenderJob.forTier(art, POSTER, POSTER_8X10, conversion, TestJobs.stock(),
                Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF), TestJobs.provenance());

        PrintFiles files = new PrintFileWriter().write(job, dir.resolve("p.pdf"), dir.resolve("p.tif"));

        // 8.25 x 10.25 in at the tier's 100 DPI.
        assertThat(files.widthPx()).isEqualTo(825);
        assertThat(files.heightPx()).isEqualTo(1025);
        assertThat(files.files()).extracting(PrintFile::format)
                .containsExactly(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF);
        for (PrintFile f : files.files()) {
            assertThat(f.bytes()).isEqualTo(Files.size(f.path()));
        }
        try (var left = Files.list(dir)) {
            // no part files, and not the PDF's compressed image that waited beside its part for the rest of it
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("p.pdf", "p.tif");
        }

        // One pass: each band was converted once, for both files.
        assertThat(conversion.calls).isEqualTo((1025 + CanvasPass.BAND_ROWS - 1) / CanvasPass.BAND_ROWS);

        Raster tiff = ImageIO.read(dir.resolve("p.tif").toFile()).getRaster();
        byte[] tiffBytes = (byte[]) tiff.getDataElements(0, 0, tiff.getWidth(), tiff.getHeight(), null);
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("p.pdf").toFile())) {
            var resources = pdf.getPage(0).getResources();
            COSName name = resources.getXObjectNames().iterator().next();
            try (InputStream in = ((PDImageXObject) resources.getXObject(name)).createInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(tiffBytes);
            }
            // dated by the art's receipt (TestJobs.RECEIVED, 10:15:30.250), in whole seconds
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(Instant.parse("2025-03-01T10:15:30Z"));
        }
    }

    @Test
    void theSameArtTierAndStockGiveTheSameBytesAndOtherArtOtherIds() throws Exception {
        BufferedImage art = TestJobs.quadrants(320, 400);
        Set<PrintFileFormat> both = Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF);
        RenderJob job = RenderJob.forTier(art, POSTER, POSTER_8X10, new NaiveCmyk(), TestJobs.stock(), both,
                TestJobs.provenance());
        PrintFiles first = new PrintFileWriter().write(job, dir.resolve("1.pdf"), dir.resolve("1.tif"));
        Thread.sleep(1100); // a second later, as another order would come: the render time must not show
        PrintFiles again = new PrintFileWriter().write(job, dir.resolve("2.pdf"), dir.resolve("2.tif"));
        for (int i = 0; i < 2; i++) {
            assertThat(sha256(again.files().get(i).path())).isEqualTo(sha256(first.files().get(i).path()));
        }

        Provenance p = TestJobs.provenance();
        Provenance otherArt = new Provenance("0".repeat(64), p.artworkReceived(), p.renderingIntent(),
                p.blackPointCompensation(), p.productId(), p.placementId(), p.tierId(), p.engineVersion());
        PrintFiles other = new PrintFileWriter().write(RenderJob.forTier(art, POSTER, POSTER_8X10, new NaiveCmyk(),
                TestJobs.stock(), both, otherArt), dir.resolve("3.pdf"), dir.resolve("3.tif"));
        try (PDDocument a = Loader.loadPDF(dir.resolve("1.pdf").toFile());
             PDDocument b = Loader.loadPDF(dir.resolve("3.pdf").toFile())) {
            assertThat(b.getDocument().getDocumentID().toString())
                    .isNotEqualTo(a.getDocument().getDocumentID().toString());
        }
        assertThat(sha256(other.files().get(0).path())).isNotEqualTo(sha256(first.files().get(0).path()));
        // the file says how it is reproducible, for whoever finds it on a press queue
        assertThat(Files.readString(dir.resolve("1.tif"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("platen:Reproducible=\"True\"", "platen:DatedBy=\"ArtworkReceived\"");
    }

    @Test
    void aWantedFormatNeedsAPath() throws Exception {
        RenderJob job = TestJobs.job(TestJobs.quadrants(10, 10), PrintArea.inches(1, 1), 0, 10, new NaiveCmyk(),
                Set.of(PrintFileFormat.TIFF));

        assertThatThrownBy(() -> new PrintFileWriter().write(job, dir.resolve("x.pdf"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheWantedFormatIsWritten() throws Exception {
        RenderJob job = TestJobs.job(TestJobs.quadrants(10, 10), PrintArea.inches(1, 1), 0, 10, new NaiveCmyk(),
                Set.of(PrintFileFormat.TIFF));

        PrintFiles files = new PrintFileWriter().write(job, dir.resolve("x.pdf"), dir.resolve("x.tif"));

        assertThat(files.files()).hasSize(1);
        assertThat(dir.resolve("x.pdf")).doesNotExist();
        assertThat(dir.resolve("x.tif")).exists();
    }

    @Test
    void aFailedRenderLeavesNothingBehind() throws Exception {
        CmykConversion broken = (rgb, pixels, cmyk) -> {
            throw new IllegalStateException("colour engine down");
        };
        RenderJob job = TestJobs.job(TestJobs.quadrants(50, 50), PrintArea.inches(1, 1), 0, 50, broken,
                Set.of(PrintFileFormat.TIFF, PrintFileFormat.PDF_X4));

        assertThatThrownBy(() -> new PrintFileWriter().write(job, dir.resolve("f.pdf"), dir.resolve("f.tif")))
                .hasMessage("colour engine down");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void formatsHaveWireNames() {
        assertThat(PrintFileFormat.parse("pdfx4")).contains(PrintFileFormat.PDF_X4);
        assertThat(PrintFileFormat.parse(" TIFF ")).contains(PrintFileFormat.TIFF);
        assertThat(PrintFileFormat.parse("png")).isEmpty();
        assertThat(PrintFileFormat.PDF_X4.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void anRgbProfileIsNotAStockProfile() throws Exception {
        byte[] srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();

        assertThatThrownBy(() -> new OutputCondition("x", "y", srgb)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String sha256(Path file) throws Exception {
        return dev.platen.storage.ContentDigest.sha256Hex(file);
    }
}
