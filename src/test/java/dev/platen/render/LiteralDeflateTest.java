package dev.platen.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Adler32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Huffman-only deflate coder, read back by zlib's inflate (the JDK's {@link java.util.zip.Inflater}), the decoder
 * libtiff, Ghostscript and every PDF reader use or follow.
 */
class LiteralDeflateTest {

    @Test
    void differencedPhotoLikeBytesComeBackAsTheyWereAndNoLargerThanZlibHuffmanOnly() throws Exception {
        byte[] data = noiseAroundZero(new Random(7), 700_000, 6.0);
        byte[] coded = code(data, 256 * 1024);
        assertThat(inflate(coded, data)).isEqualTo(data);

        Deflater zlib = new Deflater(1, true);
        zlib.setStrategy(Deflater.HUFFMAN_ONLY);
        zlib.setInput(data);
        zlib.finish();
        byte[] buffer = new byte[data.length * 2];
        int zlibLength = 0;
        while (!zlib.finished()) {
            zlibLength += zlib.deflate(buffer, zlibLength, buffer.length - zlibLength);
        }
        zlib.end();
        // zlib codes every 16,384 symbols afresh, this every part: on stationary noise the two come out within 1 %
        assertThat((double) coded.length).isLessThan(zlibLength * 1.01);
        // about the entropy of such noise (4.6 bits a byte), against 8 stored
        assertThat((double) coded.length).isLessThan(data.length * 0.6);
    }

    @Test
    void noiseIsStoredNotInflated() throws Exception {
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        byte[] coded = code(data, 256 * 1024);
        assertThat(inflate(coded, data)).isEqualTo(data);
        assertThat(coded.length).isLessThanOrEqualTo(LiteralDeflate.bound(data.length))
                .isLessThan(data.length + 5 * 4 + 8);
    }

    @Test
    void oneValueTinyBlocksAndPartsChainedBySyncFlushesInflateAsOneStream() throws Exception {
        byte[] flat = new byte[100_000];
        Arrays.fill(flat, (byte) 0x2A);
        byte[] one = {5};
        byte[] skewed = noiseAroundZero(new Random(11), 300_000, 1.5);
        byte[] odd = noiseAroundZero(new Random(12), 99_999, 1.5); // coded two bytes a turn, then the odd one
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (byte[] piece : new byte[][] {flat, one, skewed, odd}) {
            LiteralDeflate coder = new LiteralDeflate(new byte[8], 0); // grows as it needs

            for (int at = 0; at < piece.length; at += 65_536) {
                coder.block(piece, at, Math.min(piece.length, at + 65_536));
            }
            coder.syncFlush();
            stream.write(coder.buffer(), 0, coder.position());
            plain.write(piece);
        }
        stream.write(new byte[] {0x03, 0x00}); // an empty final block, as FlateBlocks ends its stream
        assertThat(inflate(stream.toByteArray(), plain.toByteArray())).isEqualTo(plain.toByteArray());
    }

    @Test
    void codesAreLimitedToFifteenBitsWhenTheCountsWouldMakeThemLonger() throws Exception {
        // Fibonacci counts make the deepest possible Huffman tree: 30 symbols would need codes 29 bits long.
        int[] freq = new int[257];
        long a = 1;
        long b = 1;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int s = 0; s < 30; s++) {
            freq[s] = (int) a;
            for (long k = 0; k < a; k++) {
                data.write(s);
            }
            long next = a + b;
            a = b;
            b = next;
        }
        int[] lengths = LiteralDeflate.codeLengths(freq, 15);
        assertThat(Arrays.stream(lengths).max().orElseThrow()).isBetween(13, 15);
        // a complete prefix code: the Kraft sum of the used lengths is exactly one
        double kraft = Arrays.stream(lengths).filter(l -> l > 0).mapToDouble(l -> Math.pow(2, -l)).sum();
        assertThat(kraft).isEqualTo(1.0);

        byte[] bytes = data.toByteArray();
        assertThat(inflate(code(bytes, bytes.length), bytes)).isEqualTo(bytes);
    }

    @Test
    void aLoneSymbolStillGetsACompleteCode() {
        int[] freq = new int[19];
        freq[8] = 40;
        int[] lengths = LiteralDeflate.codeLengths(freq, 7);
        assertThat(lengths[8]).isEqualTo(1);
        assertThat(Arrays.stream(lengths).filter(l -> l > 0).count()).isEqualTo(2);
    }

    /** Bytes of a differenced photograph: small signed differences, about normal, as unsigned bytes. */
    private static byte[] noiseAroundZero(Random random, int length, double spread) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) Math.round(random.nextGaussian() * spread);
        }
        return data;
    }

    /** {@code data} coded in parts, ended as FlateBlocks ends a strip: a sync flush, then an empty final block. */
    private static byte[] code(byte[] data, int part) {
        byte[] out = new byte[LiteralDeflate.bound(data.length)];
        LiteralDeflate coder = new LiteralDeflate(out, 0);
        for (int at = 0; at < data.length; at += part) {
            coder.block(data, at, Math.min(data.length, at + part));
        }
        coder.syncFlush();
        byte[] coded = Arrays.copyOf(coder.buffer(), coder.position() + 2);
        coded[coded.length - 2] = 0x03; // the empty final block
        return coded;
    }

    /**
     * The raw deflate {@code raw}, which must code {@code plain}, inflated as the zlib stream it makes with a zlib
     * header and {@code plain}'s Adler-32 ({@link FlateBlocksTest#inflateWhole}: complete, nothing after it).
     */
    private static byte[] inflate(byte[] raw, byte[] plain) throws DataFormatException {
        Adler32 adler = new Adler32();
        adler.update(plain);
        int sum = (int) adler.getValue();
        byte[] stream = new byte[raw.length + 6];
        System.arraycopy(FlateBlocks.zlibHeader(1), 0, stream, 0, 2);
        System.arraycopy(raw, 0, stream, 2, raw.length);
        System.arraycopy(FlateBlocks.adlerTrailer(sum), 0, stream, raw.length + 2, 4);
        return FlateBlocksTest.inflateWhole(stream, plain.length);
    }
}
