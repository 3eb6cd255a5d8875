package dev.platen.artwork;

import static dev.platen.artwork.ArtworkFiles.rejected;
import static dev.platen.artwork.ArtworkFiles.write;
import static dev.platen.testing.HostileFiles.ascii;
import static dev.platen.testing.HostileFiles.deflate;
import static dev.platen.testing.HostileFiles.deflatedZeros;
import static dev.platen.testing.HostileFiles.pdfStream;
import static dev.platen.testing.HostileFiles.pdfWithContent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.platen.testing.HostileFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs built to exhaust a reader: bombs, loops and nesting, answered before PDFBox decodes them. */
class HostilePdfTest {

    @TempDir
    Path dir;

    private final ArtworkInspector inspector = ArtworkFiles.inspector();

    private static final List<Function<ArtworkInspector, Function<Path, Object>>> EVERY_PATH = List.of(
            i -> i::readHeader, i -> i::decodeFully, i -> f -> i.pixels(f, 72));

    @Test
    void contentStreamThatInflatesToAGigabyteIsRejectedOnEveryPath() {
        // Flate, LZW and run-length: three different filters, so PDFBox would decode every stage of it.
        byte[] bomb = HostileFiles.pdfContentBomb(1L << 30);
        assertThat(bomb.length).isLessThan(16_000);
        Path file = write(dir, "bomb.pdf", bomb);

        for (Function<ArtworkInspector, Function<Path, Object>> path : EVERY_PATH) {
            ArtworkRejected rejection = rejected(() -> path.apply(inspector).apply(file));
            assertThat(rejection.code()).isEqualTo("PDF_DECODED_TOO_LARGE");
            assertThat(rejection.httpStatus()).isEqualTo(413);
        }
    }

    @Test
    void fiveHundredBytePdfDeclaringGigabytesIsRejected() {
        byte[] bomb = HostileFiles.pdfNestedFlateBomb(2L << 30);
        assertThat(bomb.length).isLessThan(1_000);

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(write(dir, "small-bomb.pdf", bomb)));

