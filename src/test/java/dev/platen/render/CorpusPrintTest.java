package dev.platen.render;

import dev.platen.artwork.ArtworkPixels;
import org.junit.jupiter.api.Test;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared corpus's real CMYK and grey files (read in place, never copied in) reach print files on coated stock,
 * and keep their black ink alone: of the art's pixels that are black ink only (CMYK with C = M = Y = 0 and some K;
 * every pixel of a grey image), the share whose print is still C = M = Y = 0. Printed for the note.
 */
class CorpusPrintTest {

    private static final Path CORPUS = Path.of("../shared/corpus/good");

    @org.junit.jupiter.api.io.TempDir
    Path dir;

    @Test
    void cmykAndGreyCorpusFilesPrintAndKeepTheirBlackInkAlone() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not next to the repository");
        List<Path> files;
        try (Stream<Path> all = Files.list(CORPUS)) {
            files = all.filter(f -> Stream.of("cmyk_", "tiff_cmyk_", "gray_", "tiff_gray_")
                    .anyMatch(p -> f.getFileName().toString().startsWith(p))).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            ArtworkPixels pixels = CmykArtPrintTest.READER.pixels(file, 0);
            CmykArtPrintTest.Printed printed = CmykArtPrintTest.print(pixels,
                    CmykArtPrintTest.coated(CmykArtPrintTest.COATED),
                    dir.resolve("corpus-" + file.getFileName()));
            assertThat(printed.pdf()).isNotEmptyFile();
            Raster art = pixels.image().getRaster();
            Raster tiff = printed.tiff();
            boolean cmyk = pixels.samples().equals("CMYK");
            long kOnly = 0;
            long kept = 0;
            int w = art.getWidth();
            int[] row = new int[w * art.getNumBands()];
            int[] out = new int[w * 4];
            for (int y = 0; y < art.getHeight(); y++) {
                art.getPixels(0, y, w, 1, row);
                tiff.getPixels(0, y, w, 1, out);
                for (int x = 0; x < w; x++) {
                    int b = x * art.getNumBands();
                    boolean blackInk = !cmyk || row[b] == 0 && row[b + 1] == 0 && row[b + 2] == 0 && row[b + 3] > 0;
                    if (blackInk) {
                        kOnly++;
                        if (out[4 * x] == 0 && out[4 * x + 1] == 0 && out[4 * x + 2] == 0) {
                            kept++;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-36s %-4s %s: %d of %d black-only pixels (%.1f %% of the art) print "
                            + "black only: %s%n", file.getFileName(), pixels.samples(), printed.codes(), kept, kOnly,
                    100.0 * kOnly / ((long) w * art.getHeight()),
                    kOnly == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f %%", 100.0 * kept / kOnly));
            assertThat(kept).as("%s", file.getFileName()).isEqualTo(kOnly);
        }
    }
}
