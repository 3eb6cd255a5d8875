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
 * Flate compression of a canvas's CMYK rows, 8 bits a sample, on every core, once for all the print files that take
 * them: the TIFF's strips and the PDF/X-4's image stream are made of the same compressed blocks. A block is whole
 * rows, horizontally differenced (Predictor 2: each sample less the same ink of the pixel before it in the row, the
 * row's first pixel as it is; TIFF 6.0 section 14, PDF 32000-1 section 7.4.4.4) one row at a time into a row buffer
 * on the workers, so the caller's band is neither changed nor copied, then deflated raw and ended by a sync flush (an
 * empty stored block: it ends on a byte boundary and the decoder carries on). Neighbouring pixels of a photograph
 * differ little, so the differences are mostly small numbers that deflate codes in fewer bits: the bench photo's
 * image (3600 x 4800, level 1, 64-row blocks) comes to 32.7 MB differenced against 40.7 MB not, and takes 0.84 s of
 * CPU to compress against 1.18 s. Each block then goes to the files in the framing each needs (the deflate data is
 * the same; only a few bytes around it differ):
 * <ul>
 * <li>a TIFF strip (compression 8, Adobe Deflate, Predictor 2) is a zlib stream of its own (RFC 1950): the two-byte
 *     zlib header, the block, an empty final block and the Adler-32 of the strip's differenced bytes;</li>
 * <li>the PDF's FlateDecode stream is one zlib stream of all the blocks, made the way pigz makes one: the header
 *     once, the blocks one after the other, then the empty final block and the Adler-32 of all the data, combined
 *     from the blocks' own.</li>
 * </ul>
 * A block never refers back into the block before it (a strip is decoded alone). Until 2026-12-06 the PDF's blocks
 * were primed with the 32 KiB before them, which saved 12 KB (0.04 %) of the bench photo's stream, and each file
 * compressed the canvas itself: a poster's PDF/X-4 and TIFF, 5400 x 7200 from the bench photo, took 4.7-5.1 s of CPU
 * a placement, 4.1-4.5 s since, as much as its TIFF alone (six placements in one JVM, {@code bench/placement ... both
 * ... 18}, the two versions in turn).
 *
 * <p>The work runs on one pool shared by every print being written, one thread per core. A writer keeps at most
 * {@link #IN_FLIGHT} blocks queued or running; adding one more first writes out the oldest, waiting for it if need
 * be, so memory stays at a few blocks, and the thread making the canvas runs ahead of the compression by no more
 * than that. Blocks read their input where it lies, in the caller's band buffer: the caller must not change those
 * bytes until {@link #release} has let go of them. Used from one thread.
 */
final class FlateBlocks implements CanvasPass.BandSink, AutoCloseable {

    /** Receives one file's compressed bytes, in the order of the canvas; must not keep {@code data}. */
    interface Output {
        void write(byte[] data, int offset, int length) throws IOException;
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /**
     * zlib level 1. Measured on the bench photo's canvas (3600 x 4800, blocks of 64 rows, CPU time of the compression
     * alone, through zlib before {@link LiteralDeflate}): level 1 made 32.7 MB in 0.87 s, level 2 32.0 MB in 0.96 s,
     * level 3 31.1 MB in 1.5 s, level 6 29.0 MB in 4.7 s. libvips' LZW of the same photo is 33.3 MB; the few per
     * cent a higher level saves are not worth its time on every placement.
     */
    static final int LEVEL = 1;

    /** Blocks a writer may have queued or running: enough to keep every core busy while the oldest is written. */
    static final int IN_FLIGHT = Math.max(4, 2 * CORES);

    /**
     * What ends a zlib stream's deflate data after a sync flush: a final fixed-Huffman block holding only its
     * end-of-block code (bits 1, 01, 0000000 from the low end: bytes 0x03 0x00), on the byte boundary the flush left.
     */
    private static final byte[] EMPTY_FINAL_BLOCK = {0x03, 0x00};

    /** A block's deflate data starts after this many bytes of its buffer, where a strip's zlib header goes. */
    private static final int HEAD = 2;

    /** The zlib header (RFC 1950) of every strip and of the stream. */
    private static final byte[] ZLIB_HEADER = zlibHeader(LEVEL);

    /** Bytes kept free after a block's deflate data, for a strip's final block and Adler-32. */
    private static final int TAIL = EMPTY_FINAL_BLOCK.length + 4;

    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(CORES, new Daemons());

    /** {@code length} bytes of deflate data from {@link #HEAD} in {@code data}, with {@link #TAIL} free after. */
    private record Compressed(byte[] data, int length, int adler32, int inputLength) {
    }

    private record Pending(Future<Compressed> result, long until) {
    }

    private final int rowBytes;
    private final int height;
    private final int blockRows;
    private final @Nullable Output strips;
    private final @Nullable Output stream;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Output buffers of blocks already written, for the next blocks: the heap does not churn a block at a time. */
    private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
    private int rowsTaken;
    private int adler32 = 1;
    private boolean finished;

    private FlateBlocks(int width, int height, @Nullable Output strips, @Nullable Output stream) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a canvas has at least one pixel, not " + width + " x " + height);
        }
        if (strips == null && stream == null) {
            throw new IllegalArgumentException("no file takes the compressed rows");
        }
        this.rowBytes = width * 4;
        this.height = height;
        // A strip is a block. A stream alone takes blocks of at least 256 KiB, so the sync flush ending each (five
        // bytes) and its coder's set-up stay negligible on a narrow canvas.
        this.blockRows = strips != null ? CmykTiff.ROWS_PER_STRIP
                : Math.max(CmykTiff.ROWS_PER_STRIP, (256 * 1024 + rowBytes - 1) / rowBytes);
        this.strips = strips;
        this.stream = stream;
        if (stream != null) {
            stream.write(ZLIB_HEADER, 0, HEAD);
        }
    }

    /**
     * The compression of a {@code width} x {@code height} CMYK canvas for the files given: {@code strips} receives
     * each TIFF strip of {@link CmykTiff#ROWS_PER_STRIP} rows whole, {@code stream} one zlib stream, its header at
     * once and its end at {@link #finish}. Either may be null, not both.
     */
    static FlateBlocks of(int width, int height, @Nullable Output strips, @Nullable Output stream) throws IOException {
        return new FlateBlocks(width, height, strips, stream);
    }

    /**
     * Takes canvas rows {@code y0 ..} top to bottom and compresses them on the workers; when a TIFF takes them, in
     * bands of whole strips (the last may end with the canvas).
     */
    @Override
    public void accept(byte[] cmyk, int y0, int rows) throws IOException {
        if (finished) {
            throw new IllegalStateException("the blocks are finished");
        }
        if (y0 != rowsTaken || rows < 1 || y0 + rows > height) {
            throw new IllegalArgumentException("rows " + y0 + " to " + (y0 + rows - 1) + " do not follow row "
                    + (rowsTaken - 1) + " of " + height);
        }
        if (strips != null && rows % blockRows != 0 && y0 + rows != height) {
            throw new IllegalArgumentException("a band of " + rows + " rows ends inside a TIFF strip");
        }
        for (int r = 0; r < rows; r += blockRows) {
            int n = Math.min(blockRows, rows - r);
            add(cmyk, r * rowBytes, n * rowBytes, y0 + r + n);
        }
        rowsTaken = y0 + rows;
    }

    /** Writes out every block of the rows above {@code y}, waiting for them; their input is then free. */
    @Override
    public void release(int y) throws IOException {
        while (!pending.isEmpty() && pending.peek().until() <= y) {
            writeOldest();
        }
    }

    /** Writes out every block, and the stream's end; the canvas must be whole. */
    void finish() throws IOException {
        if (rowsTaken != height) {
            throw new IllegalStateException("the compressed image has " + rowsTaken + " of " + height + " rows");
        }
        while (!pending.isEmpty()) {
            writeOldest();
        }
        if (stream != null && !finished) {
            stream.write(EMPTY_FINAL_BLOCK, 0, EMPTY_FINAL_BLOCK.length);
            stream.write(adlerTrailer(adler32), 0, 4);
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

    private void add(byte[] data, int offset, int length, long until) throws IOException {
        while (pending.size() >= IN_FLIGHT) {
            writeOldest();
        }
        byte[] buffer = spareFor(length);
        Future<Compressed> result = WORKERS.submit(() -> differenced(data, offset, length, rowBytes, buffer));
        pending.add(new Pending(result, until));
    }

    private void writeOldest() throws IOException {
        Compressed block = await(pending.peek().result());
        pending.poll();
        byte[] data = block.data();
        if (stream != null) {
            stream.write(data, HEAD, block.length());
            adler32 = adler32Combine(adler32, block.adler32(), block.inputLength());
        }
        if (strips != null) {
            System.arraycopy(ZLIB_HEADER, 0, data, 0, HEAD);
            int end = HEAD + block.length();
            System.arraycopy(EMPTY_FINAL_BLOCK, 0, data, end, EMPTY_FINAL_BLOCK.length);
            System.arraycopy(adlerTrailer(block.adler32()), 0, data, end + EMPTY_FINAL_BLOCK.length, 4);
            strips.write(data, 0, end + TAIL);
        }
        spare.push(data);
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
     * Horizontal differencing (Predictor 2) of the row of {@code rowBytes} bytes at {@code rowStart} in
     * {@code data}, into {@code into} from {@code at}: the row's first pixel (4 bytes) as it is, every later byte less
     * the byte 4 before it, modulo 256. The one place the predictor is applied.
     */
    private static void difference(byte[] data, int rowStart, int rowBytes, byte[] into, int at) {
        int to = rowStart + rowBytes;
        int firstPixelEnd = Math.min(to, rowStart + 4);
        int i = rowStart;
        for (; i < firstPixelEnd; i++) {
            into[at++] = data[i];
        }
        for (; i < to; i++) {
            into[at++] = (byte) (data[i] - data[i - 4]);
        }
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
            difference(data, at, rowBytes, row, 0);
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
     * A block's rows differenced and deflated raw, ended by a sync flush, with the Adler-32 of its differenced
     * bytes: one row at a time into a row buffer and on to zlib, which copies them into its window, so the band is
     * never changed or copied whole. The deflate data goes from {@link #HEAD} in {@code buffer} (grown if need be),
     * with {@link #TAIL} bytes left free after it.
     */
    private static Compressed differenced(byte[] data, int offset, int length, int rowBytes, byte[] buffer) {
        int strategy = strategyFor(data, offset, length, rowBytes);
        if (strategy == Deflater.HUFFMAN_ONLY) {
            return huffmanOnly(data, offset, length, rowBytes, buffer);
        }
        Deflater deflater = new Deflater(LEVEL, true);
        deflater.setStrategy(strategy);
        try {
            Adler32 adler = new Adler32();
            byte[] row = new byte[rowBytes];
            int n = HEAD;
            for (int at = offset; at < offset + length; at += rowBytes) {
                difference(data, at, rowBytes, row, 0);
                adler.update(row);
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    if (n == buffer.length) {
                        buffer = Arrays.copyOf(buffer, grown(buffer.length));
                    }
                    n += deflater.deflate(buffer, n, buffer.length - n);
                }
            }
            while (true) {
                n += deflater.deflate(buffer, n, buffer.length - n, Deflater.SYNC_FLUSH);
                // A sync flush is complete when it leaves room in the buffer (Deflater.deflate's contract).
                if (n < buffer.length) {
                    break;
                }
                buffer = Arrays.copyOf(buffer, grown(buffer.length));
            }
            if (buffer.length < n + TAIL) {
                buffer = Arrays.copyOf(buffer, n + TAIL);
            }
            return new Compressed(buffer, n - HEAD, (int) adler.getValue(), length);
        } finally {
            deflater.end(); // native memory, not left to the cleaner
        }
    }

    /**
     * A block for a Huffman code alone ({@link LiteralDeflate}, zlib's Huffman-only output in 40 % of its CPU):
     * whole rows at a time, about {@link #HUFFMAN_PART} bytes, differenced into the worker's part buffer, added to the
     * Adler-32 and coded, each part with its own code, so the code follows the picture down the block as zlib's does
     * (it codes every 16,384 symbols afresh).
     */
    private static Compressed huffmanOnly(byte[] data, int offset, int length, int rowBytes, byte[] buffer) {
        int partRows = Math.max(1, HUFFMAN_PART / rowBytes);
        byte[] part = PART.get();
        if (part.length < partRows * rowBytes) {
            part = new byte[partRows * rowBytes];
            PART.set(part);
        }
        LiteralDeflate coder = new LiteralDeflate(buffer, HEAD);
        Adler32 adler = new Adler32();
        for (int at = offset; at < offset + length; at += partRows * rowBytes) {
            int bytes = Math.min(partRows * rowBytes, offset + length - at);
            for (int row = 0; row < bytes; row += rowBytes) {
                difference(data, at + row, rowBytes, part, row);
            }
            adler.update(part, 0, bytes);
            coder.block(part, 0, bytes);
        }
        coder.syncFlush();
        byte[] out = coder.buffer();
        int end = coder.position();
        if (out.length < end + TAIL) {
            out = Arrays.copyOf(out, end + TAIL);
        }
        return new Compressed(out, end - HEAD, (int) adler.getValue(), length);
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
