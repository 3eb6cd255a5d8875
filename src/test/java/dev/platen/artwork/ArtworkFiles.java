package dev.platen.artwork;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.function.Executable;

/** Test artwork made at run time: images written with ImageIO, and the byte surgery the tests need. */
final class ArtworkFiles {

    static final ArtworkLimits DEFAULT_LIMITS = new ArtworkLimits(200_000_000L, 300_000_000L, 1);

    private ArtworkFiles() {
    }

    static ArtworkInspector inspector() {
        return new ArtworkInspector(DEFAULT_LIMITS);
    }

    /**
     * Seeded noise: it does not compress, so JPEG and PNG files carry real entropy-coded data to cut into.
     */
    static BufferedImage noise(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt() | (type == BufferedImage.TYPE_INT_ARGB ? 0 : 0xFF000000));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A progressive JPEG (the whole picture in coarse scans first, then refinements), as web tools write. */
    static byte[] progressiveJpeg(BufferedImage image) {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
            writer.setOutput(stream);
            writer.write(null, new javax.imageio.IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ArtworkRejected rejected(Executable inspection) {
        return assertThrows(ArtworkRejected.class, inspection);
    }

    // JPEG surgery

    /** A marker segment: FF, marker, big-endian length (including itself), body. */
    static byte[] jpegSegment(int marker, byte[] body) {
        ByteBuffer segment = ByteBuffer.allocate(4 + body.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (body.length + 2)).put(body);
        return segment.array();
    }

    /** Inserts segments right after SOI, where Exif and ICC segments live. */
    static byte[] afterSoi(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** An APP1 Exif segment whose IFD0 holds only an Orientation tag. */
    static byte[] exifOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(6 + 8 + 2 + 12 + 4);
        tiff.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return jpegSegment(0xE1, tiff.array());
    }

    /** Sets the JFIF APP0 density the JDK writer leaves at 1:1 aspect ratio. */
    static byte[] withJfifDensity(byte[] jpeg, int units, int x, int y) {
        byte[] copy = jpeg.clone();
        int at = indexOf(copy, "JFIF\0".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer.wrap(copy).put(at + 7, (byte) units).putShort(at + 8, (short) x).putShort(at + 10, (short) y);
        return copy;
    }

    /** Where the first scan's entropy-coded data starts: just after the SOS segment. */
    static int scanDataStart(byte[] jpeg) {
        int pos = 2;
        while (true) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = (jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF);
            pos += 2 + length;
            if (marker == 0xDA) {
                return pos;
            }
        }
    }

    // PNG surgery

    static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        chunk.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /** Inserts chunks right after IHDR (signature 8 bytes + IHDR 25 bytes). */
    static byte[] afterIhdr(byte[] png, byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, 33);
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("not found: " + new String(needle, StandardCharsets.ISO_8859_1));
    }

    static byte[] prefix(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }
}
