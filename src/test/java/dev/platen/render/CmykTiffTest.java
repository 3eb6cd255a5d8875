package dev.platen.render;

import dev.platen.testing.PrintTools;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.PrintArea;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TIFF as ImageIO and libtiff's own tools read it back. */
class CmykTiffTest {

    @TempDir
    static Path dir;

    static Path tiff;
    static PrintFiles written;
    static byte[] expectedCanvas;
    static PlacementCanvas canvas;

    @BeforeAll
    static void writeOne() throws Exception {
        // 4 x 3 in at 300 DPI with 0.125 in bleed: 1275 x 975 px, a band height that does not divide 975 (256).
        BufferedImage art = TestJobs.quadrants(800, 600);
        RenderJob job = TestJobs.job(art, PrintArea.inches(4, 3), 0.125, 300, new NaiveCmyk(),
                Set.of(PrintFileFormat.TIFF));
        tiff = dir.resolve("placement.tif");
        written = new PrintFileWriter().write(job, null, tiff);
        canvas = PlacementCanvas.fit(job.printArea(), job.bleedInches(), 300, 800, 600);
        expectedCanvas = Canvases.render(canvas, art, new NaiveCmyk());
    }

    @Test
    void imageIoReadsItBackAsCmykWithTheStockProfile() throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            BufferedImage back = reader.read(0);
            assertThat(back.getWidth()).isEqualTo(1275);
            assertThat(back.getHeight()).isEqualTo(975);
            assertThat(back.getColorModel().getColorSpace().getType()).isEqualTo(ColorSpace.TYPE_CMYK);
            assertThat(back.getColorModel().getColorSpace()).isInstanceOf(ICC_ColorSpace.class);
            // The embedded profile is the stock's byte for byte (the reader's ICC_Profile is LittleCMS's copy).
            TIFFImageMetadata metadata = (TIFFImageMetadata) reader.getImageMetadata(0);
            Entry icc = metadata.getTIFFField(CmykTiff.TAG_ICC_PROFILE);
            assertThat((byte[]) icc.getValue()).isEqualTo(PrintTools.stockProfile());
            reader.dispose();

