package dev.platen.render;

import dev.platen.testing.EngineTransforms;
import dev.platen.testing.PrintTools;
import dev.platen.artwork.ArtworkInspector;
import dev.platen.artwork.ArtworkLimits;
import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.Finding;
import dev.platen.catalog.PrintArea;
import dev.platen.catalog.PrintFileFormat;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.InkLimit;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import dev.platen.testing.Transicc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CMYK art printed as CMYK: patch charts drawn here, written as CMYK TIFF (TwelveMonkeys' writer; tagged with the
 * project's uncoated profile, and untagged) and as CMYK JPEG (the JDK's writer from a four-band raster, with and
 * without Adobe's APP14 marker), decoded by the artwork module and placed on coated stock through the render path
 * at a scale of exactly one. What a shop would check, with tools Platen did not write:
 * <ul>
 *   <li>every patch's CMYK in the TIFF within one count of {@code transicc -t11 -b} (lcms's K-only relative
 *       colorimetric intent with BPC, the coated stock's own intent) from the art's profile to the stock's, the
 *       stock's ink limit applied to transicc's answer by lcms's ink-limit formula ({@link InkLimit#limit});</li>
 *   <li>patches of black ink only are C = M = Y = 0 in the TIFF, and Ghostscript's {@code tiffsep} finds nothing
 *       of them on the PDF/X-4's cyan, magenta and yellow plates;</li>
 *   <li>art tagged with the stock's own profile passes through byte for byte, apart from the ink limit, which
 *       says when it acted.</li>
 * </ul>
 */
class CmykArtPrintTest {

    static final Path COATED = Path.of("icc-profiles/platen-coated-v1.icc");
    static final Path UNCOATED = Path.of("icc-profiles/platen-uncoated-v1.icc");
    static final int PATCH = 16;
    static final int COLUMNS = 4;

    /** The chart: solids, black-only text tones, rich black, greys, light tints, paper, and a 400 % patch. */
    static final int[][] PATCHES = {
            {0, 0, 0, 255}, {0, 0, 0, 191}, {0, 0, 0, 128}, {0, 0, 0, 26},
            {255, 0, 0, 0}, {0, 255, 0, 0}, {0, 0, 255, 0}, {255, 0, 255, 0},
            {102, 77, 77, 255}, {64, 48, 48, 0}, {128, 100, 100, 40}, {26, 0, 0, 0},
            {0, 13, 26, 0}, {13, 13, 13, 13}, {0, 0, 0, 0}, {255, 255, 255, 255},
    };
    static final int ROWS = PATCHES.length / COLUMNS;

    @TempDir
    static Path dir;
    static BufferedImage chart;
    static final ArtworkInspector READER = new ArtworkInspector(new ArtworkLimits(200_000_000L, 300_000_000L, 1));

    @BeforeAll
    static void draw() {
        chart = InkImages.blank(COLUMNS * PATCH, ROWS * PATCH);
        for (int i = 0; i < PATCHES.length; i++) {
            InkImages.fill(chart, (i % COLUMNS) * PATCH, (i / COLUMNS) * PATCH, PATCH, PATCH, PATCHES[i]);
        }
    }

    /** Coated stock as the catalogue has it (relative colorimetric, BPC, 330 %), untagged CMYK assumed in {@code assumed}. */
    static Stock coated(Path assumed) throws Exception {
        return new Stock("coated-gloss", "Coated gloss art paper", null, COATED, "Platen coated v1",
                sha256(COATED), RenderingIntent.RELATIVE_COLORIMETRIC, true, new InkLimit(330),
                Set.of(PrintFileFormat.PDF_X4, PrintFileFormat.TIFF), "Platen coated v1", Precision.EXACT,
                "coated-paper", new Stock.ArtPolicy(assumed, Stock.GreyAs.K, Stock.SpotColours.KEEP), null);
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    /** The chart as a CMYK TIFF by TwelveMonkeys' writer, with {@code profile} embedded byte for byte, or none. */
    static Path tiff(String name, BufferedImage art, byte[] profile) throws Exception {
        Path file = dir.resolve(name);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        while (!writer.getClass().getName().startsWith("com.twelvemonkeys.")) {
            writer = ImageIO.getImageWritersByFormatName("tiff").next();
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(art);
        } finally {
            writer.dispose();
        }
        if (profile != null) {
            TiffDirectories.addInkSetAndProfile(file, profile);
        }
        return file;
    }

    /**
     * The chart as a CMYK JPEG: the JDK's writer takes a four-band raster as it is (no colour conversion, no
     * marker), so it is given the inverted inks Photoshop writes; with {@code adobe} an APP14 "Adobe" segment with
     * transform 0 (plain CMYK) is added after SOI, as Photoshop's files carry. Patches are 16 px on the 8 px DCT
     * grid, so each block is flat and quality 1.0 keeps it to a count.
     */
    static Path jpeg(String name, BufferedImage art, boolean adobe) throws Exception {
        WritableRaster inverted = art.getRaster().createCompatibleWritableRaster();
        int[] row = new int[art.getWidth() * 4];
        for (int y = 0; y < art.getHeight(); y++) {
            art.getRaster().getPixels(0, y, art.getWidth(), 1, row);
            for (int i = 0; i < row.length; i++) {
                row[i] = 255 - row[i];
            }
            inverted.setPixels(0, y, art.getWidth(), 1, row);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
            writer.write(null, new IIOImage(inverted, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        if (adobe) {
            byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            byte[] joined = new byte[jpeg.length + app14.length];
            System.arraycopy(jpeg, 0, joined, 0, 2);
            System.arraycopy(app14, 0, joined, 2, app14.length);
            System.arraycopy(jpeg, 2, joined, 2 + app14.length, jpeg.length - 2);
            jpeg = joined;
        }
        return Files.write(dir.resolve(name), jpeg);
    }

    /** What the render path made of one art file: the TIFF's raster, the PDF, the findings. */
    record Printed(Raster tiff, Path pdf, List<String> codes, SourceColour.Route route, ArtworkPixels pixels) {
    }

    static Printed print(Path art, Stock stock) throws Exception {
        return print(READER.pixels(art, 0), stock, art.resolveSibling(art.getFileName() + ".print"));
    }

    /** Prints {@code pixels}; the PDF and TIFF go to {@code out}.pdf and {@code out}.tif. */
    static Printed print(ArtworkPixels pixels, Stock stock, Path out) throws Exception {
        Path pdf = out.resolveSibling(out.getFileName() + ".pdf");
        Path tif = out.resolveSibling(out.getFileName() + ".tif");
        try (ColorProfile press = stock.openProfile();
             SourceColour source = SourceColour.of(pixels, stock, press);
             ArtSeparation separation = ArtSeparation.of(source, press, stock, EngineTransforms.CACHE)) {
            int w = pixels.image().getWidth();
            int h = pixels.image().getHeight();
            RenderJob job = new RenderJob(source.image(), PrintArea.inches(w / 100.0, h / 100.0), 0, 100, separation,
                    new OutputCondition(stock.id(), stock.outputCondition(), press.bytes()), stock.outputs(),
                    TestJobs.provenance());
            new PrintFileWriter().write(job, pdf, tif);
            List<String> codes = new ArrayList<>(source.findings().stream().map(Finding::code).toList());
            separation.findings().forEach(f -> codes.add(f.code()));
            return new Printed(ImageIO.read(tif.toFile()).getRaster(), pdf, codes, source.route(), pixels);
        }
    }

    static int[] centre(Raster raster, int patch) {
        return raster.getPixel((patch % COLUMNS) * PATCH + PATCH / 2, (patch / COLUMNS) * PATCH + PATCH / 2,
                (int[]) null);
    }

    /** The art's decoded patch centres, converted by transicc from {@code artProfile} to coated, ink-limited. */
    static byte[] transicc(Raster art, Path artProfile) throws Exception {
        byte[] in = new byte[PATCHES.length * 4];
        for (int i = 0; i < PATCHES.length; i++) {
            int[] p = centre(art, i);
            for (int c = 0; c < 4; c++) {
                in[4 * i + c] = (byte) p[c];
            }
        }
        double[][] out = Transicc.run(Transicc.cmykInput(in, PATCHES.length), PATCHES.length, 4,
                "-i" + artProfile, "-o" + COATED, "-t11", "-b");
        byte[] expected = new byte[PATCHES.length * 4];
        for (int i = 0; i < PATCHES.length; i++) {
            for (int c = 0; c < 4; c++) {
                expected[4 * i + c] = (byte) Math.round(Math.max(0, Math.min(255, out[i][c] * 2.55)));
            }
        }
        new InkLimit(330).limit(expected, PATCHES.length);
        return expected;
    }

    /** Largest |TIFF - transicc| over the chart's patches, and checks black-only patches stayed black-only. */
    static int worstAgainstTransicc(String label, Printed printed, Path artProfile) throws Exception {
        byte[] expected = transicc(printed.pixels().image().getRaster(), artProfile);
        int worst = 0;
        for (int i = 0; i < PATCHES.length; i++) {
            int[] got = centre(printed.tiff(), i);
            for (int c = 0; c < 4; c++) {
                worst = Math.max(worst, Math.abs(got[c] - (expected[4 * i + c] & 0xFF)));
            }
            int[] art = centre(printed.pixels().image().getRaster(), i);
            if (art[0] == 0 && art[1] == 0 && art[2] == 0) {
                assertThat(new int[] {got[0], got[1], got[2]}).as("%s: K-only patch %d prints K only", label, i)
                        .containsExactly(0, 0, 0);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d patches, max |TIFF - transicc -t11 -b| %d count(s); findings %s%n",
                label, PATCHES.length, worst, printed.codes());
        return worst;
    }

    @Test
    void taggedAndUntaggedCmykTiffsAgreeWithTransiccAndKeepBlackOnly() throws Exception {
        Printed tagged = print(tiff("tagged.tif", chart, Files.readAllBytes(UNCOATED)), coated(COATED));
        assertThat(tagged.route()).isEqualTo(SourceColour.Route.BLACK_PRESERVED);
        assertThat(tagged.codes()).contains(Finding.CMYK_PROFILE_USED).doesNotContain("CMYK_ART_VIA_SRGB");
        assertThat(worstAgainstTransicc("TIFF tagged uncoated", tagged, UNCOATED)).isLessThanOrEqualTo(1);

        Printed untagged = print(tiff("untagged.tif", chart, null), coated(UNCOATED));
        assertThat(untagged.codes()).startsWith(Finding.ASSUMED_CMYK_PROFILE);
        assertThat(worstAgainstTransicc("TIFF untagged, assumed uncoated", untagged, UNCOATED))
                .isLessThanOrEqualTo(1);
        plates("tiff-tagged", tagged);
    }

    @Test
    void cmykJpegsWithAndWithoutAdobeMarkerAgreeWithTransicc() throws Exception {
        for (boolean adobe : new boolean[] {false, true}) {
            Printed printed = print(jpeg("chart-" + adobe + ".jpg", chart, adobe), coated(UNCOATED));
            // the JPEG holds the patches to a count: the decoded art is the drawn chart, not its inversion
            for (int i = 0; i < PATCHES.length; i++) {
                int[] decoded = centre(printed.pixels().image().getRaster(), i);
                for (int c = 0; c < 4; c++) {
                    assertThat(Math.abs(decoded[c] - PATCHES[i][c])).as("patch %d ink %d", i, c).isLessThanOrEqualTo(1);
                }
            }
            assertThat(worstAgainstTransicc("JPEG " + (adobe ? "with" : "without") + " Adobe APP14, assumed uncoated",
                    printed, UNCOATED)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void artInTheStocksOwnProfilePassesThroughByteForByteApartFromTheInkLimit() throws Exception {
        Printed printed = print(tiff("own.tif", chart, Files.readAllBytes(COATED)), coated(COATED));
        assertThat(printed.route()).isEqualTo(SourceColour.Route.PASSED_THROUGH);
        assertThat(printed.codes()).containsExactly(Finding.CMYK_PASSED_THROUGH, Finding.INK_LIMIT_APPLIED);
        int over = 0;
        for (int y = 0; y < chart.getHeight(); y++) {
            for (int x = 0; x < chart.getWidth(); x++) {
                int[] art = chart.getRaster().getPixel(x, y, (int[]) null);
                int[] got = printed.tiff().getPixel(x, y, (int[]) null);
                if (art[0] + art[1] + art[2] + art[3] <= 330 * 2.55) {
                    assertThat(got).as("pixel %d,%d within the limit", x, y).containsExactly(art);
                } else {
                    over++;
                    assertThat(got[3]).as("K is kept").isEqualTo(art[3]);
                    assertThat(got[0] + got[1] + got[2] + got[3]).isLessThanOrEqualTo((int) Math.ceil(330 * 2.55) + 1);
                }
            }
        }
        assertThat(over).isEqualTo(PATCH * PATCH);
    }

    /**
     * Ghostscript's tiffsep on the PDF/X-4: the cyan, magenta and yellow plates are as empty under every black-only
     * patch as under the paper patch, and the black plate is not.
     */
    static void plates(String name, Printed printed) throws Exception {
        Path out = dir.resolve(name + ".tif");
        PrintTools.run(List.of("gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-dUseFastColor", "-sDEVICE=tiffsep",
                "-r100", "-sOutputFile=" + out, printed.pdf().toString()));
        int paper = 14;
        for (String plate : List.of("Cyan", "Magenta", "Yellow", "Black")) {
            Path file = dir.resolve(name + "(" + plate + ").tif");
            assertThat(file).as("tiffsep wrote the %s plate", plate).exists();
            Raster raster = ImageIO.read(file.toFile()).getRaster();
            int empty = centre(raster, paper)[0];
            for (int i = 0; i < 4; i++) {
                int value = centre(raster, i)[0];
                if (plate.equals("Black")) {
                    assertThat(value).as("black plate under K patch %d", i).isNotEqualTo(empty);
                } else {
                    assertThat(value).as("%s plate under K-only patch %d", plate, i).isEqualTo(empty);
                }
            }
        }
        System.out.println(name + ": tiffsep C, M and Y plates empty under the 4 black-only patches");
    }
}
