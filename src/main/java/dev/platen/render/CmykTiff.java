package dev.platen.render;

import dev.platen.color.InkValues;

import java.awt.image.ColorModel;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.TreeMap;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes the canvas as a baseline CMYK TIFF with TwelveMonkeys: 8 bits per ink, PhotometricInterpretation 5
 * (separated) with InkSet 1 (CMYK), Adobe Deflate (compression 8) with horizontal differencing, the stock's ICC
 * profile (tag 34675), the target DPI as XResolution/YResolution per inch, and the provenance in ImageDescription
 * (270) and XMP (700).
 *
 * <p>Deflate, not LZW: TwelveMonkeys 3.14 sizes its LZW encoder for one tile and writes the end-of-information
 * code after it ({@code new LZWEncoder(tileWidth x tileHeight x samples)}), so an image pulled in several bands
 * comes out as a corrupt strip; its Deflate stream has no such limit. Compression 8 is the registered Adobe
 * Deflate (not the obsolete 32946), which libtiff, Photoshop and RIPs read.
 *
 * <p>The writer pulls the canvas band by band from a {@link BandImage} and compresses as it goes; it writes all
 * rows as one strip (RowsPerStrip = height, its only layout in 3.14), which every TIFF reader handles and which
 * costs no memory, since the strip is compressed straight to the file.
 *
 * <p>Two tags TwelveMonkeys 3.14 will not write from metadata are added afterwards by rewriting the directory
 * ({@link #addInkSetAndProfile}): it keeps only an allow-list of baseline tags and everything from 1000 up
 * ({@code TIFFImageWriter.mergeSafeMetadata}), which drops InkSet (332); and the ICC profile it would embed is
 * the JDK's re-serialised copy (see {@link InkValues}). Resolution goes in as native TIFF metadata
 * ({@code com_sun_media_imageio_plugins_tiff_image_1.0}), because 3.14 reads the standard metadata's
 * HorizontalPixelSize (millimetres per pixel) as pixels per millimetre and writes the wrong resolution.
 */
final class CmykTiff {

    static final int TAG_IMAGE_DESCRIPTION = 270;
    static final int TAG_X_RESOLUTION = 282;
    static final int TAG_Y_RESOLUTION = 283;
    static final int TAG_RESOLUTION_UNIT = 296;
    static final int TAG_SOFTWARE = 305;
    static final int TAG_DATE_TIME = 306;
    static final int TAG_INK_SET = 332;
    static final int TAG_XMP = 700;
    static final int TAG_ICC_PROFILE = 34675;

    private static final String NATIVE_FORMAT = "com_sun_media_imageio_plugins_tiff_image_1.0";
    private static final DateTimeFormatter TIFF_DATE = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private CmykTiff() {
    }

    static ColorModel colorModel() {
        return InkValues.colorModel();
    }

    static void write(BandImage canvas, Path file, String description, String xmp, int dpi, String software,
                      Instant created, byte[] iccProfile) throws IOException {
        ImageWriter writer = twelveMonkeysTiffWriter();
        try (ImageOutputStream out = new FileImageOutputStream(new RandomAccessFile(file.toFile(), "rw"))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("ZLib"); // TwelveMonkeys' name for compression 8, Adobe Deflate
            // TwelveMonkeys maps quality to the zlib level inversely (higher quality, lower level). 0.9 picks a fast
            // level: measured on a 3600 x 4800 placement, 6.2 s instead of 8.0 s at 0.5, for a file 7 % larger
            // (still smaller than libvips' LZW of the same separation).
            param.setCompressionQuality(0.9f);
            ImageTypeSpecifier type = new ImageTypeSpecifier(canvas.getColorModel(), canvas.getSampleModel());
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            metadata.mergeTree(NATIVE_FORMAT, nativeTree(description, xmp, dpi, software, created));
            writer.write(null, new IIOImage(canvas, null, metadata), param);
        } finally {
            writer.dispose();
        }
        addInkSetAndProfile(file, iccProfile);
    }

    /** The JDK has a TIFF writer of its own since Java 9; this module is written against TwelveMonkeys'. */
    private static ImageWriter twelveMonkeysTiffWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (w.getClass().getName().startsWith("com.twelvemonkeys.")) {
                return w;
            }
            w.dispose();
        }
        throw new IllegalStateException("TwelveMonkeys imageio-tiff is not on the classpath");
    }

    private static IIOMetadataNode nativeTree(String description, String xmp, int dpi, String software,
                                              Instant created) {
        IIOMetadataNode ifd = new IIOMetadataNode("TIFFIFD");
        ifd.appendChild(field(TAG_IMAGE_DESCRIPTION, "TIFFAsciis", "TIFFAscii", description));
        ifd.appendChild(field(TAG_X_RESOLUTION, "TIFFRationals", "TIFFRational", dpi + "/1"));
        ifd.appendChild(field(TAG_Y_RESOLUTION, "TIFFRationals", "TIFFRational", dpi + "/1"));
        ifd.appendChild(field(TAG_RESOLUTION_UNIT, "TIFFShorts", "TIFFShort", "2")); // 2 = inch
        ifd.appendChild(field(TAG_SOFTWARE, "TIFFAsciis", "TIFFAscii", software));
        ifd.appendChild(field(TAG_DATE_TIME, "TIFFAsciis", "TIFFAscii", TIFF_DATE.format(created)));
        IIOMetadataNode xmpField = new IIOMetadataNode("TIFFField");
        xmpField.setAttribute("number", Integer.toString(TAG_XMP));
        IIOMetadataNode bytes = new IIOMetadataNode("TIFFBytes");
        for (byte b : xmp.getBytes(StandardCharsets.UTF_8)) {
            IIOMetadataNode value = new IIOMetadataNode("TIFFByte");
            value.setAttribute("value", Integer.toString(b & 0xFF));
            bytes.appendChild(value);
        }
        xmpField.appendChild(bytes);
        ifd.appendChild(xmpField);
        IIOMetadataNode root = new IIOMetadataNode(NATIVE_FORMAT);
        root.appendChild(ifd);
        return root;
    }

    private static IIOMetadataNode field(int tag, String container, String element, String value) {
        IIOMetadataNode field = new IIOMetadataNode("TIFFField");
        field.setAttribute("number", Integer.toString(tag));
        IIOMetadataNode values = new IIOMetadataNode(container);
        IIOMetadataNode v = new IIOMetadataNode(element);
        v.setAttribute("value", value);
        values.appendChild(v);
        field.appendChild(values);
        return field;
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
            if (ifdAt + 2 + (entries.size() + 2) * 12L + 4 > 0xFFFF_FFFFL) {
                throw new IOException("the TIFF would pass 4 GB, which classic TIFF offsets cannot address");
            }
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