            // Every pixel equals what the band stream produced.
            Raster raster = back.getRaster();
            byte[] pixels = (byte[]) raster.getDataElements(0, 0, raster.getWidth(), raster.getHeight(), null);
            assertThat(pixels).isEqualTo(expectedCanvas);
        }
    }

    @Test
    void samplePointsHoldTheExpectedInks() throws Exception {
        BufferedImage back = ImageIO.read(tiff.toFile());
        Raster r = back.getRaster();
        // Inside the red quadrant: naive CMYK of (220, 30, 40).
        int x = canvas.artX() + canvas.artWidthPx() / 4;
        int y = canvas.artY() + canvas.artHeightPx() / 4;
        assertThat(r.getPixel(x, y, (int[]) null)).containsExactly(NaiveCmyk.of(220, 30, 40));
        // The grey quadrant.
        x = canvas.artX() + canvas.artWidthPx() * 3 / 4;
        y = canvas.artY() + canvas.artHeightPx() * 5 / 8;
        assertThat(r.getPixel(x, y, (int[]) null)).containsExactly(NaiveCmyk.of(90, 90, 90));
        // The corner of the bleed mirrors the art's corner pixel region: red there too.
        assertThat(r.getPixel(0, 0, (int[]) null)).containsExactly(NaiveCmyk.of(220, 30, 40));
    }

    @Test
    void libtiffSeesSeparatedCmykDeflateAtTheTargetResolutionWithTheProfile() throws Exception {
        String info = PrintTools.run(List.of("tiffinfo", tiff.toString()));

        assertThat(info).contains("Image Width: 1275 Image Length: 975");
        assertThat(info).contains("Bits/Sample: 8");
        assertThat(info).contains("Samples/Pixel: 4");
        assertThat(info).contains("Photometric Interpretation: separated");
        assertThat(info).contains("InkSet: 1"); // 1 = CMYK (TIFF 6.0, section 16)
        assertThat(info).contains("Compression Scheme: AdobeDeflate");
        assertThat(info).contains("Predictor: horizontal differencing");
        assertThat(info).contains("Resolution: 300, 300 pixels/inch");
        assertThat(info).contains("Rows/Strip: 64");
        assertThat(info).contains("ICC Profile: <present>, " + PrintTools.stockProfile().length + " bytes");
        assertThat(info).contains("profile-sha256=" + written.profileSha256());
        assertThat(info).doesNotContain("Warning").doesNotContain("Error");

        String dump = PrintTools.run(List.of("tiffdump", tiff.toString()));
        assertThat(dump).contains("InkSet (332) SHORT (3) 1<1>");
        assertThat(dump).contains("Photometric (262) SHORT (3) 1<5>");
        assertThat(dump).contains("Compression (259) SHORT (3) 1<8>");
        assertThat(dump).contains("ICC Profile (34675) UNDEFINED (7) " + PrintTools.stockProfile().length + "<");
        // 975 rows: 15 strips of 64 and a last one of 15.
        assertThat(dump).contains("RowsPerStrip (278) LONG (4) 1<64>");
        assertThat(dump).contains("StripOffsets (273) LONG (4) 16<").contains("StripByteCounts (279) LONG (4) 16<");
        assertThat(dump).contains("Predictor (317) SHORT (3) 1<2>");
    }

    @Test
    void imageMagickDecodesTheSameInks() throws Exception {
        // A second decoder besides TwelveMonkeys: ImageMagick, its raw CMYK output (no profile applied).
        Path raw = dir.resolve("placement.cmyk");
        PrintTools.run(List.of("convert", tiff.toString(), "-depth", "8", "cmyk:" + raw));
        assertThat(java.nio.file.Files.readAllBytes(raw)).isEqualTo(expectedCanvas);
    }

    @Test
    void aLastShortStripAndASingleRowComeBackAsWritten() throws Exception {
        // 130 rows: two strips of 64 and one of 2, arriving as one band of 128 and one of 2. And one row alone.
        for (int[] size : new int[][] {{97, 130, 128}, {513, 1, 1}}) {
            int width = size[0];
            int height = size[1];
            byte[] canvas = FlateBlocksTest.raster(width, height, width);
            Path file = dir.resolve("direct-" + height + ".tif");
            CmykTiff.Tags tags = new CmykTiff.Tags("test", "<x/>", 150, "Platen test",
                    java.time.Instant.parse("2025-03-01T10:15:30Z"), PrintTools.stockProfile());
            try (CmykTiff writer = CmykTiff.begin(file, width, height, tags);
                 FlateBlocks strips = FlateBlocks.of(width, height, writer::strip, null)) {
                for (int y = 0; y < height; y += size[2]) {
                    int rows = Math.min(size[2], height - y);
                    byte[] band = java.util.Arrays.copyOfRange(canvas, y * width * 4, (y + rows) * width * 4);
                    strips.accept(band, y, rows);
                }
                strips.finish();
                writer.finish();
            }

            Raster back = ImageIO.read(file.toFile()).getRaster();
            assertThat(back.getWidth()).isEqualTo(width);
            assertThat(back.getHeight()).isEqualTo(height);
            assertThat((byte[]) back.getDataElements(0, 0, width, height, null)).as(height + " rows").isEqualTo(canvas);
            String info = PrintTools.run(List.of("tiffinfo", file.toString()));
            assertThat(info).doesNotContain("Warning").doesNotContain("Error")
                    .contains("Rows/Strip: " + Math.min(64, height)).contains("Resolution: 150, 150 pixels/inch");
            Path raw = dir.resolve("direct-" + height + ".cmyk");
            PrintTools.run(List.of("convert", file.toString(), "-depth", "8", "cmyk:" + raw));
            assertThat(java.nio.file.Files.readAllBytes(raw)).isEqualTo(canvas);
        }
    }

    @Test
    void aTiffTakesExactlyItsStrips() throws Exception {
        // 200 rows: four strips (three of 64 and one of 8); the directory is only written over all four.
        CmykTiff.Tags tags = new CmykTiff.Tags("test", "<x/>", 150, "Platen test",
                java.time.Instant.parse("2025-03-01T10:15:30Z"), PrintTools.stockProfile());
        byte[] strip = {1, 2, 3};
        try (CmykTiff writer = CmykTiff.begin(dir.resolve("refused.tif"), 10, 200, tags)) {
            for (int s = 0; s < 3; s++) {
                writer.strip(strip, 0, strip.length);
            }
            assertThatThrownBy(writer::finish).isInstanceOf(IllegalStateException.class);
            writer.strip(strip, 0, strip.length);
            assertThatThrownBy(() -> writer.strip(strip, 0, strip.length)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void provenanceIsInTheDescriptionAndTheXmp() throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(tiff.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            TIFFImageMetadata metadata = (TIFFImageMetadata) reader.getImageMetadata(0);
            String description = (String) metadata.getTIFFField(CmykTiff.TAG_IMAGE_DESCRIPTION).getValue();
            assertThat(description).contains("artwork-sha256=" + TestJobs.ARTWORK_SHA)
                    .contains("intent=relative-colorimetric").contains("bpc=true")
                    .contains("placement=poster / face / poster-12x16").contains("engine=0.1.0-test");
            byte[] xmp = (byte[]) metadata.getTIFFField(CmykTiff.TAG_XMP).getValue();
            reader.dispose();

            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xmp));
            org.w3c.dom.Element d = (org.w3c.dom.Element) doc.getElementsByTagNameNS(
                    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Description").item(0);
            String ns = XmpPacket.PROVENANCE_NS;
            assertThat(d.getAttributeNS(ns, "ArtworkSHA256")).isEqualTo(TestJobs.ARTWORK_SHA);
            assertThat(d.getAttributeNS(ns, "ProfileSHA256")).isEqualTo(written.profileSha256());
            assertThat(d.getAttributeNS(ns, "RenderingIntent")).isEqualTo("relative-colorimetric");
            assertThat(d.getAttributeNS(ns, "BlackPointCompensation")).isEqualTo("True");
            assertThat(d.getAttributeNS(ns, "Tier")).isEqualTo("poster-12x16");
            assertThat(d.getAttributeNS(ns, "EngineVersion")).isEqualTo("0.1.0-test");
            assertThat(new String(xmp, StandardCharsets.UTF_8)).contains("image/tiff");
        }
    }

    @Test
    void theResultDescribesTheFile() throws Exception {
        PrintFile file = written.file(PrintFileFormat.TIFF).orElseThrow();
        assertThat(file.path()).isEqualTo(tiff);
        assertThat(file.bytes()).isEqualTo(java.nio.file.Files.size(tiff));
        assertThat(written.widthPx()).isEqualTo(1275);
        assertThat(written.heightPx()).isEqualTo(975);
        assertThat(written.dpi()).isEqualTo(300);
        assertThat(dir.resolve("placement.tif.part")).doesNotExist();
    }
}
