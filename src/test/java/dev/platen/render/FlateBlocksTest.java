package dev.platen.render;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A canvas deflated in blocks on several threads, as the JDK's zlib inflates its TIFF strips and PDF stream back. */
class FlateBlocksTest {

    /** A CMYK-like raster: smooth ramps with a little noise, so deflate finds matches but not only matches. */
    static byte[] raster(int width, int height, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[width * height * 4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = (y * width + x) * 4;
                data[at] = (byte) (x * 255 / Math.max(1, width - 1) + random.nextInt(3));
                data[at + 1] = (byte) (y * 255 / Math.max(1, height - 1) + random.nextInt(3));
                data[at + 2] = (byte) ((x + y) / 7 + random.nextInt(2));
                data[at + 3] = (byte) (x / 50 == y / 50 ? 200 : 0);
            }
        }
        return data;
    }

    /** Poster-like flat art: bands of solid colours, 37 pixels wide and 19 rows high, so rows repeat in long runs. */
    static byte[] flatArt(int width, int height) {
        byte[] data = new byte[width * height * 4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int cell = x / 37 * 7 + y / 19 * 13;
                int at = (y * width + x) * 4;
                data[at] = (byte) (cell * 41);
                data[at + 1] = (byte) (cell * 73);
                data[at + 2] = (byte) (cell * 29);
                data[at + 3] = (byte) (cell % 3 == 0 ? 255 : 0);
            }
        }
        return data;
    }

    /** Everything an Inflater reads from {@code stream}, which must be exactly one complete zlib stream. */
    static byte[] inflateWhole(byte[] stream, int expectedLength) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stream);
            byte[] out = new byte[expectedLength + 1];
            int n = 0;
            while (!inflater.finished() && n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += got;
            }
            assertThat(inflater.finished()).as("the stream ends with a final block and a matching Adler-32").isTrue();
            assertThat(inflater.getRemaining()).as("nothing after the Adler-32").isZero();
            return Arrays.copyOf(out, n);
        } finally {
            inflater.end();
        }
    }

    /**
     * Predictor 2 as the TIFF and PDF specifications put it, written apart from {@link FlateBlocks} so the two
     * can disagree: each byte less the byte 4 before it in its row, the row's first pixel as it is.
     */
    static byte[] differences(byte[] data, int rowBytes) {
        byte[] d = data.clone();
        for (int r = 0; r < data.length / rowBytes; r++) {
            for (int i = 4; i < rowBytes; i++) {
                d[r * rowBytes + i] = (byte) (data[r * rowBytes + i] - data[r * rowBytes + i - 4]);
            }
        }
        return d;
    }

    /** Undoes Predictor 2 as a reader does: each sample plus the same ink of the pixel before, row by row. */
    static byte[] undifference(byte[] differences, int rowBytes) {
        for (int r = 0; r < differences.length / rowBytes; r++) {
            for (int i = 4; i < rowBytes; i++) {
                differences[r * rowBytes + i] += differences[r * rowBytes + i - 4];
            }
        }
        return differences;
    }

    /**
     * Hands {@code data} (rows of {@code width} CMYK pixels) to {@code blocks} in bands of the given heights, each
     * band in a buffer of its own from index 0, as {@link CanvasPass} does, releasing the rows above each band.
     */
    static void feed(FlateBlocks blocks, byte[] data, int width, int... bandRows) throws Exception {
        int rowBytes = width * 4;
        int y = 0;
        for (int rows : bandRows) {
            blocks.accept(Arrays.copyOfRange(data, y * rowBytes, (y + rows) * rowBytes), y, rows);
            y += rows;
            blocks.release(y - rows);
        }
    }

    @Test
    void bandsOfAnyNumberOfRowsMakeOneZlibStreamOfTheDifferencedRows() throws Exception {
        // Narrow rows (40 bytes), so that a PDF alone takes blocks of many rows (256 KiB: 6,554), and bands that
        // end inside a block, on a row, or one row long.
        int width = 10;
        byte[] data = raster(width, 30_000, 1);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (FlateBlocks blocks = FlateBlocks.of(width, 30_000, null, stream::write)) {
            feed(blocks, data, width, 1, 10, 819, 820, 5, 7_000, 6_554, 14_791);
            blocks.finish();
        }
        byte[] zlib = stream.toByteArray();

        byte[] inflated = inflateWhole(zlib, data.length);
        assertThat(inflated).isEqualTo(differences(data, width * 4));
        assertThat(undifference(inflated, width * 4)).isEqualTo(data);
        // Deflate at level 1 does compress this raster; the blocks did not cost that.
        assertThat(zlib.length).isLessThan(data.length / 2);
    }

    @Test
    void theTiffsStripsAndThePdfsStreamAreTheSameBlocks() throws Exception {
        // A canvas of 333 x 300: the first 133 rows flat art, coded with zlib's matches, the rest photograph-like,
        // coded by Huffman alone; four whole strips and a short one.
        int width = 333;
        int rowBytes = width * 4;
        int height = 300;
        byte[] data = raster(width, height, 6);
        System.arraycopy(flatArt(width, 133), 0, data, 0, 133 * rowBytes);
        List<byte[]> strips = new ArrayList<>();
        List<byte[]> stream = new ArrayList<>();
        try (FlateBlocks blocks = FlateBlocks.of(width, height,
                (b, offset, n) -> strips.add(Arrays.copyOfRange(b, offset, offset + n)),
                (b, offset, n) -> stream.add(Arrays.copyOfRange(b, offset, offset + n)))) {
            feed(blocks, data, width, 128, 128, 44);
            blocks.finish();
        }
        byte[] differenced = differences(data, rowBytes);

        // Each strip a zlib stream of its own rows, as a TIFF reader inflates a strip alone.
        assertThat(strips).hasSize(5);
        for (int s = 0; s < strips.size(); s++) {
            int rows = Math.min(64, height - s * 64);
            assertThat(inflateWhole(strips.get(s), rows * rowBytes)).as("strip " + s)
                    .isEqualTo(Arrays.copyOfRange(differenced, s * 64 * rowBytes, (s * 64 + rows) * rowBytes));
        }
        // The stream: the zlib header, then each strip's deflate data as it is (between its two-byte header and its
        // final block and Adler-32), then the final block and the Adler-32 of all the differenced bytes.
        assertThat(stream).hasSize(1 + strips.size() + 2);
        for (int s = 0; s < strips.size(); s++) {
            byte[] strip = strips.get(s);
            assertThat(stream.get(1 + s)).as("block " + s).isEqualTo(Arrays.copyOfRange(strip, 2, strip.length - 6));
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        stream.forEach(whole::writeBytes);
        byte[] zlib = whole.toByteArray();
        Adler32 adler = new Adler32();
        adler.update(differenced);
        assertThat(trailer(zlib)).isEqualTo(adler.getValue());
        assertThat(undifference(inflateWhole(zlib, data.length), rowBytes)).isEqualTo(data);
    }

    @Test
    void theStreamsHeaderAndTrailerAreZlibs() throws Exception {
        byte[] data = raster(100, 50, 2);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (FlateBlocks blocks = FlateBlocks.of(100, 50, null, stream::write)) {
            feed(blocks, data, 100, 20, 30);
            blocks.finish();
        }
        byte[] zlib = stream.toByteArray();

        assertThat(zlib[0]).isEqualTo((byte) 0x78); // deflate, 32 KiB window
        assertThat(((zlib[0] & 0xFF) * 256 + (zlib[1] & 0xFF)) % 31).isZero();
        assertThat(zlib[1] & 0x20).as("no preset dictionary").isZero();
        Adler32 adler = new Adler32();
        adler.update(differences(data, 400));
        assertThat(trailer(zlib)).isEqualTo(adler.getValue());

        // A wrong check value is refused by zlib, so the inflation above does check it.
        zlib[zlib.length - 1] ^= 1;
        assertThatThrownBy(() -> inflateWhole(zlib, data.length)).isInstanceOf(DataFormatException.class);
    }

    /** The Adler-32 ending a zlib stream, most significant byte first (RFC 1950). */
    private static long trailer(byte[] zlib) {
        return ((zlib[zlib.length - 4] & 0xFFL) << 24) | ((zlib[zlib.length - 3] & 0xFF) << 16)
                | ((zlib[zlib.length - 2] & 0xFF) << 8) | (zlib[zlib.length - 1] & 0xFF);
    }

    @Test
    void adlerOfTwoPiecesCombinesAsTheAdlerOfBoth() {
        byte[] data = raster(300, 200, 3);
        // Split points at the ends, and pieces longer than the modulus 65521 and than 5552 (zlib's NMAX).
        for (int split : new int[] {0, 1, 5552, 65521, 65522, 100_000, data.length - 1, data.length}) {
            Adler32 first = new Adler32();
            first.update(data, 0, split);
            Adler32 second = new Adler32();
            second.update(data, split, data.length - split);
            Adler32 whole = new Adler32();
            whole.update(data);

            int combined = FlateBlocks.adler32Combine((int) first.getValue(), (int) second.getValue(),
                    data.length - split);

            assertThat(Integer.toUnsignedLong(combined)).as("split at " + split).isEqualTo(whole.getValue());
        }
    }

    @Test
    void blocksAreWrittenInTheOrderOfTheCanvasAndReleaseStopsAtItsRow() throws Exception {
        // A band of four strips, then one of one strip, then a short last strip: the single strip may well finish
        // on the workers before the band's four.
        int width = 1000;
        int height = 64 * 5 + 3;
        byte[] data = raster(width, height, 5);
        int rowBytes = width * 4;
        List<byte[]> written = new ArrayList<>();
        try (FlateBlocks blocks = FlateBlocks.of(width, height,
                (b, offset, n) -> written.add(Arrays.copyOfRange(b, offset, offset + n)), null)) {
            blocks.accept(Arrays.copyOfRange(data, 0, 256 * rowBytes), 0, 256);
            blocks.accept(Arrays.copyOfRange(data, 256 * rowBytes, 320 * rowBytes), 256, 64);
            blocks.release(256);
            assertThat(written).as("the band's strips, and not the next").hasSize(4);
            blocks.accept(Arrays.copyOfRange(data, 320 * rowBytes, height * rowBytes), 320, 3);
            blocks.finish();
        }
        assertThat(written).hasSize(6);
        for (int i = 0; i < written.size(); i++) {
            int rows = Math.min(64, height - i * 64);
            byte[] strip = undifference(inflateWhole(written.get(i), rows * rowBytes), rowBytes);
            assertThat(strip).as("strip " + i)
                    .isEqualTo(Arrays.copyOfRange(data, i * 64 * rowBytes, (i * 64 + rows) * rowBytes));
        }
    }

    @Test
    void bandsFollowEachOtherInWholeStripsAndTheCanvasEndsWhole() throws Exception {
        try (FlateBlocks blocks = FlateBlocks.of(10, 200, (b, offset, n) -> { }, null)) {
            byte[] band = new byte[100 * 40];
            assertThatThrownBy(() -> blocks.accept(band, 64, 64)).as("not the first rows")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> blocks.accept(band, 0, 100)).as("a band ending inside a strip")
                    .isInstanceOf(IllegalArgumentException.class);
            blocks.accept(band, 0, 64);
            assertThatThrownBy(() -> blocks.accept(band, 64, 137)).as("past the canvas")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(blocks::finish).as("136 rows missing").isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> FlateBlocks.of(10, 200, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Photographs are coded by Huffman alone, flat art keeps deflate's matches: a flat band must still shrink to
     * next to nothing (Huffman alone cannot go below an eighth), and noisy rows must get the Huffman-only coding.
     */
    @Test
    void flatArtKeepsItsMatchesAndNoisyRowsAreHuffmanCodedAlone() throws Exception {
        int rowBytes = 4 * 500;
        byte[] flat = new byte[rowBytes * 64];
        for (int i = 0; i < flat.length; i += 4) {
            flat[i] = 40;  // a flat tint: 40 % cyan, the same in every pixel
        }
        byte[] noisy = new byte[rowBytes * 64];
        new java.util.Random(5).nextBytes(noisy);
        assertThat(FlateBlocks.strategyFor(flat, 0, flat.length, rowBytes))
                .isEqualTo(java.util.zip.Deflater.DEFAULT_STRATEGY);
        assertThat(FlateBlocks.strategyFor(noisy, 0, noisy.length, rowBytes))
                .isEqualTo(java.util.zip.Deflater.HUFFMAN_ONLY);
        // A smooth photograph: most neighbours equal, so its differences are two thirds zeros, but scattered, not in
        // long runs; matches would cost it (the bench photo: 29.6 MB with them, 28.0 MB by Huffman alone).
        byte[] smooth = new byte[rowBytes * 64];
        java.util.Random random = new java.util.Random(8);
        int zeros = 0;
        for (int i = 0; i < smooth.length; i++) {
            int step = random.nextInt(3) == 0 ? random.nextInt(5) - 2 : 0;
            smooth[i] = (byte) (i % rowBytes < 4 ? 128 : smooth[i - 4] + step);
            zeros += i % rowBytes >= 4 && step == 0 ? 1 : 0;
        }
        assertThat(zeros).isGreaterThan(smooth.length * 6 / 10);
        assertThat(FlateBlocks.strategyFor(smooth, 0, smooth.length, rowBytes))
                .isEqualTo(java.util.zip.Deflater.HUFFMAN_ONLY);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (FlateBlocks blocks = FlateBlocks.of(500, 64, out::write, null)) {
            blocks.accept(flat, 0, 64);
            blocks.finish();
        }
        assertThat(out.size()).as("a flat strip, deflated").isLessThan(flat.length / 100);
    }
}
