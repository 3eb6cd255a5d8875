package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Walks the marker segments of a JPEG up to the first scan (SOS): frame header (SOF), JFIF density (APP0), Exif
 * (APP1), ICC profile chunks (APP2) and the Adobe colour transform (APP14). The entropy-coded data after SOS is
 * never read here.
 */
final class JpegSegments {

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP0 = 0xE0;
    private static final int APP1 = 0xE1;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;

    private JpegSegments() {
    }

    static RasterFacts read(ByteBuffer jpeg) {
        List<Finding> findings = new ArrayList<>();
        int width = -1;
        int height = -1;
        int precision = 8;
        int components = 0;
        PixelCoding coding = PixelCoding.JPEG;
        @Nullable Resolution jfif = null;
        Exif exif = null;
        TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
        int iccDeclaredChunks = 0;
        boolean iccBroken = false;
        int pos = 2;
        int limit = jpeg.limit();
        while (true) {
            // Decoders skip stray bytes before a marker (libjpeg: "extraneous bytes before marker"); so do we.
            while (pos < limit && Byte.toUnsignedInt(jpeg.get(pos)) != 0xFF) {
                pos++;
            }
            while (pos < limit && Byte.toUnsignedInt(jpeg.get(pos)) == 0xFF) {
                pos++; // fill bytes
            }
            if (pos >= limit) {
                throw ArtworkRejected.truncated("The JPEG ends before its first scan", null);
            }
            int marker = Byte.toUnsignedInt(jpeg.get(pos++));
            if (marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == EOI) {
                throw ArtworkRejected.corrupt("The JPEG ends (EOI) before any image data", null);
            }
            if (pos + 2 > limit) {
                throw ArtworkRejected.truncated("The JPEG ends inside a segment header", null);
            }
            int length = Short.toUnsignedInt(jpeg.getShort(pos));
            if (length < 2) {
                throw ArtworkRejected.corrupt("The JPEG has a segment of impossible length " + length, null);
            }
            if (pos + length > limit) {
                throw ArtworkRejected.truncated("The JPEG ends inside a segment", null);
            }
            ByteBuffer body = jpeg.slice(pos + 2, length - 2);
            if (marker == SOS) {
                if (width < 0) {
                    throw ArtworkRejected.corrupt("The JPEG has image data (SOS) before its frame header (SOF)",
                            null);
                }
                break;
            }
            if (isStartOfFrame(marker) && width < 0) {
                if (body.limit() < 6) {
                    throw ArtworkRejected.corrupt("The JPEG frame header is too short", null);
                }
                precision = Byte.toUnsignedInt(body.get(0));
                height = Short.toUnsignedInt(body.getShort(1));
                width = Short.toUnsignedInt(body.getShort(3));
                components = Byte.toUnsignedInt(body.get(5));
                // SOF3, 7, 11 and 15 are JPEG's lossless (predictive) processes: no DCT, no blocks
                coding = (marker & 0x03) == 0x03 ? PixelCoding.LOSSLESS : PixelCoding.JPEG;
                if (width == 0) {
                    throw ArtworkRejected.corrupt("The JPEG frame header declares " + width + "x" + height, null);
                }
            } else if (marker == APP0 && startsWith(body, "JFIF\0") && body.limit() >= 12 && jfif == null) {
                jfif = jfifDensity(body);
            } else if (marker == APP1 && startsWith(body, "Exif\0") && body.limit() > 6 && exif == null) {
                exif = Exif.read(body.slice(6, body.limit() - 6), findings);
            } else if (marker == APP2 && startsWith(body, "ICC_PROFILE\0") && body.limit() >= 14) {
                int sequence = Byte.toUnsignedInt(body.get(12));
                iccDeclaredChunks = Byte.toUnsignedInt(body.get(13));
                byte[] chunk = new byte[body.limit() - 14];
                body.get(14, chunk);
                iccBroken |= iccChunks.put(sequence, chunk) != null;
            }
            pos += length;
        }
        if (height == 0) {
            // A height of 0 defers the height to a DNL marker after the first scan; decoders do not support it.
            throw ArtworkRejected.corrupt("The JPEG defers its height to a DNL marker", null);
        }
        byte[] icc = iccProfile(iccChunks, iccDeclaredChunks, iccBroken, findings);
        Exif ex = exif == null ? Exif.NONE : exif;
        Resolution dpi = jfif != null ? jfif : ex.resolution();
        return new RasterFacts(width, height, colorSpace(components), precision, false, dpi, icc,
                ex.orientation(), false, findings, coding);
    }

