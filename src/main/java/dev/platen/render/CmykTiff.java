package dev.platen.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Writes the canvas as a baseline CMYK TIFF (TIFF 6.0, classic, little-endian): 8 bits per ink,
 * PhotometricInterpretation 5 (separated) with InkSet 1 (CMYK), Adobe Deflate (compression 8) with horizontal
 * differencing (Predictor 2), in strips of {@value #ROWS_PER_STRIP} rows, the stock's ICC profile byte for byte
 * (tag 34675), the target DPI as XResolution/YResolution per inch, and the provenance in ImageDescription (270) and
 * XMP (700).
 *
 * <p>Strips arrive differenced and deflated ({@link FlateBlocks}, on every core, as the canvas is made) and are
 * written in order straight to the file; the directory goes after them, once the strips' offsets and sizes are known, and the
 * header is pointed at it last. Directory entries are in ascending tag order and every offset on a word boundary
 * (TIFF 6.0, section 2). Deflate, not LZW: compression 8 is what libtiff, Photoshop and RIPs read, and with the
 * predictor it comes out smaller than libvips' LZW of the same separation.
 *
 * <p>Why not an ImageIO writer: TwelveMonkeys 3.14 (the one on the classpath) writes the whole image as one strip
 * on one thread, copying every tile into a raster of its own and reading that back one sample at a time
 * ({@code DataBuffer.getElem}) into a deflate stream with a 1 KiB buffer; its LZW encoder is sized for one tile and
 * ends the strip after it; it keeps only an allow-list of baseline tags, which drops InkSet (332); it embeds the
 * JDK's re-serialised copy of the ICC profile, not the stock's bytes; and it reads the standard metadata's
 * HorizontalPixelSize (millimetres per pixel) as pixels per millimetre. Each of those needed a workaround, one of
 * them a rewrite of the directory after the writer was done; a directory of twenty-one entries is less code.
 *
 * <p>Use: {@link #begin}, hand {@link #strip} to the canvas's {@link FlateBlocks}, {@link #finish}; {@link #close()}
 * in any case.
 */
final class CmykTiff implements AutoCloseable {

    /**
     * Rows per strip: small enough that a band is four strips to spread over the cores and a reader can fetch a few
     * rows without inflating the whole image; large enough (a 3600 px canvas makes 900 KB strips) that the zlib
     * header, the predictor's first pixel and the directory's two numbers per strip cost nothing.
     */
    static final int ROWS_PER_STRIP = 64;

    static final int TAG_IMAGE_WIDTH = 256;
    static final int TAG_IMAGE_LENGTH = 257;
    static final int TAG_BITS_PER_SAMPLE = 258;
    static final int TAG_COMPRESSION = 259;
    static final int TAG_PHOTOMETRIC = 262;
    static final int TAG_IMAGE_DESCRIPTION = 270;
    static final int TAG_STRIP_OFFSETS = 273;
    static final int TAG_ORIENTATION = 274;
    static final int TAG_SAMPLES_PER_PIXEL = 277;
    static final int TAG_ROWS_PER_STRIP = 278;
    static final int TAG_STRIP_BYTE_COUNTS = 279;
    static final int TAG_X_RESOLUTION = 282;
    static final int TAG_Y_RESOLUTION = 283;
    static final int TAG_PLANAR_CONFIGURATION = 284;
    static final int TAG_RESOLUTION_UNIT = 296;
    static final int TAG_SOFTWARE = 305;
    static final int TAG_DATE_TIME = 306;
    static final int TAG_PREDICTOR = 317;
    static final int TAG_INK_SET = 332;
    static final int TAG_XMP = 700;
    static final int TAG_ICC_PROFILE = 34675;

    private static final int BYTE = 1;
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final int UNDEFINED = 7;

    private static final DateTimeFormatter TIFF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /**
     * What the file says besides its pixels.
     *
     * @param description one line of provenance for ImageDescription
     * @param xmp         the XMP packet
     * @param dpi         pixels per inch, both ways
     * @param software    the Software tag
     * @param created     the DateTime tag, written in UTC
     * @param iccProfile  the stock's profile, embedded as it is
     */
    record Tags(String description, String xmp, int dpi, String software, Instant created, byte[] iccProfile) {
        Tags {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(xmp, "xmp");
            Objects.requireNonNull(software, "software");
            Objects.requireNonNull(created, "created");
            Objects.requireNonNull(iccProfile, "iccProfile");
        }
    }

    private final FileChannel file;
    private final int width;
    private final int height;
    private final Tags tags;
    private final long[] stripOffsets;
    private final long[] stripByteCounts;
    private int stripsWritten;

    private CmykTiff(FileChannel file, int width, int height, Tags tags) {
        this.file = file;
        this.width = width;
        this.height = height;
        this.tags = tags;
        int count = (height + ROWS_PER_STRIP - 1) / ROWS_PER_STRIP;
        this.stripOffsets = new long[count];
        this.stripByteCounts = new long[count];
    }

    /** Creates (or truncates) {@code path} and writes the header; the strips follow ({@link #strip}). */
    static CmykTiff begin(Path path, int width, int height, Tags tags) throws IOException {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a TIFF has at least one pixel, not " + width + " x " + height);
        }
        FileChannel file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            // "II", 42, then the directory's offset, which is filled in when the directory is written.
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                    .put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(0).flip();
            writeFully(file, header);
            return new CmykTiff(file, width, height, tags);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * Writes the next strip: {@code length} bytes of {@code data} from {@code offset}, a zlib stream of
     * {@value #ROWS_PER_STRIP} differenced rows (fewer in the last strip), as {@link FlateBlocks} frames one.
     */
    void strip(byte[] data, int offset, int length) throws IOException {
        if (stripsWritten == stripOffsets.length) {
            throw new IllegalStateException("the TIFF's " + stripOffsets.length + " strips are all written");
        }
        long at = padToWord();
        writeFully(file, ByteBuffer.wrap(data, offset, length));
        stripOffsets[stripsWritten] = at;
        stripByteCounts[stripsWritten] = length;
        stripsWritten++;
    }

    /** Writes the directory after the strips and points the header at it. */
    void finish() throws IOException {
        if (stripsWritten != stripOffsets.length) {
            throw new IllegalStateException("the TIFF has " + stripsWritten + " of " + stripOffsets.length
                    + " strips");
        }
        writeDirectory();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    private long padToWord() throws IOException {
        long at = file.position();
        if ((at & 1) != 0) {
            writeFully(file, ByteBuffer.wrap(new byte[1]));
            at++;
        }
        return at;
    }

    private void writeDirectory() throws IOException {
        Directory d = new Directory();
        d.put(TAG_IMAGE_WIDTH, LONG, 1, ints(width));
        d.put(TAG_IMAGE_LENGTH, LONG, 1, ints(height));
        d.put(TAG_BITS_PER_SAMPLE, SHORT, 4, shorts(8, 8, 8, 8));
        d.put(TAG_COMPRESSION, SHORT, 1, shorts(8)); // Adobe Deflate
        d.put(TAG_PHOTOMETRIC, SHORT, 1, shorts(5)); // separated
        d.put(TAG_IMAGE_DESCRIPTION, ASCII, ascii(tags.description()));
        d.put(TAG_STRIP_OFFSETS, LONG, stripOffsets.length, ints(stripOffsets));
        d.put(TAG_ORIENTATION, SHORT, 1, shorts(1)); // row 0 at the top, column 0 at the left
        d.put(TAG_SAMPLES_PER_PIXEL, SHORT, 1, shorts(4));
        d.put(TAG_ROWS_PER_STRIP, LONG, 1, ints(Math.min(ROWS_PER_STRIP, height)));
        d.put(TAG_STRIP_BYTE_COUNTS, LONG, stripByteCounts.length, ints(stripByteCounts));
        d.put(TAG_X_RESOLUTION, RATIONAL, 1, ints(tags.dpi(), 1));
        d.put(TAG_Y_RESOLUTION, RATIONAL, 1, ints(tags.dpi(), 1));
        d.put(TAG_PLANAR_CONFIGURATION, SHORT, 1, shorts(1)); // C, M, Y, K of a pixel together
        d.put(TAG_RESOLUTION_UNIT, SHORT, 1, shorts(2)); // inch
        d.put(TAG_SOFTWARE, ASCII, ascii(tags.software()));
        d.put(TAG_DATE_TIME, ASCII, ascii(TIFF_DATE.format(tags.created())));
        d.put(TAG_PREDICTOR, SHORT, 1, shorts(2)); // horizontal differencing
        d.put(TAG_INK_SET, SHORT, 1, shorts(1)); // CMYK (TIFF 6.0, section 16)
        byte[] xmp = tags.xmp().getBytes(StandardCharsets.UTF_8);
        d.put(TAG_XMP, BYTE, xmp.length, xmp); // BYTE, as before; the XMP specification allows BYTE or UNDEFINED
        d.put(TAG_ICC_PROFILE, UNDEFINED, tags.iccProfile().length, tags.iccProfile());
        d.write(padToWord());
    }

    /**
     * A directory's entries in ascending tag order; values longer than four bytes go before the directory, each
     * on a word boundary, and shorter ones sit left-justified in the entry itself.
     */
    private final class Directory {
        private final TreeMap<Integer, Entry> entries = new TreeMap<>();

        private record Entry(int type, int count, byte[] value) {
        }

        void put(int tag, int type, int count, byte[] value) {
            entries.put(tag, new Entry(type, count, value));
        }

        void put(int tag, int type, byte[] value) {
            put(tag, type, value.length, value);
        }

        void write(long start) throws IOException {
            long cursor = start;
            TreeMap<Integer, Long> offsets = new TreeMap<>();
            for (var e : entries.entrySet()) {
                if (e.getValue().value().length > 4) {
                    offsets.put(e.getKey(), cursor);
                    cursor = even(cursor + e.getValue().value().length);
                }
            }
            long directoryAt = cursor;
            long end = directoryAt + 2 + 12L * entries.size() + 4;
            if (end > 0xFFFF_FFFFL) {
                throw new IOException("the TIFF would pass 4 GB, which classic TIFF offsets cannot address");
            }
            ByteBuffer b = ByteBuffer.allocate((int) (end - start)).order(ByteOrder.LITTLE_ENDIAN);
            b.position((int) (directoryAt - start));
            b.putShort((short) entries.size());
            for (var e : entries.entrySet()) {
                Entry entry = e.getValue();
                b.putShort((short) (int) e.getKey()).putShort((short) entry.type()).putInt(entry.count());
                Long at = offsets.get(e.getKey()); // there for a value longer than four bytes
                if (at != null) {
                    b.putInt((int) (long) at);
                    b.put((int) (at - start), entry.value());
                } else {
                    b.put(entry.value()).put(new byte[4 - entry.value().length]);
                }
            }
            b.putInt(0); // no next directory
            writeFully(file, b.flip());
            writeFully(file, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) directoryAt), 4);
        }
    }

    private static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    private static byte[] ints(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    /** NUL-terminated, as TIFF's ASCII type is; UTF-8 as before, so a title in any language survives. */
    private static byte[] ascii(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, z, 0, bytes.length);
        return z;
    }

    private static long even(long offset) {
        return (offset + 1) & ~1L;
    }

    private static void writeFully(FileChannel file, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            file.write(b);
        }
    }

    private static void writeFully(FileChannel file, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            at += file.write(b, at);
        }
    }
}
