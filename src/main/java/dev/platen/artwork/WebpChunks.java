package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the RIFF chunks of a WebP: the extended header (VP8X) with its canvas size and feature flags, the
 * bitstream headers of simple files (VP8 lossy, VP8L lossless), and the ICCP and EXIF chunks.
 */
final class WebpChunks {

    private static final int VP8X_ALPHA = 0x10;
    private static final int VP8X_ANIMATION = 0x02;

    private WebpChunks() {
    }

    static RasterFacts read(ByteBuffer webp) {
        ByteBuffer riff = webp.slice().order(ByteOrder.LITTLE_ENDIAN);
        List<Finding> findings = new ArrayList<>();
        int width = -1;
        int height = -1;
        boolean alpha = false;
        boolean animated = false;
        PixelCoding coding = PixelCoding.LOSSLESS;
        byte @Nullable [] icc = null;
        Exif exif = Exif.NONE;
        if (riff.limit() < 12) {
            throw ArtworkRejected.truncated("The WebP ends inside its RIFF header", null);
        }
        long declaredEnd = 8 + Integer.toUnsignedLong(riff.getInt(4));
        if (declaredEnd > riff.limit()) {
            throw ArtworkRejected.truncated("The WebP is shorter than its RIFF header declares", null);
        }
        int end = (int) declaredEnd;
        int pos = 12;
        while (pos + 8 <= end) {
            String fourCc = fourCc(riff, pos);
            long size = Integer.toUnsignedLong(riff.getInt(pos + 4));
            if (pos + 8 + size > end) {
                throw ArtworkRejected.truncated("The WebP ends inside its " + fourCc.strip() + " chunk", null);
            }
            ByteBuffer data = riff.slice(pos + 8, (int) size).order(ByteOrder.LITTLE_ENDIAN);
            switch (fourCc) {
                case "VP8X" -> {
                    requireLength(data, 10, fourCc);
                    int flags = Byte.toUnsignedInt(data.get(0));
                    alpha = (flags & VP8X_ALPHA) != 0;
                    animated = (flags & VP8X_ANIMATION) != 0;
                    width = uint24(data, 4) + 1;
                    height = uint24(data, 7) + 1;
                }
                case "VP8 " -> {
                    coding = PixelCoding.OTHER_LOSSY;
                    // Key frame header: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
                    requireLength(data, 10, fourCc);
                    if (Byte.toUnsignedInt(data.get(3)) != 0x9D || Byte.toUnsignedInt(data.get(4)) != 0x01
                            || Byte.toUnsignedInt(data.get(5)) != 0x2A) {
                        throw ArtworkRejected.corrupt("The WebP's VP8 bitstream has no key frame start code", null);
                    }
                    if (width < 0) {
                        width = Short.toUnsignedInt(data.getShort(6)) & 0x3FFF;
                        height = Short.toUnsignedInt(data.getShort(8)) & 0x3FFF;
                    }
                }
                case "VP8L" -> {
                    // Signature 0x2f, then 14 bits width-1, 14 bits height-1, 1 bit alpha_is_used.
                    requireLength(data, 5, fourCc);
                    if (Byte.toUnsignedInt(data.get(0)) != 0x2F) {
                        throw ArtworkRejected.corrupt("The WebP's VP8L bitstream has a bad signature", null);
                    }
                    int bits = data.getInt(1);
                    if (width < 0) {
                        width = (bits & 0x3FFF) + 1;
                        height = ((bits >>> 14) & 0x3FFF) + 1;
                        alpha = ((bits >>> 28) & 1) != 0;
                    }
                }
                case "ALPH" -> alpha = true;
                case "ICCP" -> {
                    icc = new byte[(int) size];
                    data.get(0, icc);
                }
                case "EXIF" -> exif = Exif.read(withoutExifPrefix(data), findings);
                default -> {
                    // ANIM, ANMF, XMP and unknown chunks: nothing to report from them
                }
            }
            pos += 8 + (int) size + (int) (size & 1); // chunks are padded to even length
        }
        if (width <= 0 || height <= 0) {
            throw ArtworkRejected.corrupt("The WebP has no image header (VP8, VP8L or VP8X)", null);
        }
        return new RasterFacts(width, height, RasterFacts.RGB, 8, alpha, exif.resolution(), icc,
                exif.orientation(), animated, findings, coding);
    }

    /** Some writers keep JPEG's "Exif\0\0" prefix inside the EXIF chunk; the WebP spec says it starts at "II"/"MM". */
    private static ByteBuffer withoutExifPrefix(ByteBuffer exif) {
        if (exif.limit() > 6 && exif.get(0) == 'E' && exif.get(1) == 'x' && exif.get(2) == 'i'
                && exif.get(3) == 'f') {
            return exif.slice(6, exif.limit() - 6);
        }
        return exif;
    }

    private static void requireLength(ByteBuffer data, int length, String fourCc) {
        if (data.limit() < length) {
            throw ArtworkRejected.corrupt("The WebP's " + fourCc.strip() + " chunk is too short", null);
        }
    }

    private static int uint24(ByteBuffer b, int at) {
        return Byte.toUnsignedInt(b.get(at)) | Byte.toUnsignedInt(b.get(at + 1)) << 8
                | Byte.toUnsignedInt(b.get(at + 2)) << 16;
    }

    private static String fourCc(ByteBuffer b, int at) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) {
            c[i] = (char) Byte.toUnsignedInt(b.get(at + i));
        }
        return new String(c);
    }
}
