package dev.platen.render;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Deflate (RFC 1951) by a Huffman code of the bytes alone, no string matches: the same kind of stream zlib writes
 * with its {@code Z_HUFFMAN_ONLY} strategy, which is what a differenced photograph wants (see
 * {@link FlateBlocks#strategyFor}), at two and a half times zlib's speed. zlib copies its input into a window,
 * tallies every byte as a symbol and codes the tally in a second pass; this counts the bytes once and codes them once
 * from where they lie, each byte's code looked up in one table. Measured on the bench photo's canvas (69 MB of
 * differenced CMYK, parts of 18 rows, one core, warm): 172 ms and 27.90 MB here, 440 ms and 28.02 MB through the
 * JDK's zlib at level 1, Huffman only.
 *
 * <p>Each {@link #block} is coded with its own dynamic Huffman code (section 3.2.7): 257 literal/length codes
 * (the 256 byte values and end-of-block, no lengths), two distance codes of one bit that are never used (zlib
 * writes the same, since some decoders refuse a block with no distance code), lengths limited to 15 bits.
 * Where the code would not save anything (noise), the block is stored instead, as zlib does. Blocks follow each
 * other bit for bit; {@link #syncFlush} ends them on a byte boundary. Writes into the caller's buffer,
 * growing it (a copy) when a block might not fit; {@link #buffer} is where the bytes are. Used by one thread.
 */
final class LiteralDeflate {

    private static final int END_OF_BLOCK = 256;
    private static final int LITERALS = 257;
    private static final int MAX_BITS = 15;
    /** The code-length code's lengths are sent in 3 bits, so they go up to 7. */
    private static final int MAX_CODE_LENGTH_BITS = 7;
    private static final int STORED_MAX = 65_535;
    /** The order the code-length code's lengths are sent in (section 3.2.7): the likely ones first. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] out;
    private int position;
    /** Bits not yet written, the first in the low end (deflate packs bits from the least significant). */
    private long bits;
    private int bitCount;

    LiteralDeflate(byte[] out, int position) {
        this.out = out;
        this.position = position;
    }

    /**
     * The most bytes {@code length} bytes can take, blocks, sync flush and end included: a stored block's 5 bytes
     * per 65,535 (a block is only coded when that is smaller), the byte a block header and padding can add, and
     * a sync flush.
     */
    static int bound(int length) {
        return length + 5 * (length / STORED_MAX + 1) + 16;
    }

    /** Where the next byte goes: once {@link #syncFlush} has run, the end of what was written. */
    int position() {
        return position;
    }

    /** The buffer written to: the caller's, or a larger copy of it. */
    byte[] buffer() {
        return out;
    }

    private void makeRoom(int bytes) {
        if (out.length - position < bytes) {
            out = Arrays.copyOf(out, Math.max(position + bytes, out.length + out.length / 2));
        }
    }

    /**
     * Codes {@code data[from .. to)} as one block, never the stream's last: {@link FlateBlocks} ends every block of
     * its with a {@link #syncFlush} and frames it as a TIFF strip or a part of a PDF stream, each with its own final
     * block.
     */
    void block(byte[] data, int from, int to) {
        // Only calls here: each loop is a small method of its own, which the JIT compiles on its own.
        makeRoom(bound(to - from));
        int[] freq = new int[LITERALS];
        count(data, from, to, freq);
        Code code = Code.of(freq);
        if (code.bits() >= 8L * (to - from) + 40L * ((to - from) / STORED_MAX + 1) + 8) {
            stored(data, from, to);
            return;
        }
        putBits(0, 1); // BFINAL: not the last block
        putBits(2, 2); // dynamic Huffman codes
        header(code);
        literals(data, from, to, code.table());
        putBits(code.table()[END_OF_BLOCK] & 0xFFFF, code.table()[END_OF_BLOCK] >>> 16);
    }

    /**
     * A block's code: the literal code as one table (per symbol the bit-reversed code in the low 16 bits, its length
     * above), the code lengths run-length coded as tokens (symbol in the low 5 bits, extra-bit value above) with
     * the code-length code that sends them, and the block's size in bits once coded.
     */
    private record Code(int[] table, int[] tokens, int tokenCount, int[] codeLengthLengths, int sent, long bits) {

        static Code of(int[] freq) {
            freq[END_OF_BLOCK] = 1;
            int[] lengths = codeLengths(freq, MAX_BITS);
            // The code lengths, run-length coded with the code-length alphabet (16: repeat the last 3-6 times, 17:
            // 3-10 zeros, 18: 11-138 zeros), literal and distance lengths each on their own.
            int[] tokens = new int[LITERALS + DISTANCE_LENGTHS.length];
            int tokenCount = runLengths(lengths, tokens, 0);
            tokenCount = runLengths(DISTANCE_LENGTHS, tokens, tokenCount);
            int[] codeLengthFreq = new int[19];
            for (int t = 0; t < tokenCount; t++) {
                codeLengthFreq[tokens[t] & 0x1F]++;
            }
            int[] codeLengthLengths = codeLengths(codeLengthFreq, MAX_CODE_LENGTH_BITS);
            int sent = 19;
            while (sent > 4 && codeLengthLengths[CODE_LENGTH_ORDER[sent - 1]] == 0) {
                sent--;
            }
            long bits = 3 + 5 + 5 + 4 + 3L * sent;
            for (int t = 0; t < tokenCount; t++) {
                int symbol = tokens[t] & 0x1F;
                bits += codeLengthLengths[symbol] + EXTRA_BITS[symbol];
            }
            int[] codes = canonicalCodes(lengths);
            int[] table = new int[LITERALS];
            for (int s = 0; s < LITERALS; s++) {
                bits += (long) freq[s] * lengths[s];
                table[s] = codes[s] | lengths[s] << 16;
            }
            return new Code(table, tokens, tokenCount, codeLengthLengths, sent, bits);
        }
    }

    /** Two distance codes of one bit, never used (see the class comment). */
    private static final int[] DISTANCE_LENGTHS = {1, 1};

    /** The dynamic block's header after its first three bits: the counts, then the code lengths (section 3.2.7). */
    private void header(Code code) {
        putBits(LITERALS - 257, 5);
        putBits(DISTANCE_LENGTHS.length - 1, 5);
        putBits(code.sent() - 4, 4);
        for (int i = 0; i < code.sent(); i++) {
            putBits(code.codeLengthLengths()[CODE_LENGTH_ORDER[i]], 3);
        }
        int[] codeLengthCodes = canonicalCodes(code.codeLengthLengths());
        for (int t = 0; t < code.tokenCount(); t++) {
            int token = code.tokens()[t];
            int symbol = token & 0x1F;
            putBits(codeLengthCodes[symbol], code.codeLengthLengths()[symbol]);
            if (EXTRA_BITS[symbol] > 0) {
                putBits(token >>> 5, EXTRA_BITS[symbol]);
            }
        }
    }

    /** An empty stored block, ending on a byte boundary (zlib's Z_SYNC_FLUSH): the next block starts on a byte. */
    void syncFlush() {
        makeRoom(16);
        putBits(0, 3);
        alignToByte();
        putBits(0, 16);
        putBits(0xFFFF, 16);
        drain();
    }

    /** The byte histogram, in four tables so that runs of one value do not wait on the same counter. */
    private static void count(byte[] data, int from, int to, int[] freq) {
        int[] a = new int[256];
        int[] b = new int[256];
        int[] c = new int[256];
        int[] d = new int[256];
        int i = from;
        for (; i + 3 < to; i += 4) {
            a[data[i] & 0xFF]++;
            b[data[i + 1] & 0xFF]++;
            c[data[i + 2] & 0xFF]++;
            d[data[i + 3] & 0xFF]++;
        }
        for (; i < to; i++) {
            a[data[i] & 0xFF]++;
        }
        for (int v = 0; v < 256; v++) {
            freq[v] = a[v] + b[v] + c[v] + d[v];
        }
    }

    /**
     * The hot loop: each byte's code (bit-reversed, low 16 bits) and length (high 16) from one table, two bytes a
     * turn: under 32 bits held before them and at most 15 bits each, the 64-bit accumulator takes both before it is
     * written out, so the test whether to write comes half as often: it is taken every second or third turn, in no
     * pattern the branch predictor learns. On C1's code, which a one-placement process runs (8 % of its CPU was this
     * loop), coding the bench photo's differenced canvas in 256 KiB blocks took 216 ms on one core a byte a turn,
     * 188 ms two.
     */
    private void literals(byte[] data, int from, int to, int[] table) {
        byte[] o = out;
        int p = position;
        long acc = bits;
        int n = bitCount;
        int i = from;
        for (; i + 1 < to; i += 2) {
            int e = table[data[i] & 0xFF];
            int f = table[data[i + 1] & 0xFF];
            acc |= (long) (e & 0xFFFF) << n;
            n += e >>> 16;
            acc |= (long) (f & 0xFFFF) << n;
            n += f >>> 16;
            if (n >= 32) {
                INT_LE.set(o, p, (int) acc);
                p += 4;
                acc >>>= 32;
                n -= 32;
            }
        }
        position = p;
        bits = acc;
        bitCount = n;
        if (i < to) { // an odd byte left
            int e = table[data[i] & 0xFF];
            putBits(e & 0xFFFF, e >>> 16);
        }
    }

    private void stored(byte[] data, int from, int to) {
        int at = from;
        do {
            int length = Math.min(STORED_MAX, to - at);
            putBits(0, 1); // BFINAL
            putBits(0, 2);
            alignToByte();
            putBits(length, 16);
            putBits(~length & 0xFFFF, 16);
            drain();
            System.arraycopy(data, at, out, position, length);
            position += length;
            at += length;
        } while (at < to);
    }

    private void putBits(int value, int count) {
        bits |= (long) value << bitCount;
        bitCount += count;
        if (bitCount >= 32) {
            INT_LE.set(out, position, (int) bits);
            position += 4;
            bits >>>= 32;
            bitCount -= 32;
        }
    }

    /** Zero bits up to the next byte boundary (the bits above the held ones are zero already). */
    private void alignToByte() {
        putBits(0, -bitCount & 7);
    }

    /** Writes out the whole bytes held (call when byte-aligned). */
    private void drain() {
        while (bitCount >= 8) {
            out[position++] = (byte) bits;
            bits >>>= 8;
            bitCount -= 8;
        }
    }

    /** Extra bits after each code-length symbol: 16 has 2, 17 has 3, 18 has 7. */
    private static final int[] EXTRA_BITS = new int[19];

    static {
        EXTRA_BITS[16] = 2;
        EXTRA_BITS[17] = 3;
        EXTRA_BITS[18] = 7;
    }

    /**
     * Run-length codes {@code lengths} into tokens (symbol in the low 5 bits, extra-bit value above), from
     * {@code at}; returns the new token count.
     */
    private static int runLengths(int[] lengths, int[] tokens, int at) {
        int i = 0;
        while (i < lengths.length) {
            int value = lengths[i];
            int run = 1;
            while (i + run < lengths.length && lengths[i + run] == value) {
                run++;
            }
            i += run;
            if (value == 0) {
                while (run >= 11) {
                    int take = Math.min(run, 138);
                    tokens[at++] = 18 | (take - 11) << 5;
                    run -= take;
                }
                if (run >= 3) {
                    tokens[at++] = 17 | (run - 3) << 5;
                    run = 0;
                }
            } else {
                tokens[at++] = value;
                run--;
                while (run >= 3) {
                    int take = Math.min(run, 6);
                    tokens[at++] = 16 | (take - 3) << 5;
                    run -= take;
                }
            }
            while (run-- > 0) {
                tokens[at++] = value;
            }
        }
        return at;
    }

    /**
     * Huffman code lengths for {@code freq}, none longer than {@code maxBits}. Symbols that never occur get none;
     * at least two symbols get one, so that the code is complete, as inflate requires (a lone used symbol is given
     * a partner that is never sent). Too long a code is made shorter the way many encoders do: the counts are
     * halved (a count stays at least one) and the code built again, which keeps it close to optimal.
     */
    static int[] codeLengths(int[] freq, int maxBits) {
        int n = freq.length;
        long[] weight = new long[n];
        int used = 0;
        for (int s = 0; s < n; s++) {
            weight[s] = freq[s];
            if (freq[s] > 0) {
                used++;
            }
        }
        for (int s = 0; used < 2 && s < n; s++) {
            if (weight[s] == 0) {
                weight[s] = 1;
                used++;
            }
        }
        while (true) {
            int[] lengths = huffman(weight);
            int longest = 0;
            for (int l : lengths) {
                longest = Math.max(longest, l);
            }
            if (longest <= maxBits) {
                return lengths;
            }
            for (int s = 0; s < n; s++) {
                if (weight[s] > 0) {
                    weight[s] = Math.max(1, weight[s] >> 1);
                }
            }
        }
    }

    /**
     * Unlimited Huffman code lengths of the symbols of non-zero weight (there are at least two), by the two-queue
     * method: the leaves sorted by weight, the joined nodes made in order of weight, so the two lightest are always
     * at the heads of the two queues. Ties go to the leaf and the lower symbol, so the same counts give the same code.
     */
    private static int[] huffman(long[] weight) {
        int n = weight.length;
        long[] leaves = new long[n];
        int leafCount = 0;
        for (int s = 0; s < n; s++) {
            if (weight[s] > 0) {
                leaves[leafCount++] = weight[s] << 9 | s; // a weight below 2^54, a symbol below 2^9
            }
        }
        // At most 257 leaves: an insertion sort, which a fresh process compiles in a fraction of a library sort's time.
        for (int i = 1; i < leafCount; i++) {
            long leaf = leaves[i];
            int j = i - 1;
            for (; j >= 0 && leaves[j] > leaf; j--) {
                leaves[j + 1] = leaves[j];
            }
            leaves[j + 1] = leaf;
        }
        long[] joined = new long[leafCount];
        int[] parent = new int[n + leafCount]; // symbols, then joined nodes from n on
        int leafAt = 0;
        int joinedAt = 0;
        int joinedCount = 0;
        while (leafCount - leafAt + joinedCount - joinedAt > 1) {
            int node = n + joinedCount;
            long total = 0;
            for (int pick = 0; pick < 2; pick++) {
                boolean leaf = joinedAt == joinedCount
                        || leafAt < leafCount && leaves[leafAt] >>> 9 <= joined[joinedAt];
                if (leaf) {
                    total += leaves[leafAt] >>> 9;
                    parent[(int) (leaves[leafAt++] & 0x1FF)] = node;
                } else {
                    total += joined[joinedAt];
                    parent[n + joinedAt++] = node;
                }
            }
            joined[joinedCount++] = total;
        }
        int root = n + joinedCount - 1;
        int[] depth = new int[n + leafCount];
        for (int node = root - 1; node >= n; node--) {
            depth[node] = depth[parent[node]] + 1;
        }
        int[] lengths = new int[n];
        for (int s = 0; s < n; s++) {
            if (weight[s] > 0) {
                lengths[s] = depth[parent[s]] + 1;
            }
        }
        return lengths;
    }

    /**
     * The canonical codes of section 3.2.2 for {@code lengths}, bit-reversed: deflate sends a Huffman code from
     * its most significant bit, and the bit writer fills from the least.
     */
    static int[] canonicalCodes(int[] lengths) {
        int[] countOfLength = new int[MAX_BITS + 1];
        for (int l : lengths) {
            countOfLength[l]++;
        }
        countOfLength[0] = 0;
        int[] nextCode = new int[MAX_BITS + 2];
        int code = 0;
        for (int bitsLong = 1; bitsLong <= MAX_BITS; bitsLong++) {
            code = (code + countOfLength[bitsLong - 1]) << 1;
            nextCode[bitsLong] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            int l = lengths[s];
            if (l != 0) {
                codes[s] = Integer.reverse(nextCode[l]++) >>> (32 - l);
            }
        }
        return codes;
    }
}
