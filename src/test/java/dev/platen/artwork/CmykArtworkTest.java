package dev.platen.artwork;

import org.junit.jupiter.api.Test;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CMYK and grey art decoded to the samples it prints with: ink values (0 = no ink) for CMYK whatever the JPEG's
 * coding (plain, Adobe-inverted, YCCK), the file's own grey levels, and the embedded profile's bytes kept. Checked
 * on the shared corpus's real files, read in place, against ImageMagick's decoding (libjpeg, libtiff): a decoder
 * Platen did not write.
 */
class CmykArtworkTest {

    private static final Path CORPUS = Path.of("../shared/corpus/good");

    private static List<Path> corpus(String... prefixes) throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not next to the repository");
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> Stream.of(prefixes).anyMatch(p -> f.getFileName().toString().startsWith(p)))
                    .sorted().toList();
        }
    }

    @Test
    void cmykFilesAreDecodedToTheirInksWithTheirProfileKept() throws Exception {
        List<Path> files = corpus("cmyk_", "tiff_cmyk_");
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            ArtworkPixels pixels = ArtworkFiles.inspector().pixels(file, 0);
            assertThat(pixels.samples()).as("%s", file).isEqualTo("CMYK");
            byte[] embedded = embeddedProfile(file);
            if (embedded != null && new String(embedded, 16, 4, java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("CMYK")) {
                assertThat(pixels.iccProfile()).as("%s keeps its CMYK profile byte for byte", file)
                        .isEqualTo(embedded);
            }
            int[] worst = againstImageMagick(file, pixels.image().getRaster());
            System.out.printf(Locale.ROOT, "%s: %d x %d CMYK %d bit, profile %s, max |Platen - ImageMagick| "
                            + "C %d M %d Y %d K %d%n", file.getFileName(), pixels.image().getWidth(),
                    pixels.image().getHeight(), pixels.image().getColorModel().getComponentSize(0),
                    pixels.iccProfile() == null ? "none" : pixels.iccProfile().length + " bytes",
                    worst[0], worst[1], worst[2], worst[3]);
            // libjpeg-turbo's IDCT and YCC tables against the JDK's libjpeg 6b: a count or two, never an inversion
            assertThat(java.util.Arrays.stream(worst).max().orElseThrow()).as("%s", file).isLessThanOrEqualTo(3);
            DecodedArtwork decoded = ArtworkFiles.inspector().decodeFully(file);
            assertThat(decoded.findings()).as("%s", file).noneMatch(f -> f.message().contains("Display class"));
        }
    }

    @Test
    void greyFilesKeepTheirGreyLevelsAndGreyProfile() throws Exception {
        for (Path file : corpus("gray_", "tiff_gray_")) {
            ArtworkPixels pixels = ArtworkFiles.inspector().pixels(file, 0);
            assertThat(pixels.samples()).as("%s", file).isEqualTo("GRAY");
            byte[] embedded = embeddedProfile(file);
            if (embedded != null) {
                assertThat(pixels.iccProfile()).as("%s", file).isEqualTo(embedded);
            }
            int[] worst = againstImageMagick(file, pixels.image().getRaster());
            System.out.printf(Locale.ROOT, "%s: grey, profile %s, max |Platen - ImageMagick| %d%n",
                    file.getFileName(), embedded == null ? "none" : "kept", worst[0]);
            assertThat(worst[0]).as("%s", file).isLessThanOrEqualTo(3);
        }
    }

    /** The embedded profile as ImageMagick extracts it ({@code convert file icc:-}), or null when it finds none. */
    private static byte[] embeddedProfile(Path file) throws Exception {
        Process process = new ProcessBuilder("convert", file.toString() + "[0]", "icc:-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] icc = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() == 0 && icc.length > 128 ? icc : null;
    }

    /** The largest difference per channel between Platen's 8-bit samples and ImageMagick's, over every pixel. */
    private static int[] againstImageMagick(Path file, Raster raster) throws Exception {
        int bands = raster.getNumBands();
        String map = bands == 4 ? "cmyk" : "gray";
        Process process;
        try {
            process = new ProcessBuilder("convert", file.toString() + "[0]", "-depth", "8", map + ":-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("ImageMagick's convert is not installed; the cross-check needs it: apt-get install "
                    + "imagemagick (.ci/run does)", e);
        }
        byte[] magick = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int w = raster.getWidth();
        int h = raster.getHeight();
        assertThat(magick).as("ImageMagick's %s samples of %s", map, file).hasSize(w * h * bands);
        int bits = raster.getSampleModel().getSampleSize(0);
        int[] worst = new int[bands];
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            for (int i = 0; i < row.length; i++) {
                int ours = bits == 8 ? row[i] : (int) Math.round(row[i] * 255.0 / ((1 << bits) - 1));
                int theirs = magick[y * w * bands + i] & 0xFF;
                worst[i % bands] = Math.max(worst[i % bands], Math.abs(ours - theirs));
            }
        }
        return worst;
    }
}
