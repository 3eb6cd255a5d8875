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

/** Blocks deflated on several threads, as the JDK's zlib inflates them back. */
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

    @Test
    void blocksOfAnyNumberOfRowsMakeOneZlibStreamOfTheDifferencedRows() throws Exception {
        // Narrow rows, so block sizes can sit either side of the 32 KiB window: 819 rows of 40 bytes are 8 bytes
        // short of it, 820 rows 32 bytes over, and the window then starts inside a row.
        int rowBytes = 40;
        byte[] data = raster(10, 30_000, 1);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int[] rows = {0, 1, 10, 819, 820, 5, 7_000, 0, 15_000};
        try (FlateBlocks blocks = FlateBlocks.oneStream(1, rowBytes, (b, n) -> stream.write(b, 0, n))) {
            int at = 0;
            for (int r : rows) {
                blocks.add(data, at, r * rowBytes, at + r * rowBytes);
                at += r * rowBytes;
            }
            blocks.add(data, at, data.length - at, data.length);
            blocks.finish();
        }
        byte[] zlib = stream.toByteArray();

        byte[] inflated = inflateWhole(zlib, data.length);
        assertThat(inflated).isEqualTo(differences(data, rowBytes));
        assertThat(undifference(inflated, rowBytes)).isEqualTo(data);
        // Deflate at level 1 does compress this raster; the blocks did not cost that.
        assertThat(zlib.length).isLessThan(data.length / 2);
    }

    @Test
    void eachBlockIsPrimedWithTheDifferencedDataBeforeIt() throws Exception {
        // Canvas-like blocks: 64 rows of 333 pixels (85 KiB, more than the window), then blocks of 5 and 3 rows
        // (6.5 and 4 KiB), whose windows reach back across more than one block. The first 133 rows flat art, coded
        // with zlib's matches, the rest photograph-like, coded by Huffman alone: one stream either way.
        int width = 333;
        int rowBytes = width * 4;
        byte[] data = raster(width, 300, 6);
        System.arraycopy(flatArt(width, 133), 0, data, 0, 133 * rowBytes);
        int[] rows = {64, 64, 5, 3, 64, 100};
        List<byte[]> written = new ArrayList<>();
        try (FlateBlocks blocks = FlateBlocks.oneStream(1, rowBytes, (b, n) -> written.add(Arrays.copyOf(b, n)))) {
            int at = 0;
            for (int r : rows) {
                blocks.add(data, at, r * rowBytes, at + r * rowBytes);
                at += r * rowBytes;
            }
            blocks.finish();
        }
        byte[] differenced = differences(data, rowBytes);

        // One write for the header, one a block, then an empty final block and the Adler-32 of the differenced
        // bytes, which the decoder checks against what it inflated, before it undoes the predictor.
        assertThat(written).hasSize(2 + rows.length + 1);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        written.forEach(whole::writeBytes);
        byte[] zlib = whole.toByteArray();
        Adler32 adler = new Adler32();
        adler.update(differenced);
        assertThat(trailer(zlib)).isEqualTo(adler.getValue());
        assertThat(undifference(inflateWhole(zlib, data.length), rowBytes)).isEqualTo(data);

        // Each block alone, raw deflate, inflates to its own differenced rows given the 32 KiB of differenced
        // data before it as history; blocks do refer back into it, as the ones inflated without it show.
        int at = 0;
        int needingHistory = 0;
        for (int b = 0; b < rows.length; b++) {
            int length = rows[b] * rowBytes;
            byte[] history = Arrays.copyOfRange(differenced, Math.max(0, at - FlateBlocks.WINDOW), at);
            byte[] expected = Arrays.copyOfRange(differenced, at, at + length);
            assertThat(inflateRaw(written.get(1 + b), history, length)).as("block " + b).isEqualTo(expected);
            if (b > 0) {
                byte[] alone;
                try {
                    alone = inflateRaw(written.get(1 + b), new byte[0], length);
                } catch (DataFormatException e) {
                    alone = null; // "invalid distance too far back": it matched into the history
                }
                needingHistory += Arrays.equals(alone, expected) ? 0 : 1;
            }
            at += length;
        }
        assertThat(needingHistory).as("blocks that match into the data before them").isPositive();
    }

    /** Inflates one raw deflate block ending in a sync flush, with {@code history} as what came before it. */
    private static byte[] inflateRaw(byte[] block, byte[] history, int expectedLength) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            if (history.length > 0) {
                inflater.setDictionary(history);
            }
            inflater.setInput(block);
            byte[] out = new byte[expectedLength + 1];
            int n = 0;
            while (n < out.length) {
                int got = inflater.inflate(out, n, out.length - n);
                if (got == 0) {
                    break;
                }
                n += got;
            }
            assertThat(inflater.finished()).as("a sync flush, not the final block").isFalse();
            assertThat(inflater.getRemaining()).as("the whole block inflated").isZero();
            return Arrays.copyOf(out, n);
        } finally {
            inflater.end();
        }
    }

    @Test
    void theWindowIsTheLast32KibOfTheDifferencedData() {
        // Chained block by block, from the source rows only; against the differenced data as a whole.
        for (int width : new int[] {10, 333, 1024, 9000}) {
            int rowBytes = width * 4;
            byte[] data = raster(width, 40, 7);
            byte[] differenced = differences(data, rowBytes);
            byte[] window = new byte[0];
            int at = 0;
            for (int r : new int[] {0, 1, 3, 0, 7, 1, 20, 8}) {
                int length = r * rowBytes;
                window = FlateBlocks.lastWindow(window, data, at, length, rowBytes);
                at += length;
                assertThat(window).as(width + " px, after row " + at / rowBytes)
                        .isEqualTo(Arrays.copyOfRange(differenced, Math.max(0, at - FlateBlocks.WINDOW), at));
            }
        }
    }

    @Test
    void theStreamsHeaderAndTrailerAreZlibs() throws Exception {
        byte[] data = raster(100, 50, 2);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (FlateBlocks blocks = FlateBlocks.oneStream(1, 400, (b, n) -> stream.write(b, 0, n))) {
            blocks.add(data, 0, 8000, 1);
            blocks.add(data, 8000, data.length - 8000, 2);
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
    void anEmptyStreamIsStillAZlibStream() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (FlateBlocks blocks = FlateBlocks.oneStream(1, 4, (b, n) -> stream.write(b, 0, n))) {
            blocks.finish();
        }
        assertThat(inflateWhole(stream.toByteArray(), 0)).isEmpty();
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
    void tiffStripsAreEachAZlibStreamOfHorizontalDifferences() throws Exception {
        int width = 333;
        int height = 150;
        byte[] data = raster(width, height, 4);
        int rowBytes = width * 4;
        List<byte[]> strips = new ArrayList<>();
        try (FlateBlocks blocks = FlateBlocks.tiffStrips(1, rowBytes, (b, n) -> strips.add(Arrays.copyOf(b, n)))) {
            for (int y = 0; y < height; y += 64) {
                int rows = Math.min(64, height - y);
                blocks.add(data, y * rowBytes, rows * rowBytes, y + rows);
            }
            blocks.finish();
        }

        assertThat(strips).hasSize(3);
        for (int s = 0; s < strips.size(); s++) {
            int rows = Math.min(64, height - s * 64);
            byte[] differences = undifference(inflateWhole(strips.get(s), rows * rowBytes), rowBytes);
            assertThat(differences).hasSize(rows * rowBytes);
            assertThat(differences).as("strip " + s)
                    .isEqualTo(Arrays.copyOfRange(data, s * 64 * rowBytes, (s * 64 + rows) * rowBytes));
        }
    }

    @Test
    void blocksAreWrittenInTheOrderAddedAndWriteThroughStopsAtItsMark() throws Exception {
        // A large block first and small ones after: the small ones finish first on the workers.
        byte[] data = raster(1000, 600, 5);
        int rowBytes = 4000;
        int[][] rows = {{0, 500}, {500, 501}, {501, 502}, {502, 503}};
        List<byte[]> written = new ArrayList<>();
        try (FlateBlocks blocks = FlateBlocks.tiffStrips(1, rowBytes, (b, n) -> written.add(Arrays.copyOf(b, n)))) {
            for (int[] r : rows) {
                blocks.add(data, r[0] * rowBytes, (r[1] - r[0]) * rowBytes, r[1]);
            }
            blocks.writeThrough(501);
            assertThat(written).hasSize(2);
            blocks.finish();
        }
        assertThat(written).hasSize(rows.length);
        for (int i = 0; i < rows.length; i++) {
            byte[] strip = undifference(inflateWhole(written.get(i), data.length), rowBytes);
            assertThat(strip).as("block " + i)
                    .isEqualTo(Arrays.copyOfRange(data, rows[i][0] * rowBytes, rows[i][1] * rowBytes));
        }
    }

    @Test
    void aBlockIsWholeRows() throws Exception {
        try (FlateBlocks blocks = FlateBlocks.tiffStrips(1, 40, (b, n) -> { })) {
            assertThatThrownBy(() -> blocks.add(new byte[100], 0, 100, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (FlateBlocks blocks = FlateBlocks.oneStream(1, 40, (b, n) -> { })) {
            assertThatThrownBy(() -> blocks.add(new byte[100], 0, 100, 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
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
        try (FlateBlocks blocks = FlateBlocks.tiffStrips(1, rowBytes, (data, length) -> out.write(data, 0, length))) {
            blocks.add(flat, 0, flat.length, 64);
            blocks.finish();
        }
        assertThat(out.size()).as("a flat strip, deflated").isLessThan(flat.length / 100);
    }
}
