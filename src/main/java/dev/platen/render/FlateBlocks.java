package dev.platen.render;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Flate compression of a print file's image data on every core, in blocks of whole CMYK rows, 8 bits a sample,
 * written out in the order the blocks came in. Every block is first horizontally differenced (Predictor 2: each
 * sample less the same ink of the pixel before it in the row, the row's first pixel as it is; TIFF 6.0 section 14,
 * PDF 32000-1 section 7.4.4.4), on the workers, one row at a time into a row buffer, so the caller's band is
 * neither changed nor copied. Neighbouring pixels of a photograph differ little, so the differences are mostly
 * small numbers that deflate codes in fewer bits and matches more often: the bench photo's PDF image stream
 * (3600 x 4800, level 1, 64-row blocks) comes to 32.7 MB differenced against 40.7 MB not, and takes 0.84 s of CPU
 * to compress against 1.18 s (medians of ten runs on two busy cores). Two layouts:
 * <ul>
 * <li>{@link #tiffStrips}: each block is a TIFF strip and its own zlib stream (compression 8, Adobe Deflate,
 *     Predictor 2).</li>
 * <li>{@link #oneStream}: the blocks together are one zlib stream (RFC 1950), as a PDF FlateDecode stream must
 *     be, made the way pigz makes one: the two-byte zlib header, then each block deflated raw and ended with a
 *     sync flush (an empty stored block, so the next block starts on a byte boundary and the decoder carries on),
 *     then an empty final block and the Adler-32 of all the data, combined from the blocks' own Adler-32s.
 *     The data is the differenced rows (what the decoder inflates, before it undoes the predictor named in the
 *     stream's {@code /DecodeParms}), so each block's Adler-32 is over its differenced bytes, and each block is
 *     primed with the 32 KiB of differenced data before it, the whole deflate window, so it can match into the
 *     block before as one single-threaded stream would; the decoder has those bytes as its history. The primer is
 *     differenced afresh from the previous rows' source bytes (the predictor is a function of a row's own bytes),
 *     so no worker's output has to be kept for the next block. (On the bench photo priming saves 12 KB, 0.04 %
 *     of the stream, at no measurable cost; in 64-row blocks the stream is within 500 bytes of one made by a
 *     single Deflater.)</li>
 * </ul>
 *
 * <p>The work runs on one pool shared by every print being written, one thread per core. Each writer keeps at
 * most {@link #IN_FLIGHT} blocks queued or running; adding one more first writes out the oldest, waiting for it if
 * need be, so memory stays at a few blocks, and the thread making the canvas runs ahead of the compression by no
 * more than that. Blocks read their input where it lies, in the caller's band buffer: the caller must not change
 * those bytes until the block is written ({@link #writeThrough}). Used from one thread.
 */
final class FlateBlocks implements AutoCloseable {

    /** Receives compressed bytes in the order the blocks were added. */
    interface Output {
        void write(byte[] data, int length) throws IOException;
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Blocks a writer may have queued or running: enough to keep every core busy while the oldest is written. */
    static final int IN_FLIGHT = Math.max(4, 2 * CORES);

    /** The deflate window (RFC 1951): a block can refer back this far, so this much of the data before it primes it. */
    static final int WINDOW = 32 * 1024;

    /**
     * What ends every block of {@link #oneStream}'s stream: a final fixed-Huffman block holding only its
     * end-of-block code (bits 1, 01, 0000000 from the low end: bytes 0x03 0x00). The blocks before it end with a
     * sync flush, so it starts on a byte boundary.
     */
    private static final byte[] EMPTY_FINAL_BLOCK = {0x03, 0x00};

    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(CORES, new Daemons());

    private record Compressed(byte[] data, int length, int adler32, int inputLength) {
    }

    private record Pending(Future<Compressed> result, long until) {
    }

    private final Output out;
    private final int level;
    private final int rowBytes;
    private final boolean oneStream;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Output buffers of blocks already written, for the next blocks: the heap does not churn a block at a time. */
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private byte[] window = new byte[0];
    private int adler32 = 1;
    private boolean finished;

    private FlateBlocks(Output out, int level, int rowBytes, boolean oneStream) {
        if (rowBytes < 4 || rowBytes % 4 != 0) {
            throw new IllegalArgumentException("a CMYK row is whole pixels of 4 bytes, not " + rowBytes);
        }
        this.out = out;
        this.level = level;
        this.rowBytes = rowBytes;
        this.oneStream = oneStream;
    }

    /**
     * TIFF strips of CMYK rows {@code rowBytes} long: each block added is one strip, differenced and deflated as
     * its own zlib stream.
     */
    static FlateBlocks tiffStrips(int level, int rowBytes, Output out) {
        return new FlateBlocks(out, level, rowBytes, false);
    }

    /**
     * One zlib stream of CMYK rows {@code rowBytes} long, differenced: a PDF FlateDecode stream with
     * {@code /DecodeParms << /Predictor 2 /Colors 4 /BitsPerComponent 8 /Columns rowBytes / 4 >>}. Its header
     * is written at once, its end by {@link #finish}.
     */
    static FlateBlocks oneStream(int level, int rowBytes, Output out) throws IOException {
        FlateBlocks blocks = new FlateBlocks(out, level, rowBytes, true);
        out.write(zlibHeader(level), 2);
        return blocks;
    }

    /**
     * Compresses {@code length} bytes of {@code data} from {@code offset}, whole rows starting on a row, as the next
     * block, on the workers. {@code until} marks the block for {@link #writeThrough}, such as the canvas row after
     * its last; marks must not decrease.
     */
    void add(byte[] data, int offset, int length, long until) throws IOException {
        if (finished) {
            throw new IllegalStateException("the blocks are finished");
        }
        if (length % rowBytes != 0) {
            throw new IllegalArgumentException("a block is whole rows of " + rowBytes + " bytes, not " + length);
        }
        while (pending.size() >= IN_FLIGHT) {
            writeOldest();
        }
        byte[] primer = oneStream ? window : null; // a TIFF strip is a zlib stream of its own
        if (oneStream) {
            window = lastWindow(window, data, offset, length, rowBytes);
        }
        byte[] buffer = spareFor(length);
        Future<Compressed> result =
                WORKERS.submit(() -> differenced(data, offset, length, rowBytes, level, primer, buffer));
        pending.add(new Pending(result, until));
    }

    /** Writes out every block marked {@code until} or lower, waiting for them; their input is then free. */
    void writeThrough(long until) throws IOException {
        while (!pending.isEmpty() && pending.peek().until() <= until) {
            writeOldest();
        }
    }

    /** Writes out every block, and for {@link #oneStream} the end of the stream. */
    void finish() throws IOException {
        while (!pending.isEmpty()) {
            writeOldest();
        }
        if (oneStream && !finished) {
            out.write(EMPTY_FINAL_BLOCK, EMPTY_FINAL_BLOCK.length);
            out.write(adlerTrailer(adler32), 4);
        }
        finished = true;
    }

    /** Drops blocks not yet written: after a failure, nothing more is wanted of them. */
    @Override
    public void close() {
        for (Pending p : pending) {
            p.result().cancel(false);
        }
        pending.clear();
        spare.clear();
        finished = true;
    }

    private void writeOldest() throws IOException {
        Compressed block = await(pending.peek().result());
        pending.poll();
        out.write(block.data(), block.length());
        spare.push(block.data());
        if (oneStream) {
            adler32 = adler32Combine(adler32, block.adler32(), block.inputLength());
        }
    }

    private static Compressed await(Future<Compressed> result) throws IOException {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (CancellationException e) {
            throw new IOException("a block was cancelled", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    /**
     * Horizontal differencing (Predictor 2) of bytes {@code from .. to - 1} of the row that starts at
     * {@code rowStart} in {@code data}, into {@code into} from {@code at}: the row's first pixel (4 bytes) as it
     * is, every later byte less the byte 4 before it, modulo 256. The one place the predictor is applied, for
     * whole rows and for the tail of a row that starts a window alike.
     */
    private static void difference(byte[] data, int rowStart, int from, int to, byte[] into, int at) {
        int firstPixelEnd = Math.min(to, rowStart + 4);
        int i = from;
        for (; i < firstPixelEnd; i++) {
            into[at++] = data[i];
        }
        for (; i < to; i++) {
            into[at++] = (byte) (data[i] - data[i - 4]);
        }
    }

    /**
     * The last {@link #WINDOW} bytes of the differenced data so far: {@code before} (already differenced), then
     * the block's rows, differenced here from their source bytes. The block starts on a row, so a window that
     * starts inside one of its rows knows where that row began.
     */
    static byte[] lastWindow(byte[] before, byte[] data, int offset, int length, int rowBytes) {
        int keep = Math.max(0, Math.min(before.length, WINDOW - length));
        int from = offset + length - Math.min(length, WINDOW);
        byte[] w = new byte[keep + offset + length - from];
        System.arraycopy(before, before.length - keep, w, 0, keep);
        int at = keep;
        for (int rowStart = offset + (from - offset) / rowBytes * rowBytes; rowStart < offset + length;
                rowStart += rowBytes) {
            int start = Math.max(from, rowStart);
            difference(data, rowStart, start, rowStart + rowBytes, w, at);
            at += rowStart + rowBytes - start;
        }
        return w;
    }

    /**
     * How a block is coded. Differenced photographs are noise around zero: deflate's string matches find little in
     * them, and at level 1 zlib's greedy search only gets in the way of the Huffman code; coded by Huffman alone
     * ({@link LiteralDeflate}) they come out smaller and in 40 % of the CPU. Flat art is the opposite: a
     * differenced flat area is long runs of one value, which a Huffman code cannot take below a bit a byte and
     * matches take to almost nothing. What tells them apart is long runs, not a common value: a smooth photograph's
     * differences can be half zeros, scattered. So a block keeps zlib's matches only when more than
     * {@link #LONG_RUN_SHARE} of a sample of its rows (every 8th) lies in runs of at least {@link #LONG_RUN}
     * equal bytes. Chosen on the labelled photographs, the print and a logo, each as the bench writes it, against
     * coding every 64-row block both ways and keeping the smaller: this rule comes within 0.7 % of that on the
     * sunset photograph and matches it on the rest (the bench photo's canvas: 28.0 MB; the old rule, "the commonest
     * differenced byte over 40 %", sent a third of its blocks to zlib's matches for 29.6 MB; the logo: 0.21 MB
     * either way against 4.6 MB by Huffman alone).
     */
    static int strategyFor(byte[] data, int offset, int length, int rowBytes) {
        byte[] row = new byte[rowBytes];
        long sampled = 0;
        long inLongRuns = 0;
        for (int at = offset; at < offset + length; at += 8 * rowBytes) {
            difference(data, at, at, at + rowBytes, row, 0);
            int runStart = 0;
            for (int i = 1; i <= rowBytes; i++) {
                if (i == rowBytes || row[i] != row[runStart]) {
                    if (i - runStart >= LONG_RUN) {
                        inLongRuns += i - runStart;
                    }
                    runStart = i;
                }
            }
            sampled += rowBytes;
        }
        return inLongRuns > LONG_RUN_SHARE * sampled ? Deflater.DEFAULT_STRATEGY : Deflater.HUFFMAN_ONLY;
    }

    /** See {@link #strategyFor}: two CMYK pixels of one colour, differenced. */
    static final int LONG_RUN = 8;

    /** See {@link #strategyFor}. */
    static final double LONG_RUN_SHARE = 0.5;

    /**
     * A block's rows differenced and deflated: one row at a time into a row buffer and on to zlib, which copies
     * them into its window, so the band is never changed or copied whole. With a {@code dictionary} (maybe empty)
     * it is a block of {@link #oneStream}: raw deflate primed with the differenced data before it, ended by a sync
     * flush, with its differenced bytes' Adler-32; without, a TIFF strip: a zlib stream of its own.
     */
    private static Compressed differenced(byte[] data, int offset, int length, int rowBytes, int level,
                                          byte @Nullable [] dictionary, byte[] buffer) {
        boolean partOfOne = dictionary != null;
        int strategy = strategyFor(data, offset, length, rowBytes);
        if (strategy == Deflater.HUFFMAN_ONLY) {
            return huffmanOnly(data, offset, length, rowBytes, partOfOne, buffer, level);
        }
        Deflater deflater = new Deflater(level, partOfOne);
        deflater.setStrategy(strategy);
        try {
            if (dictionary != null && dictionary.length > 0) {
                deflater.setDictionary(dictionary);
            }
            Adler32 adler = partOfOne ? new Adler32() : null;
            byte[] row = new byte[rowBytes];
            int n = 0;
            for (int at = offset; at < offset + length; at += rowBytes) {
                difference(data, at, at, at + rowBytes, row, 0);
                if (adler != null) {
                    adler.update(row);
                }
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    if (n == buffer.length) {
                        buffer = Arrays.copyOf(buffer, grown(buffer.length));
                    }
                    n += deflater.deflate(buffer, n, buffer.length - n);
                }
            }
            if (adler != null) { // part of one stream
                while (true) {
                    n += deflater.deflate(buffer, n, buffer.length - n, Deflater.SYNC_FLUSH);
                    // A sync flush is complete when it leaves room in the buffer (Deflater.deflate's contract).
                    if (n < buffer.length) {
                        break;
                    }
                    buffer = Arrays.copyOf(buffer, grown(buffer.length));
                }
                return new Compressed(buffer, n, (int) adler.getValue(), length);
            }
            deflater.finish();
            while (!deflater.finished()) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, grown(buffer.length));
                }
                n += deflater.deflate(buffer, n, buffer.length - n);
            }
            return new Compressed(buffer, n, 0, length);
        } finally {
            deflater.end(); // native memory, not left to the cleaner
        }
    }

    /**
     * A block for a Huffman code alone ({@link LiteralDeflate}, zlib's Huffman-only output in 40 % of its CPU):
     * whole rows at a time, about {@link #HUFFMAN_PART} bytes, differenced into the worker's part buffer, added to the
     * Adler-32 and coded, each part with its own code, so the code follows the picture down the block as zlib's does
     * (it codes every 16,384 symbols afresh). No dictionary: a Huffman code alone never refers back.
     */
    private static Compressed huffmanOnly(byte[] data, int offset, int length, int rowBytes, boolean partOfOne,
                                          byte[] buffer, int level) {
        int partRows = Math.max(1, HUFFMAN_PART / rowBytes);
        byte[] part = PART.get();
        if (part.length < partRows * rowBytes) {
            part = new byte[partRows * rowBytes];
            PART.set(part);
        }
        if (!partOfOne) {
            System.arraycopy(zlibHeader(level), 0, buffer, 0, 2);
        }
        LiteralDeflate coder = new LiteralDeflate(buffer, partOfOne ? 0 : 2);
        Adler32 adler = new Adler32();
        for (int at = offset; at < offset + length; at += partRows * rowBytes) {
            int bytes = Math.min(partRows * rowBytes, offset + length - at);
            for (int row = 0; row < bytes; row += rowBytes) {
                difference(data, at + row, at + row, at + row + rowBytes, part, row);
            }
            adler.update(part, 0, bytes);
            coder.block(part, 0, bytes, !partOfOne && at + bytes == offset + length);
        }
        int sum = (int) adler.getValue();
        if (partOfOne) {
            coder.syncFlush();
            return new Compressed(coder.buffer(), coder.position(), sum, length);
        }
        coder.finish(); // leaves room for the trailer
        System.arraycopy(adlerTrailer(sum), 0, coder.buffer(), coder.position(), 4);
        return new Compressed(coder.buffer(), coder.position() + 4, sum, length);
    }

    /**
     * Bytes coded with one Huffman code in {@link #huffmanOnly} (whole rows, at least one). On the bench photo's
     * canvas: 28.044 MB in parts of 64 KiB, 28.028 MB in 256 KiB, 28.033 MB in 1 MiB; fewer, larger parts also
     * cost less to set up.
     */
    static final int HUFFMAN_PART = 256 * 1024;

    /** Each worker's buffer of a part's differenced rows, for {@link #huffmanOnly}. */
    private static final ThreadLocal<byte[]> PART = ThreadLocal.withInitial(() -> new byte[0]);

    /**
     * A written block's buffer if one is free and big enough, else a new one of half the input (CMYK photographs
     * come to about 45 % of it differenced at level 1); a block that needs more grows it, and the larger
     * buffer is kept.
     */
    private byte[] spareFor(int length) {
        int guess = length / 2 + 64;
        byte[] buffer = spare.poll();
        return buffer != null && buffer.length >= guess ? buffer : new byte[guess];
    }

    private static int grown(int length) {
        return length + Math.max(length / 2, 64);
    }

    /** The end of a zlib stream (RFC 1950): the Adler-32 of the data, most significant byte first. */
    static byte[] adlerTrailer(int adler32) {
        return new byte[] {(byte) (adler32 >>> 24), (byte) (adler32 >>> 16), (byte) (adler32 >>> 8), (byte) adler32};
    }

    /**
     * RFC 1950: CMF 0x78 (deflate, 32 KiB window), FLG with the level class in its top two bits (0 fastest .. 3
     * slowest, zlib's own mapping) and check bits making CMF * 256 + FLG a multiple of 31; no preset dictionary.
     */
    static byte[] zlibHeader(int level) {
        int levelClass = level == Deflater.DEFAULT_COMPRESSION || level == 6 ? 2
                : level < 2 ? 0 : level < 6 ? 1 : 3;
        int cmf = 0x78;
        int flg = levelClass << 6;
        flg += (31 - (cmf * 256 + flg) % 31) % 31;
        return new byte[] {(byte) cmf, (byte) flg};
    }

    /**
     * The Adler-32 of two pieces of data one after the other, from the Adler-32 of each and the second's length
     * (RFC 1950 section 8.2's sums: the first sum adds up, the second gains the first piece's first sum once for
     * every byte of the second piece), all modulo 65521.
     */
    static int adler32Combine(int first, int second, long secondLength) {
        final long base = 65521;
        long a1 = first & 0xFFFF;
        long b1 = (first >>> 16) & 0xFFFF;
        long a2 = second & 0xFFFF;
        long b2 = (second >>> 16) & 0xFFFF;
        // Each sum of the second piece started from a = 1, b = 0; started from a1 instead, its a is a1 - 1 higher
        // and its b gains (a1 - 1) for each of its bytes.
        long a = (a1 + a2 + base - 1) % base;
        long b = (b1 + b2 + (secondLength % base) * ((a1 - 1 + base) % base)) % base;
        return (int) (b << 16 | a);
    }

    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread t = new Thread(work, "platen-deflate-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
