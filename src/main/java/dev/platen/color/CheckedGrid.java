package dev.platen.color;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * An RGB-to-CMYK separation as a dense grid of exact nodes, interpolated in Java, with every tetrahedron of the
 * grid checked against exact evaluation when it is built: the speed of a precalculated transform with
 * {@link Precision#EXACT}'s promise (within one count of {@code transicc}) kept.
 *
 * <p><b>Why not lcms's own precalculation.</b> A press separation is not smooth in RGB: lcms interpolates the
 * profile's B2A table piecewise-linearly between its nodes (17 a side in Lab on Platen's profiles), and black
 * generation and ink clipping put kinks in it. lcms's high-resolution grid (49 points, nodes between the 8-bit
 * levels) smooths over them and is up to 9 counts off. Here the nodes sit on the 8-bit lattice every {@value #STEP}
 * levels (86 a side, 0 to 255) and hold lcms's exact 16-bit separation (the same {@code cmsFLAGS_NOOPTIMIZE}
 * evaluation that exact 8-bit output is rounded from; over all colours the two never differ), and each cube of
 * 3 x 3 x 3 colours is split into six tetrahedra along its main diagonal, as lcms interpolates its own tables.
 *
 * <p><b>The check.</b> For a smooth separation the error of linear interpolation inside a tetrahedron is a quadratic
 * whose six coefficients are the errors along its six edges; a kink that crosses a tetrahedron bends its edges too.
 * So the build evaluates lcms exactly at both levels inside every edge of the grid (1 and 2 levels of 3 along it:
 * 8.7 million colours beside the 636,056 nodes) and marks each tetrahedron one of whose edges is more than
 * {@value #TOLERANCE} of a count off there. Colours in marked tetrahedra are never interpolated: {@link Conversion}
 * separates them exactly, each distinct colour once.
 *
 * <p><b>Why every 3 levels.</b> Nodes every 5 levels (52 a side, an edge checked at 3 levels of 5) marked 29 to 52 %
 * of the tetrahedra by stock, and the bench photographs had 64 % of their pixels in them: each such pixel a lookup in
 * a table of 400,000 exact colours at random, each new colour an exact evaluation, a third of a one-placement
 * process's CPU. Every 3 levels marks a third as many, and a photograph has a quarter of its pixels in them
 * (0.25 s of CPU and 0.16 s of wall less for a 16 MP photo, {@code bench/placement}), for a grid of 10 MB instead of
 * 2.2 MB and a build of 3 to 4 s of CPU a stock instead of 0.5 s, which a node does once (the grid is saved).
 * Checked at one level inside an edge (2 of 3), one colour got to 1.64 counts from the exact value on the garment
 * stock: both are checked. With nodes every 5 levels on the coated stock, unchecked, 111,490 colours were 2 counts
 * or more off exact evaluation (23,933 of them 3 or more); checked at the tetrahedra's centres only, 2 counts still
 * got through.
 *
 * <p><b>Measured</b> over all 16,777,216 colours from sRGB ({@code bench/separation}, each stock's intent, BPC and
 * ink limit): no channel of any colour more than one count from lcms's exact 8-bit output, and none more than 0.88
 * counts from the exact value before rounding (so within one count of transicc, which rounds that value):
 * <pre>
 * stock             intent    tetrahedra  colours off by 1  worst vs exact value  build (CPU)
 * coated-gloss      relative  10.7 %      4.77 %            0.83 counts           4.3 s
 * uncoated-offset   relative  16.0 %      4.53 %            0.86 counts           3.2 s
 * dtg-white-cotton  percept.  22.0 %      4.53 %            0.81 counts           3.5 s
 * sublimation-mug   percept.  11.6 %      4.94 %            0.88 counts           3.2 s
 * </pre>
 * ("tetrahedra": the share marked for exact evaluation.) Speed on a 17 MP photograph, a core, on the optimising
 * compiler's code: 64 to 74 Mpx/s with its exact colours known, 39 to 48 as a new render (24 to 40 % of its pixels in
 * marked tetrahedra, 159,000 to 277,000 colours separated exactly), against 40 for lcms's high-resolution grid and
 * 3.7 for exact lcms.
 *
 * <p>Immutable once built, so one grid serves every thread; {@link TransformCache#checkedGrid} builds it once per
 * pair of profiles and rendering options.
 */
public final class CheckedGrid {

    /** Nodes every 3 levels: 255 = 85 x 3, so 0 and 255 are nodes and every cell is 3 levels wide. */
    static final int STEP = 3;
    /** A colour's place in its cell along one channel: 0 to 2, and 3 at 255 (in the last cell). */
    static final int PLACES = STEP + 1;
    static final int NODES = 255 / STEP + 1;
    /** Node index strides for R, G and B. */
    static final int SR = NODES * NODES;
    static final int SG = NODES;
    static final int SB = 1;
    /**
     * The largest interpolation error, in 8-bit counts, at the levels inside a tetrahedron's edges that still lets it
     * be interpolated. A quarter count: rounding adds up to half a count, and what the edges do not see stays under
     * the rest. Measured over all colours of the stock profiles, the 8-bit result of an unmarked tetrahedron is at
     * most 0.88 counts from the exact value; with nodes every 5 levels and half a count it reached two counts off
     * exact evaluation on the coated stock.
     */
    static final double TOLERANCE = 0.25;

    /**
     * Per 8-bit level and channel, the node below it times its stride (from bit 8) plus its place in its cell (0..2;
     * 3 at 255) times the channel's weight in a {@link #TETRAHEDRON} index (R 16, G 4, B 1): the three channels'
     * entries added give the cell's lowest node and the colour's place in the cell in one int.
     */
    private static final int[] LEVEL_R = new int[256];
    private static final int[] LEVEL_G = new int[256];
    private static final int[] LEVEL_B = new int[256];

    static {
        for (int v = 0; v < 256; v++) {
            int cell = Math.min(v / STEP, NODES - 2);
            int place = v - cell * STEP;
            LEVEL_R[v] = cell * SR << 8 | place * PLACES * PLACES;
            LEVEL_G[v] = cell * SG << 8 | place * PLACES;
            LEVEL_B[v] = cell * SB << 8 | place;
        }
    }

    /** Each node's C and M (low and high 32 bits), and Y and K, 16-bit: two lanes so one multiply weighs two inks. */
    private final long[] cm;
    private final long[] yk;
    /** Per cell (by its lowest node), one bit for each of its six tetrahedra (by key) that must not be interpolated. */
    private final byte[] marked;
    private final int markedTetrahedra;
    private final long buildMillis;

    private CheckedGrid(long[] cm, long[] yk, byte[] marked, int markedTetrahedra, long buildMillis) {
        this.cm = cm;
        this.yk = yk;
        this.marked = marked;
        this.markedTetrahedra = markedTetrahedra;
        this.buildMillis = buildMillis;
    }

    /**
     * Builds the grid from an exact transform to 16-bit CMYK ({@link PixelFormat#RGB_8} to {@link
     * PixelFormat#CMYK_16}, {@link Precision#EXACT}, the separation's intent, BPC and ink limit), splitting the
     * evaluation across the machine's cores.
     */
    static CheckedGrid build(ColorTransform exact16) {
        if (exact16.inputFormat() != PixelFormat.RGB_8 || exact16.outputFormat() != PixelFormat.CMYK_16) {
            throw new IllegalArgumentException("a checked grid is built from RGB_8 to CMYK_16, not "
                    + exact16.inputFormat() + " to " + exact16.outputFormat());
        }
        long start = System.nanoTime();
        int nodes = NODES * NODES * NODES;
        byte[] lattice = new byte[nodes * 3];
        for (int r = 0, i = 0; r < NODES; r++) {
            for (int g = 0; g < NODES; g++) {
                for (int b = 0; b < NODES; b++, i += 3) {
                    lattice[i] = (byte) (r * STEP);
                    lattice[i + 1] = (byte) (g * STEP);
                    lattice[i + 2] = (byte) (b * STEP);
                }
            }
        }
        char[] exact = evaluate(exact16, lattice, nodes);
        long[] cm = new long[nodes];
        long[] yk = new long[nodes];
        for (int n = 0; n < nodes; n++) {
            cm[n] = exact[4 * n] | (long) exact[4 * n + 1] << 32;
            yk[n] = exact[4 * n + 2] | (long) exact[4 * n + 3] << 32;
        }

        // Every edge of the tetrahedra: from each node, the seven directions with non-negative steps (an axis, a face
        // diagonal, the main diagonal) as a bit mask R=4 G=2 B=1, its levels inside the node plus 1 and 2 along each.
        // Checked a plane of nodes (one R) at a time across the cores; bit d of offEdges[node] says the edge in
        // direction d is off by more than the tolerance.
        byte[] offEdges = new byte[nodes];
        int workers = Math.min(NODES, 2 * Runtime.getRuntime().availableProcessors());
        IntStream.range(0, workers).parallel().forEach(worker -> {
            EdgeCheck check = new EdgeCheck();
            for (int r = worker; r < NODES; r += workers) {
                check.plane(exact16, cm, yk, r, offEdges);
            }
        });

        byte[] marked = new byte[nodes];
        int markedTetrahedra = 0;
        for (int r = 0; r < NODES - 1; r++) {
            for (int g = 0; g < NODES - 1; g++) {
                for (int b = 0; b < NODES - 1; b++) {
                    int base = r * SR + g * SG + b * SB;
                    int bits = 0;
                    for (int key = 0; key < 8; key++) {
                        if (ORDER[key] == null) {
                            continue;
                        }
                        int first = ORDER[key][0];
                        int second = ORDER[key][1];
                        int third = ORDER[key][2];
                        int v1 = base + stride(first);
                        int v2 = v1 + stride(second);
                        // its six edges: v0-v1, v0-v2, v0-v3, v1-v2, v1-v3, v2-v3
                        int off = (offEdges[base] >> first | offEdges[base] >> (first | second) | offEdges[base] >> 7
                                | offEdges[v1] >> second | offEdges[v1] >> (second | third) | offEdges[v2] >> third) & 1;
                        if (off != 0) {
                            bits |= 1 << key;
                            markedTetrahedra++;
                        }
                    }
                    marked[base] = (byte) bits;
                }
            }
        }
        return new CheckedGrid(cm, yk, marked, markedTetrahedra, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * The axes of each tetrahedron in the order its vertices step along them (R=4, G=2, B=1), by the key a colour's
     * place in its cell gives: (r>=g) 4 | (g>=b) 2 | (r>=b) 1 of the fractions. 7 r>=g>=b, 5 r>=b>g, 4 b>r>=g,
     * 3 g>r>=b, 2 g>=b>r, 0 b>g>r; 1 and 6 cannot happen.
     */
    private static final int[][] ORDER = {{1, 2, 4}, null, {2, 1, 4}, {2, 4, 1}, {1, 4, 2}, {4, 1, 2}, null, {4, 2, 1}};
    /**
     * By a colour's place in its cell (R x 16 + G x 4 + B, each 0..3), its tetrahedron's key (bits 0-2, see {@link
     * #ORDER}) and the barycentric weights of its four vertices in thirds (4 bits each from bit 4: the lowest node, the
     * second, the third, the cell's top node). Looked up rather than worked out per pixel because C1, the compiler a
     * one-placement process runs on ({@code bench/placement}), makes the comparisons and {@code Math.max}/{@code min}
     * of working it out into branches that a photograph's pixels mispredict: the loop took 16 ns a pixel on one core
     * so, 8 ns looked up (the optimising compiler's code, which makes them conditional moves, is 6 to 7 ns either way).
     */
    private static final int[] TETRAHEDRON = new int[PLACES * PLACES * PLACES];
    /** By the same place: from the cell's lowest node to the tetrahedron's second and third vertex. */
    private static final int[] TO_SECOND = new int[PLACES * PLACES * PLACES];
    private static final int[] TO_THIRD = new int[PLACES * PLACES * PLACES];

    static {
        for (int fr = 0; fr <= STEP; fr++) {
            for (int fg = 0; fg <= STEP; fg++) {
                for (int fb = 0; fb <= STEP; fb++) {
                    int place = (fr * PLACES + fg) * PLACES + fb;
                    int key = (fr >= fg ? 4 : 0) | (fg >= fb ? 2 : 0) | (fr >= fb ? 1 : 0);
                    int high = Math.max(fr, Math.max(fg, fb));
                    int low = Math.min(fr, Math.min(fg, fb));
                    int middle = fr + fg + fb - high - low;
                    TETRAHEDRON[place] = key | (STEP - high) << 4 | (high - middle) << 8 | (middle - low) << 12 | low << 16;
                    TO_SECOND[place] = stride(ORDER[key][0]);
                    TO_THIRD[place] = stride(ORDER[key][0]) + stride(ORDER[key][1]);
                }
            }
        }
    }

    private static int stride(int axis) {
        return axis == 4 ? SR : axis == 2 ? SG : SB;
    }

    /**
     * One worker's buffers for checking edges, a plane of nodes at a time: every level inside every edge, {@value
     * #STEP} - 1 of them (a plane of 86 x 86 nodes has up to 51,772 edges, 103,544 levels).
     */
    private static final class EdgeCheck {
        private static final int LEVELS = NODES * NODES * 7 * (STEP - 1);
        private final byte[] inside = new byte[LEVELS * 3];
        private final int[] edge = new int[LEVELS];
        private final byte[] out = new byte[LEVELS * 8];

        /** The edges from the nodes with red index {@code r}: their inside levels evaluated, compared, flagged. */
        void plane(ColorTransform exact16, long[] cm, long[] yk, int r, byte[] offEdges) {
            int limit = (int) Math.floor(TOLERANCE * STEP * 257);
            int count = 0;
            for (int g = 0; g < NODES; g++) {
                for (int b = 0; b < NODES; b++) {
                    for (int dir = 1; dir <= 7; dir++) {
                        int dr = dir >> 2;
                        int dg = dir >> 1 & 1;
                        int db = dir & 1;
                        if (r + dr < NODES && g + dg < NODES && b + db < NODES) {
                            for (int level = 1; level < STEP; level++) {
                                edge[count] = ((r * SR + g * SG + b * SB) << 3 | dir) << 4 | level;
                                inside[3 * count] = (byte) (r * STEP + level * dr);
                                inside[3 * count + 1] = (byte) (g * STEP + level * dg);
                                inside[3 * count + 2] = (byte) (b * STEP + level * db);
                                count++;
                            }
                        }
                    }
                }
            }
            exact16.convert(ByteBuffer.wrap(inside, 0, count * 3).slice(), ByteBuffer.wrap(out, 0, count * 8).slice(),
                    count);
            ByteBuffer exact = ByteBuffer.wrap(out).order(ByteOrder.nativeOrder());
            for (int e = 0; e < count; e++) {
                int level = edge[e] & 0xF;
                int from = edge[e] >>> 7;
                int dir = edge[e] >>> 4 & 7;
                int to = from + (dir >> 2) * SR + (dir >> 1 & 1) * SG + (dir & 1) * SB;
                for (int ch = 0; ch < 4; ch++) {
                    long[] lanes = ch < 2 ? cm : yk;
                    int shift = (ch & 1) * 32;
                    int a = (int) (lanes[from] >>> shift & 0xFFFF);
                    int z = (int) (lanes[to] >>> shift & 0xFFFF);
                    // level/STEP of the way along, in STEPths of a 16-bit unit, as interpolate() weighs it.
                    if (Math.abs((STEP - level) * a + level * z - STEP * exact.getChar(8 * e + 2 * ch)) > limit) {
                        offEdges[from] |= (byte) (1 << dir);   // a plane is one worker's: no node is shared
                        break;
                    }
                }
            }
        }
    }

    /** Exact 16-bit CMYK of {@code count} RGB colours, split across the cores (the transform is re-entrant). */
    private static char[] evaluate(ColorTransform exact16, byte[] rgb, int count) {
        char[] cmyk = new char[count * 4];
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 4, count / 4096));
        int per = (count + parts - 1) / parts;
        IntStream.range(0, parts).parallel().forEach(part -> {
            int first = part * per;
            int n = Math.min(per, count - first);
            if (n <= 0) {
                return;
            }
            byte[] out = new byte[n * 8];
            exact16.convert(ByteBuffer.wrap(rgb, first * 3, n * 3).slice(), ByteBuffer.wrap(out), n);
            ByteBuffer.wrap(out).order(ByteOrder.nativeOrder()).asCharBuffer().get(cmyk, first * 4, n * 4);
        });
        return cmyk;
    }

    /**
     * 8 bits from thirds of a 16-bit unit: round(16-bit / 257) = round(thirds / 771), 771 odd so that no value falls
     * on a half; as floor((thirds + 385) / 771) by multiplying with 2^29 / 771 rounded up, which is exact up to
     * 3 x 65535 + 385 (checked for every value by {@code CheckedGridTest}).
     */
    static byte eightBit(int thirds) {
        return (byte) ((thirds + 385) * 696_331L >>> 29);
    }

    /**
     * Saves the grid so that a later process (a restart, the next bench run) reads it instead of building it:
     * a header, every node's C and M ({@code cm}), every node's Y and K ({@code yk}), the marks, then a CRC-32 of
     * everything before it, big-endian. What the grid stands for (profiles, options, lcms version) is the file's
     * name, chosen by {@link TransformCache}.
     */
    void writeTo(java.nio.file.Path file) throws java.io.IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.util.zip.CheckedOutputStream(
                new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file), 1 << 16), crc))) {
            out.writeInt(FORMAT);
            out.writeInt(STEP);
            out.writeDouble(TOLERANCE);
            out.writeInt(markedTetrahedra);
            out.writeInt(cm.length);
            byte[] piece = new byte[PIECE];
            for (long[] words : new long[][] {cm, yk}) {
                for (int from = 0; from < words.length; from += PIECE / 8) {
                    int n = Math.min(words.length - from, PIECE / 8);
                    ByteBuffer.wrap(piece).asLongBuffer().put(words, from, n);
                    out.write(piece, 0, 8 * n);
                }
            }
            out.writeInt(marked.length);
            out.write(marked);
            out.flush();
            out.writeLong(crc.getValue());
        }
    }

    /**
     * The grid saved in {@code file}, or null when the file is not a whole grid of this format (cut short, another
     * step or tolerance, a flipped bit): the caller builds the grid again.
     */
    static @Nullable CheckedGrid readFrom(java.nio.file.Path file) throws java.io.IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.util.zip.CheckedInputStream(
                new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file), 1 << 16), crc))) {
            if (in.readInt() != FORMAT || in.readInt() != STEP || in.readDouble() != TOLERANCE) {
                return null;
            }
            int markedTetrahedra = in.readInt();
            int nodes = in.readInt();
            if (nodes != NODES * NODES * NODES) {
                return null;
            }
            long[] cm = new long[nodes];
            long[] yk = new long[nodes];
            byte[] piece = new byte[PIECE];
            for (long[] words : new long[][] {cm, yk}) {
                for (int from = 0; from < words.length; from += PIECE / 8) {
                    int n = Math.min(words.length - from, PIECE / 8);
                    in.readFully(piece, 0, 8 * n);
                    ByteBuffer.wrap(piece).asLongBuffer().get(words, from, n);
                }
            }
            int markedLength = in.readInt();
            if (markedLength < 0 || markedLength > 64 * nodes) {
                return null;
            }
            byte[] marked = in.readNBytes(markedLength);
            long computed = crc.getValue();
            if (marked.length != markedLength || in.readLong() != computed) {
                return null;
            }
            return new CheckedGrid(cm, yk, marked, markedTetrahedra, 0);
        } catch (java.io.EOFException e) {
            return null;
        }
    }

    /**
     * Bytes of the nodes read or written at a time: the words go through a buffer of this size in bulk. Read a
     * number at a time through the streams, a grid took 30-40 ms of a one-placement process's start (most of it before
     * the JIT had compiled the loop); read whole into one array, the file (10 MB) would be held twice at once.
     */
    private static final int PIECE = 1 << 16;

    /**
     * The layout of a saved grid and the check that marked it: a change of either (bump this), of {@link #STEP} or
     * of {@link #TOLERANCE} makes old files void. 3: every level inside an edge checked; 2: one level, the nodes'
     * {@code cm} words, then their {@code yk} words; 1: each node's two words in turn.
     */
    private static final int FORMAT = 3;

    /** Milliseconds the build took, exact evaluations included (0 for a grid read from its file). */
    public long buildMillis() {
        return buildMillis;
    }

    /** The share of the grid's 6 x 85^3 tetrahedra that are separated exactly rather than interpolated. */
    public double markedShare() {
        return markedTetrahedra / (6.0 * (NODES - 1) * (NODES - 1) * (NODES - 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CheckedGrid[%d nodes a side, %.1f %% of tetrahedra exact, built in %d ms]",
                NODES, 100 * markedShare(), buildMillis);
    }

    /**
     * A conversion through this grid for one user at a time (a render): colours in unmarked tetrahedra are
     * interpolated, those in marked ones separated exactly by lcms, each distinct colour once and remembered. Bands
     * are converted in stripes across the machine's cores; small ones stay on the caller's thread.
     */
    public Conversion conversion(ColorTransform exact8) {
        return new Conversion(exact8);
    }

    /**
     * See {@link #conversion}. Not thread-safe: one render, one thread, as a separation is used.
     *
     * <p>The exact colours are remembered in an open-addressed table of {@code long}s, the colour plus one in the high
     * half and its C M Y K in the low half, so that one read finds both; it grows to keep under half full. Measured
     * on a 17 MP photograph: 159,000 to 277,000 exact colours by stock, a table of 4 to 8 MB (with nodes every 5
     * levels, 330,000 to 610,000). Blocks of the table reserved per grid cell (a colour's place by its offset in the
     * cell, no probing) looked up a fifth faster but needed five to ten times the entries, and overflowed on the
     * perceptual garment stock. The stripes only read the table; new colours are entered on the caller's thread
     * between them (the part of a new render that does not spread across cores), their separation again across cores.
     */
    public final class Conversion {

        private static final int MIN_PIXELS_PER_PART = 16 * 1024;
        private static final int FIRST_BITS = 16;
        /** At most 2^22 slots (32 MiB), two million colours at half load; beyond that the table starts again. */
        private static final int MAX_BITS = 22;

        private final ColorTransform exact8;
        private long[] table = new long[1 << FIRST_BITS];
        private int bits = FIRST_BITS;
        private int size;
        private int[] pending = new int[0];
        private int[] partPending = new int[0];
        private int[] partMarked = new int[0];
        private int[] slots = new int[0];
        private byte[] batchRgb = new byte[0];
        private int[] batchPixel = new int[0];
        private int[] batchSlot = new int[0];
        private long exactColours;
        private long exactPixels;

        private Conversion(ColorTransform exact8) {
            if (exact8.inputFormat() != PixelFormat.RGB_8 || exact8.outputFormat() != PixelFormat.CMYK_8) {
                throw new IllegalArgumentException("the exact separation is RGB_8 to CMYK_8, not "
                        + exact8.inputFormat() + " to " + exact8.outputFormat());
            }
            this.exact8 = exact8;
        }

        /** Distinct colours separated exactly so far (again after the table started over). */
        public long exactColours() {
            return exactColours;
        }

        /** Pixels that fell in marked tetrahedra so far. */
        public long exactPixels() {
            return exactPixels;
        }

        /** Colours the table holds now, and its slots (8 bytes each). */
        public int remembered() {
            return size;
        }

        public int tableSlots() {
            return table.length;
        }

        /** Converts {@code pixels} RGB pixels (3 bytes each, from index 0) to CMYK (4 bytes each). */
        public void convert(byte[] rgb, int pixels, byte[] cmyk) {
            if (pixels <= 0) {
                return;
            }
            if (pending.length < pixels) {
                pending = new int[pixels];
            }
            int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), pixels / MIN_PIXELS_PER_PART));
            if (partPending.length < parts) {
                partPending = new int[parts];
                partMarked = new int[parts];
            }
            int per = (pixels + parts - 1) / parts;
            if (parts == 1) {
                partPending[0] = interpolate(rgb, 0, pixels, cmyk, pending, 0);
            } else {
                IntStream.range(0, parts).parallel().forEach(part -> {
                    int from = part * per;
                    partPending[part] = from >= pixels ? 0
                            : interpolate(rgb, from, Math.min(pixels, from + per), cmyk, pending, part);
                });
            }
            int deferred = 0;
            for (int part = 0; part < parts; part++) {
                System.arraycopy(pending, part * per, pending, deferred, partPending[part]);
                deferred += partPending[part];
                exactPixels += partMarked[part];
            }
            if (deferred > 0) {
                separateExactly(rgb, cmyk, deferred);
            }
        }

        /**
         * Interpolates pixels {@code from} to {@code to}; a pixel in a marked tetrahedron takes its remembered exact
         * separation, or, if it has none yet, is listed in {@code deferred} from index {@code from}. Reads the
         * table, never writes it, so stripes can run at once. Returns how many pixels it deferred; how many fell in
         * marked tetrahedra goes to {@code partMarked[part]}.
         */
        private int interpolate(byte[] rgb, int from, int to, byte[] cmyk, int[] deferred, int part) {
            long[] cm = CheckedGrid.this.cm;
            long[] yk = CheckedGrid.this.yk;
            byte[] marks = marked;
            long[] remembered = table;
            int mask = remembered.length - 1;
            int shift = 32 - bits;
            int count = 0;
            int inMarked = 0;
            for (int p = from; p < to; p++) {
                int r = rgb[3 * p] & 0xFF;
                int g = rgb[3 * p + 1] & 0xFF;
                int b = rgb[3 * p + 2] & 0xFF;
                int cell = LEVEL_R[r] + LEVEL_G[g] + LEVEL_B[b];
                int base = cell >>> 8;
                int place = cell & 0xFF;
                int tetrahedron = TETRAHEDRON[place];
                int out = 4 * p;
                if ((marks[base] >> (tetrahedron & 7) & 1) != 0) {
                    inMarked++;
                    int colour = (r << 16 | g << 8 | b) + 1;
                    int slot = colour * 0x9E3779B1 >>> shift;
                    long entry;
                    while ((entry = remembered[slot]) != 0 && (int) (entry >>> 32) != colour) {
                        slot = slot + 1 & mask;
                    }
                    if (entry == 0) {
                        deferred[from + count++] = p;
                        continue;
                    }
                    int v = (int) entry;
                    cmyk[out] = (byte) (v >>> 24);
                    cmyk[out + 1] = (byte) (v >>> 16);
                    cmyk[out + 2] = (byte) (v >>> 8);
                    cmyk[out + 3] = (byte) v;
                    continue;
                }
                int v1 = base + TO_SECOND[place];
                int v2 = base + TO_THIRD[place];
                int v3 = base + SR + SG + SB;
                // Barycentric weights in thirds; at most 3 x 65535 a lane, so the two 32-bit lanes never carry.
                long w0 = tetrahedron >>> 4 & 0xF;
                long w1 = tetrahedron >>> 8 & 0xF;
                long w2 = tetrahedron >>> 12 & 0xF;
                long w3 = tetrahedron >>> 16;
                long sumCm = w0 * cm[base] + w1 * cm[v1] + w2 * cm[v2] + w3 * cm[v3];
                long sumYk = w0 * yk[base] + w1 * yk[v1] + w2 * yk[v2] + w3 * yk[v3];
                cmyk[out] = eightBit((int) sumCm);
                cmyk[out + 1] = eightBit((int) (sumCm >>> 32));
                cmyk[out + 2] = eightBit((int) sumYk);
                cmyk[out + 3] = eightBit((int) (sumYk >>> 32));
            }
            partMarked[part] = inMarked;
            return count;
        }

        /**
         * The deferred pixels: each colour new to the table once through lcms (one batch, across the cores), then
         * every pixel from the table. Should the table be at its largest and half full, the rest of the band's new
         * colours go through lcms pixel for pixel, and the next band starts with an empty table.
         */
        private void separateExactly(byte[] rgb, byte[] cmyk, int deferred) {
            if (size > (1 << MAX_BITS) / 2) {
                Arrays.fill(table, 0);
                size = 0;
            }
            if (slots.length < deferred) {
                slots = new int[deferred];
                batchPixel = new int[deferred];
                batchSlot = new int[deferred];
                batchRgb = new byte[deferred * 3];
            }
            int fresh = 0;
            boolean full = false;
            boolean grown = false;   // slots found before the table grew are stale
            for (int i = 0; i < deferred; i++) {
                int p = pending[i];
                int slot = slotOf(rgb, p);
                slots[i] = slot;
                if (table[slot] != 0) {
                    continue;   // met earlier in this band
                }
                if (!full) {
                    // Queued: the key alone; its separation is written below, before anyone reads it.
                    table[slot] = (long) colourOf(rgb, p) << 32;
                    size++;
                    batchPixel[fresh] = p;
                    batchSlot[fresh] = slot;
                    if (size > table.length / 2) {
                        full = !grow();
                        grown |= !full;
                    }
                } else {
                    slots[i] = -1;
                    batchPixel[fresh] = ~p;
                }
                System.arraycopy(rgb, 3 * p, batchRgb, 3 * fresh, 3);
                fresh++;
            }
            if (fresh > 0) {
                byte[] out = new byte[fresh * 4];
                separate(batchRgb, fresh, out);
                exactColours += fresh;
                for (int n = 0; n < fresh; n++) {
                    int p = batchPixel[n];
                    if (p < 0) {
                        System.arraycopy(out, 4 * n, cmyk, 4 * ~p, 4);
                        continue;
                    }
                    int v = (out[4 * n] & 0xFF) << 24 | (out[4 * n + 1] & 0xFF) << 16 | (out[4 * n + 2] & 0xFF) << 8
                            | (out[4 * n + 3] & 0xFF);
                    table[grown ? slotOf(rgb, p) : batchSlot[n]] |= v & 0xFFFF_FFFFL;
                }
            }
            for (int i = 0; i < deferred; i++) {
                if (slots[i] < 0) {
                    continue;   // separated pixel for pixel above
                }
                int p = pending[i];
                int v = (int) table[grown ? slotOf(rgb, p) : slots[i]];
                int out = 4 * p;
                cmyk[out] = (byte) (v >>> 24);
                cmyk[out + 1] = (byte) (v >>> 16);
                cmyk[out + 2] = (byte) (v >>> 8);
                cmyk[out + 3] = (byte) v;
            }
        }

        private static int colourOf(byte[] rgb, int p) {
            return ((rgb[3 * p] & 0xFF) << 16 | (rgb[3 * p + 1] & 0xFF) << 8 | (rgb[3 * p + 2] & 0xFF)) + 1;
        }

        /** The slot holding pixel {@code p}'s colour, or the empty one where it belongs; as interpolate() probes. */
        private int slotOf(byte[] rgb, int p) {
            int colour = colourOf(rgb, p);
            int mask = table.length - 1;
            int slot = colour * 0x9E3779B1 >>> (32 - bits);
            long entry;
            while ((entry = table[slot]) != 0 && (int) (entry >>> 32) != colour) {
                slot = slot + 1 & mask;
            }
            return slot;
        }

        /** Doubles the table, or says it cannot (at {@link #MAX_BITS} already). */
        private boolean grow() {
            if (bits == MAX_BITS) {
                return false;
            }
            long[] old = table;
            bits++;
            table = new long[1 << bits];
            int mask = table.length - 1;
            for (long entry : old) {
                if (entry != 0) {
                    int slot = (int) (entry >>> 32) * 0x9E3779B1 >>> (32 - bits);
                    while (table[slot] != 0) {
                        slot = slot + 1 & mask;
                    }
                    table[slot] = entry;
                }
            }
            return true;
        }

        /** Exact separation of {@code count} colours, split across the cores for large batches. */
        private void separate(byte[] in, int count, byte[] out) {
            int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), count / MIN_PIXELS_PER_PART));
            if (parts == 1) {
                exact8.convert(in, out, count);
                return;
            }
            int per = (count + parts - 1) / parts;
            IntStream.range(0, parts).parallel().forEach(part -> {
                int first = part * per;
                int n = Math.min(per, count - first);
                if (n > 0) {
                    exact8.convert(ByteBuffer.wrap(in, first * 3, n * 3).slice(), ByteBuffer.wrap(out, first * 4, n * 4).slice(), n);
                }
            });
        }
    }
}