    /**
     * The Adobe APP14 segment's colour transform (0 plain CMYK, 1 YCbCr, 2 YCCK), or -1 when the file has none.
     * It decides what a four-component JPEG's samples mean: Adobe's writers store CMYK inverted (255 = no ink)
     * and libjpeg passes them on so; without the segment the samples are plain CMYK. Lenient: a structure
     * {@link #read} would reject has been rejected before this is asked.
     */
    static int adobeTransform(ByteBuffer jpeg) {
        return beforeFirstScan(jpeg, (marker, body) -> marker == APP14 && startsWith(body, "Adobe")
                && body.limit() >= 12 ? Byte.toUnsignedInt(body.get(11)) : null, -1);
    }

    /**
     * Whether the frame is sequential (SOF0 baseline or SOF1 extended, Huffman): its rows come out of the decoder
     * top to bottom in one pass, which is what reading it as a stream of rows needs. Progressive frames are output
     * whole after their last scan.
     */
    static boolean sequential(ByteBuffer jpeg) {
        return beforeFirstScan(jpeg, (marker, body) -> isStartOfFrame(marker) ? marker == 0xC0 || marker == 0xC1
                : null, false);
    }

    /** What a marker segment says, or null to go on to the next segment. */
    private interface SegmentQuestion<T> {
        @Nullable T ask(int marker, ByteBuffer body);
    }

    /**
     * Asks each marker segment before the first scan in turn until one answers; {@code otherwise} when none does.
     * Lenient, for files {@link #read} has accepted: it skips stray bytes and stops at the first malformed segment.
     */
    private static <T> T beforeFirstScan(ByteBuffer jpeg, SegmentQuestion<T> question, T otherwise) {
        int pos = 2;
        int limit = jpeg.limit();
        while (pos + 4 <= limit) {
            if (Byte.toUnsignedInt(jpeg.get(pos)) != 0xFF) {
                pos++;
                continue;
            }
            int marker = Byte.toUnsignedInt(jpeg.get(pos + 1));
            if (marker == 0xFF || marker == SOI || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                pos += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == SOS || marker == EOI) {
                return otherwise;
            }
            int length = Short.toUnsignedInt(jpeg.getShort(pos + 2));
            if (length < 2 || pos + 2 + length > limit) {
                return otherwise;
            }
            T answer = question.ask(marker, jpeg.slice(pos + 4, length - 2));
            if (answer != null) {
                return answer;
            }
            pos += 2 + length;
        }
        return otherwise;
    }

    /** SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * By component count. The Adobe APP14 transform flag (0 none, 1 YCbCr, 2 YCCK) changes nothing here: four
     * components are CMYK to prepress whether stored as plain CMYK, Adobe-inverted CMYK or YCCK.
     */
    private static String colorSpace(int components) {
        return switch (components) {
            case 1 -> RasterFacts.GRAY;
            case 3 -> RasterFacts.RGB;
            case 4 -> RasterFacts.CMYK;
            default -> RasterFacts.UNKNOWN;
        };
    }

    /** JFIF units: 0 aspect ratio only (no resolution), 1 dots per inch, 2 dots per centimetre. */
    private static @Nullable Resolution jfifDensity(ByteBuffer app0) {
        int units = Byte.toUnsignedInt(app0.get(7));
        int x = Short.toUnsignedInt(app0.getShort(8));
        int y = Short.toUnsignedInt(app0.getShort(10));
        if (x == 0 || y == 0) {
            return null;
        }
        return switch (units) {
            case 1 -> new Resolution(x, y);
            case 2 -> new Resolution(x * 2.54, y * 2.54);
            default -> null;
        };
    }

    /**
     * Joins the APP2 chunks in sequence order (ICC.1:2010 annex B.4: numbered from 1, each carrying the total).
     * Missing, repeated or misnumbered chunks make the profile invalid; the TwelveMonkeys decoder ignores such a
     * profile too, so reporting it would promise a colour intent the pixels are not decoded with.
     */
    private static byte @Nullable [] iccProfile(TreeMap<Integer, byte[]> chunks, int declared, boolean repeated,
                                     List<Finding> findings) {
        if (chunks.isEmpty()) {
            return null;
        }
        boolean complete = !repeated && declared > 0 && chunks.size() == declared && chunks.firstKey() == 1
                && chunks.lastKey() == declared;
        if (!complete) {
            findings.add(new Finding(IccProfile.INVALID,
                    "The embedded ICC profile's chunks are missing or misnumbered; the profile is ignored."));
            return null;
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        chunks.values().forEach(joined::writeBytes);
        return joined.toByteArray();
    }

    private static boolean startsWith(ByteBuffer body, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        if (body.limit() < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (body.get(i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