        assertThat(rejection.code()).isEqualTo("PDF_DECODED_TOO_LARGE");
    }

    @Test
    void streamsOfThePageTogetherAreHeldToTheDocumentLimit() {
        byte[] page = ascii("0 0 m 10 10 l S\n".repeat(65_536)); // 1 MiB of real drawing
        byte[] pdf = pdfWithContent(pdfStream("/Filter /FlateDecode", deflate(page)),
                pdfStream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Filter /FlateDecode", deflate(page)));
        Path file = write(dir, "two-streams.pdf", pdf);
        ArtworkInspector oneAndAHalfMiB = new ArtworkInspector(limits(2 << 20, 3 << 19));

        assertThat(inspector.readHeader(file).format()).isEqualTo(ArtworkFormat.PDF);
        ArtworkRejected rejection = rejected(() -> oneAndAHalfMiB.readHeader(file));

        assertThat(rejection.code()).isEqualTo("PDF_DECODED_TOO_LARGE");
        assertThat(rejection.getMessage()).contains("together");
    }

    @Test
    void imageStreamInflatingPastItsDeclaredSizeIsRejected() {
        byte[] image = pdfStream("/Type /XObject /Subtype /Image /Width 10 /Height 10 /BitsPerComponent 8 "
                + "/ColorSpace /DeviceRGB /Filter /FlateDecode", deflatedZeros(64L << 20));
        Path file = write(dir, "lying-image.pdf", pdfWithContent(pdfStream("", ascii("q 100 0 0 100 0 0 cm /X1 Do Q")),
                image));

        ArtworkRejected rejection = rejected(() -> inspector.decodeFully(file));

        assertThat(rejection.code()).isEqualTo("PDF_DECODED_TOO_LARGE");
    }

    @Test
    void inlineImageInflatingPastItsDeclaredSizeIsRejectedBeforePdfBoxDecodesIt() {
        Path file = write(dir, "inline-bomb.pdf", HostileFiles.pdfInlineImageBomb(256L << 20));

        for (Function<ArtworkInspector, Function<Path, Object>> path : EVERY_PATH) {
            ArtworkRejected rejection = rejected(() -> path.apply(inspector).apply(file));
            assertThat(rejection.code()).isEqualTo("PDF_DECODED_TOO_LARGE");
        }
    }

    @Test
    void jpegInAPdfIsJudgedByItsOwnFrameHeader() {
        byte[] jpeg = ArtworkFiles.encode(ArtworkFiles.noise(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg");
        int sof = ArtworkFiles.indexOf(jpeg, new byte[]{(byte) 0xFF, (byte) 0xC0});
        jpeg[sof + 5] = (byte) 0xEA; // height 60000
        jpeg[sof + 6] = 0x60;
        jpeg[sof + 7] = (byte) 0xEA; // width 60000
        jpeg[sof + 8] = 0x60;
        byte[] image = pdfStream("/Type /XObject /Subtype /Image /Width 8 /Height 8 /BitsPerComponent 8 "
                + "/ColorSpace /DeviceRGB /Filter /DCTDecode", jpeg);
        Path file = write(dir, "jpeg-60000.pdf", pdfWithContent(pdfStream("", ascii("q 100 0 0 100 0 0 cm /X1 Do Q")),
                image));

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(file));

        assertThat(rejection.code()).isEqualTo("IMAGE_TOO_LARGE");
    }

    @Test
    void cyclicPageTreeIsRejected() {
        Path file = write(dir, "cyclic-tree.pdf", HostileFiles.pdfCyclicPageTree());

        for (Function<ArtworkInspector, Function<Path, Object>> path : EVERY_PATH) {
            ArtworkRejected rejection = rejected(() -> path.apply(inspector).apply(file));
            assertThat(rejection.code()).isEqualTo("PDF_CYCLIC_PAGE_TREE");
            assertThat(rejection.httpStatus()).isEqualTo(422);
        }
    }

    @Test
    void formsThatDrawEachOtherAreCutAtTheNestingLimitAndTheRestRenders() {
        Path file = write(dir, "cyclic-forms.pdf", HostileFiles.pdfCyclicForms());

        ArtworkHeader header = inspector.readHeader(file);
        ArtworkPixels pixels = inspector.pixels(file, 72);

        assertThat(header.findings()).extracting(Finding::code).contains("PDF_NESTING_TOO_DEEP");
        assertThat(pixels.image().getWidth()).isEqualTo(200);
    }

    @Test
    void objectsNestedBeyondTheDepthLimitAreRejected() {
        Path file = write(dir, "deep.pdf", HostileFiles.pdfDeepNesting(200));

        ArtworkRejected rejection = rejected(() -> inspector.readHeader(file));

        assertThat(rejection.code()).isEqualTo("PDF_TOO_DEEP");
    }

    @Test
    void sixteenBitImageWithinThePixelLimitIsStillHeldToTheDecodedBytes() {
        java.awt.image.BufferedImage deep = new java.awt.image.BufferedImage(600, 600,
                java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        Path file = write(dir, "gray16.png", ArtworkFiles.encode(deep, "png"));
        // 600 x 600 x 2 bytes = 720,000 bytes decoded, over a limit of 500,000 while the pixels are within theirs
        ArtworkInspector small = new ArtworkInspector(new ArtworkLimits(200_000_000L, 1_000_000L, 1, 500_000L,
                64L << 20, 256L << 20, 128, Duration.ofSeconds(10), Duration.ofSeconds(60), 1, 4));

        ArtworkRejected rejection = rejected(() -> small.readHeader(file));

        assertThat(rejection.code()).isEqualTo("IMAGE_TOO_LARGE");
        assertThat(rejection.getMessage()).contains("16 bits");
        assertThat(inspector.readHeader(file).widthPx()).isEqualTo(600);
    }

    private static ArtworkLimits limits(long maxStreamBytes, long maxDocumentBytes) {
        ArtworkLimits d = ArtworkLimits.defaults();
        return new ArtworkLimits(d.maxUploadBytes(), d.maxPixels(), 1, d.maxDecodedBytes(), maxStreamBytes,
                maxDocumentBytes, d.maxPdfObjectDepth(), d.timeLimit(), d.renderTimeLimit(), 1, 4);
    }
}
