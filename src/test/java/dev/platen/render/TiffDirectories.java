package dev.platen.render;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;

/**
 * Test art: tags added to a TIFF another writer made. TwelveMonkeys' TIFF writer keeps only an allow-list of
 * baseline tags (it drops InkSet, 332) and embeds the JDK's re-serialised copy of a profile, so CMYK art tagged
 * with a given profile byte for byte is made by rewriting its directory.
 */
final class TiffDirectories {

    private static final int TAG_INK_SET = 332;
    private static final int TAG_ICC_PROFILE = 34675;

    private TiffDirectories() {
    }

    /**
     * Rewrites the first image directory with InkSet = 1 (CMYK) and the ICC profile, byte for byte: the profile
     * and a new directory are appended, and the header is pointed at the new directory. Every other entry keeps
     * its value or offset, so the image data is untouched; the old directory stays as a few hundred unused bytes.
     * Entries are kept in ascending tag order and the directory on a word boundary (TIFF 6.0, section 2).
     */
    static void addInkSetAndProfile(Path file, byte[] iccProfile) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer header = read(ch, 0, 8, ByteOrder.BIG_ENDIAN);
            ByteOrder order = header.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            header.order(order);
            if (header.getShort(2) != 42) {
                throw new IOException("not a classic TIFF: " + file);
            }
            long ifdOffset = Integer.toUnsignedLong(header.getInt(4));
            int count = Short.toUnsignedInt(read(ch, ifdOffset, 2, order).getShort(0));
            ByteBuffer old = read(ch, ifdOffset + 2, count * 12 + 4, order);
            TreeMap<Integer, byte[]> entries = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                byte[] entry = new byte[12];
                old.get(i * 12, entry);
                entries.put(Short.toUnsignedInt(old.getShort(i * 12)), entry);
            }
            int nextIfd = old.getInt(count * 12);

            long profileAt = even(ch.size());
            long ifdAt = even(profileAt + iccProfile.length);
            entries.put(TAG_INK_SET, entry(order, TAG_INK_SET, 3, 1, 1));
            entries.put(TAG_ICC_PROFILE, entry(order, TAG_ICC_PROFILE, 7, iccProfile.length, (int) profileAt));

            ch.write(ByteBuffer.wrap(iccProfile), profileAt);
            ByteBuffer ifd = ByteBuffer.allocate(2 + entries.size() * 12 + 4).order(order);
            ifd.putShort((short) entries.size());
            entries.values().forEach(ifd::put);
            ifd.putInt(nextIfd);
            ifd.flip();
            ch.write(ifd, ifdAt);
            ByteBuffer pointer = ByteBuffer.allocate(4).order(order).putInt(0, (int) ifdAt);
            ch.write(pointer, 4);
        }
    }

    /** A 12-byte directory entry; a SHORT value sits left-justified in the value field. */
    private static byte[] entry(ByteOrder order, int tag, int type, int count, int value) {
        ByteBuffer e = ByteBuffer.allocate(12).order(order);
        e.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            e.putShort((short) value).putShort((short) 0);
        } else {
            e.putInt(value);
        }
        return e.array();
    }

    private static long even(long offset) {
        return (offset + 1) & ~1L;
    }

    private static ByteBuffer read(FileChannel ch, long at, int length, ByteOrder order) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(order);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) {
                throw new IOException("TIFF ends inside its directory");
            }
        }
        return b.flip();
    }
}
