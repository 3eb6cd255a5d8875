package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The first image file directory (IFD) of a TIFF structure: a TIFF file, or the Exif block of a JPEG, PNG or
 * WebP (Exif is a TIFF structure). Reads classic TIFF and BigTIFF. Values are read lazily and every offset is
 * checked against the data, so a hostile count or offset is a rejection, not an exception.
 */
final class TiffDirectory {

    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int STRIP_OFFSETS = 273;
    static final int ORIENTATION = 274;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int Y_RESOLUTION = 283;
    static final int RESOLUTION_UNIT = 296;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int INK_SET = 332;
    static final int EXTRA_SAMPLES = 338;
    static final int ICC_PROFILE = 34675;

    /** BigTIFF allows 2^64 entries; no real file has more than a few hundred. */
    private static final long MAX_ENTRIES = 4096;

    private record Entry(int type, long count, long valuePosition) {
    }

    private final ByteBuffer data;
    private final Map<Integer, Entry> entries;
    private final long nextDirectoryOffset;

    private TiffDirectory(ByteBuffer data, Map<Integer, Entry> entries, long nextDirectoryOffset) {
        this.data = data;
        this.entries = entries;
        this.nextDirectoryOffset = nextDirectoryOffset;
    }

    /** Reads the first IFD of the TIFF structure starting at position 0 of {@code tiff}. */
    static TiffDirectory first(ByteBuffer tiff) {
        ByteBuffer data = tiff.slice();
        require(data, 0, 8, "TIFF header");
        if (data.get(0) == 'I' && data.get(1) == 'I') {
            data.order(ByteOrder.LITTLE_ENDIAN);
        } else if (data.get(0) == 'M' && data.get(1) == 'M') {
            data.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw ArtworkRejected.corrupt("TIFF structure has no byte order mark", null);
        }
        int version = Short.toUnsignedInt(data.getShort(2));
        boolean big;
        long firstIfd;
        if (version == 42) {
            big = false;
            firstIfd = Integer.toUnsignedLong(data.getInt(4));
        } else if (version == 43) {
            require(data, 0, 16, "BigTIFF header");
            if (data.getShort(4) != 8) {
                throw ArtworkRejected.corrupt("BigTIFF header declares an offset size other than 8", null);
            }
            big = true;
            firstIfd = data.getLong(8);
        } else {
            throw ArtworkRejected.corrupt("TIFF structure has version " + version + ", not 42 or 43", null);
        }
        return read(data, firstIfd, big);
    }

    private static TiffDirectory read(ByteBuffer data, long ifdOffset, boolean big) {
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        int inlineSize = big ? 8 : 4;
        require(data, ifdOffset, countSize, "image file directory");
        long count = big ? data.getLong((int) ifdOffset) : Short.toUnsignedInt(data.getShort((int) ifdOffset));
        if (count < 0 || count > MAX_ENTRIES) {
            throw ArtworkRejected.corrupt("TIFF directory declares " + count + " entries", null);
        }
        long first = ifdOffset + countSize;
        require(data, first, count * entrySize + inlineSize, "image file directory entries");
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int at = (int) (first + (long) i * entrySize);
            int tag = Short.toUnsignedInt(data.getShort(at));
            int type = Short.toUnsignedInt(data.getShort(at + 2));
            long valueCount = big ? data.getLong(at + 4) : Integer.toUnsignedLong(data.getInt(at + 4));
            int size = typeSize(type);
            if (size == 0 || valueCount < 0) {
                continue; // unknown types must be skipped (TIFF 6.0, section 2)
            }
            int valueField = at + (big ? 12 : 8);
            long length = byteLength(valueCount, type);
            long position = length <= inlineSize ? valueField
                    : big ? data.getLong(valueField) : Integer.toUnsignedLong(data.getInt(valueField));
            entries.putIfAbsent(tag, new Entry(type, valueCount, position));
        }
        int nextField = (int) (first + count * entrySize);
        long next = big ? data.getLong(nextField) : Integer.toUnsignedLong(data.getInt(nextField));
        return new TiffDirectory(data, entries, next);
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** Whether another IFD follows: a multi-page TIFF. */
    boolean hasNextDirectory() {
        return nextDirectoryOffset != 0;
    }

    long count(int tag) {
        Entry e = entries.get(tag);
        return e == null ? 0 : e.count();
    }

    OptionalLong integer(int tag, int index) {
        Entry e = entries.get(tag);
        if (e == null || index >= e.count()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(integerAt(e, index));
    }

    OptionalLong integer(int tag) {
        return integer(tag, 0);
    }

    long[] integers(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return new long[0];
        }
        require(data, e.valuePosition(), byteLength(e.count(), e.type()), "tag " + tag);
        long[] values = new long[(int) e.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = integerAt(e, i);
        }
        return values;
    }

    OptionalDouble rational(int tag) {
        Entry e = entries.get(tag);
        if (e == null || e.count() < 1) {
            return OptionalDouble.empty();
        }
        require(data, e.valuePosition(), typeSize(e.type()), "tag " + tag);
        int at = (int) e.valuePosition();
        double value = switch (e.type()) {
            case 5 -> {
                long den = Integer.toUnsignedLong(data.getInt(at + 4));
                yield den == 0 ? Double.NaN : Integer.toUnsignedLong(data.getInt(at)) / (double) den;
            }
            case 10 -> {
                int den = data.getInt(at + 4);
                yield den == 0 ? Double.NaN : data.getInt(at) / (double) den;
            }
            case 11 -> data.getFloat(at);
            case 12 -> data.getDouble(at);
            default -> integerAt(e, 0);
        };
        return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /** The raw bytes of an UNDEFINED or BYTE tag such as the ICC profile. */
    byte @Nullable [] bytes(int tag) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        long length = byteLength(e.count(), e.type());
        require(data, e.valuePosition(), length, "tag " + tag);
        byte[] bytes = new byte[(int) length];
        data.get((int) e.valuePosition(), bytes);
        return bytes;
    }

    private long integerAt(Entry e, long index) {
        int size = typeSize(e.type());
        long position = e.valuePosition() + index * size;
        require(data, position, size, "value");
        int at = (int) position;
        return switch (e.type()) {
            case 1, 2, 7 -> Byte.toUnsignedInt(data.get(at));
            case 6 -> data.get(at);
            case 3 -> Short.toUnsignedInt(data.getShort(at));
            case 8 -> data.getShort(at);
            case 4, 13 -> Integer.toUnsignedLong(data.getInt(at));
            case 9 -> data.getInt(at);
            case 16, 17, 18 -> data.getLong(at);
            default -> throw ArtworkRejected.corrupt("TIFF tag of type " + e.type() + " is not an integer", null);
        };
    }

    /** Saturates instead of overflowing, so that a hostile count fails the bounds check. */
    private static long byteLength(long count, int type) {
        return count > Integer.MAX_VALUE ? Long.MAX_VALUE : count * typeSize(type);
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    /** A structure that points past the end of the data: the file was cut short. */
    private static void require(ByteBuffer data, long position, long length, String what) {
        if (position < 0 || length < 0 || position > data.limit() || length > data.limit() - position) {
            throw ArtworkRejected.truncated("TIFF " + what + " lies beyond the end of the data", null);
        }
    }
}
