package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Walks the chunks of a PNG from the signature to IEND. IHDR is validated (and its CRC checked) before anything
 * else, so a header declaring 50000x50000 is known without inflating a byte of image data. Image data chunks
 * (IDAT) are skipped by their length, which also tells a file cut short: a chunk running past the end, or no IEND.
 */
final class PngChunks {

    private static final int SIGNATURE_LENGTH = 8;
    private static final int IHDR = type("IHDR");
    private static final int PLTE = type("PLTE");
    private static final int IDAT = type("IDAT");
    private static final int IEND = type("IEND");
    private static final int PHYS = type("pHYs");
    private static final int TRNS = type("tRNS");
    private static final int ICCP = type("iCCP");
    private static final int EXIF = type("eXIf");
    private static final int ACTL = type("acTL");

    /** Real profiles are well under 1 MB; a bigger one is a decompression bomb, not a profile. */
    private static final int MAX_PROFILE_BYTES = 4 << 20;

    private PngChunks() {
    }

    static RasterFacts read(ByteBuffer png) {
        List<Finding> findings = new ArrayList<>();
        int pos = SIGNATURE_LENGTH;
        int limit = png.limit();
        if (pos + 8 + 13 + 4 > limit) {
            throw ArtworkRejected.truncated("The PNG ends inside its header", null);
        }
        if (png.getInt(pos) != 13 || png.getInt(pos + 4) != IHDR) {
            throw ArtworkRejected.corrupt("The PNG does not start with a valid IHDR chunk", null);
        }
        if (!crcMatches(png, pos, 13)) {
            throw ArtworkRejected.corrupt("The PNG header (IHDR) fails its checksum", null);
        }
        ByteBuffer ihdr = png.slice(pos + 8, 13);
        long width = Integer.toUnsignedLong(ihdr.getInt(0));
        long height = Integer.toUnsignedLong(ihdr.getInt(4));
        int bitDepth = Byte.toUnsignedInt(ihdr.get(8));
        int colourType = Byte.toUnsignedInt(ihdr.get(9));
        validateHeader(width, height, bitDepth, colourType, ihdr);

        @Nullable Resolution dpi = null;
        boolean transparency = false;
        byte @Nullable [] icc = null;
        Exif exif = Exif.NONE;
        boolean animated = false;
        boolean sawImageData = false;
        boolean sawEnd = false;
        pos += 8 + 13 + 4;
        while (pos < limit) {
            if (pos + 8 > limit) {
                throw ArtworkRejected.truncated("The PNG ends inside a chunk header", null);
            }
            long length = Integer.toUnsignedLong(png.getInt(pos));
            int type = png.getInt(pos + 4);
            if (length > Integer.MAX_VALUE) {
                throw ArtworkRejected.corrupt("The PNG has a chunk longer than PNG allows", null);
            }
            if (pos + 12 + length > limit) {
                throw ArtworkRejected.truncated("The PNG ends inside a chunk", null);
            }
            int len = (int) length;
            if (type == IEND) {
                sawEnd = true;
                break;
            }
            if (type == IDAT) {
                sawImageData = true;
            } else if (!sawImageData) {
                // Ancillary chunks with a bad CRC are ignored (PNG spec 13.2); a bad critical chunk is fatal.
                boolean intact = crcMatches(png, pos, len);
                if (!intact && type == PLTE) {
                    throw ArtworkRejected.corrupt("The PNG palette (PLTE) fails its checksum", null);
                }
                ByteBuffer data = png.slice(pos + 8, len);
                if (intact && type == PHYS && len == 9) {
                    dpi = physicalDensity(data);
                } else if (intact && type == TRNS && len > 0) {
                    transparency = true;
                } else if (intact && type == ICCP && icc == null) {
                    icc = inflateProfile(data, findings);
                } else if (intact && type == EXIF) {
                    exif = Exif.read(data, findings);
                } else if (intact && type == ACTL && len == 8) {
                    animated = Integer.toUnsignedLong(data.getInt(0)) > 1;
                }
            }
            pos += 12 + len;
        }
        if (!sawImageData) {
            throw sawEnd ? ArtworkRejected.corrupt("The PNG has no image data (IDAT)", null)
                    : ArtworkRejected.truncated("The PNG ends before its image data", null);
        }
        if (!sawEnd) {
            throw ArtworkRejected.truncated("The PNG ends without its IEND chunk", null);
        }
        boolean alpha = colourType == 4 || colourType == 6 || transparency;
        String colorSpace = colourType == 0 || colourType == 4 ? RasterFacts.GRAY : RasterFacts.RGB;
        // A palette image's IHDR depth is the size of its indices; the colours themselves are 8-bit samples.
        int bitsPerSample = colourType == 3 ? 8 : bitDepth;
        return new RasterFacts((int) width, (int) height, colorSpace, bitsPerSample, alpha, dpi, icc,
                exif.orientation(), animated, findings, PixelCoding.LOSSLESS);
    }

    /** The allowed combinations of colour type and bit depth, PNG spec table 11.1. */
    private static void validateHeader(long width, long height, int bitDepth, int colourType, ByteBuffer ihdr) {
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw ArtworkRejected.corrupt("The PNG header declares " + width + "x" + height, null);
        }
        boolean valid = switch (colourType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!valid) {
            throw ArtworkRejected.corrupt(
                    "The PNG header declares colour type " + colourType + " at bit depth " + bitDepth, null);
        }
        if (ihdr.get(10) != 0 || ihdr.get(11) != 0 || Byte.toUnsignedInt(ihdr.get(12)) > 1) {
            throw ArtworkRejected.corrupt("The PNG header declares an unknown compression, filter or interlace",
                    null);
        }
    }

    /** pHYs unit 1 is the metre; unit 0 states an aspect ratio only. */
    private static @Nullable Resolution physicalDensity(ByteBuffer phys) {
        long x = Integer.toUnsignedLong(phys.getInt(0));
        long y = Integer.toUnsignedLong(phys.getInt(4));
        if (phys.get(8) != 1 || x == 0 || y == 0) {
            return null;
        }
        return new Resolution(x * 0.0254, y * 0.0254);
    }

    private static byte @Nullable [] inflateProfile(ByteBuffer iccp, List<Finding> findings) {
        int nameEnd = 0;
        while (nameEnd < iccp.limit() && iccp.get(nameEnd) != 0) {
            nameEnd++;
        }
        if (nameEnd + 2 > iccp.limit() || iccp.get(nameEnd + 1) != 0) {
            findings.add(new Finding(IccProfile.INVALID, "The PNG's iCCP chunk is malformed; the profile is ignored."));
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(iccp.slice(nameEnd + 2, iccp.limit() - nameEnd - 2));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("compressed profile ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE_BYTES) {
                    throw new DataFormatException("profile inflates beyond " + MAX_PROFILE_BYTES + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            findings.add(new Finding(IccProfile.INVALID,
                    "The PNG's embedded ICC profile does not decompress (" + e.getMessage() + "); it is ignored."));
            return null;
        } finally {
            inflater.end();
        }
    }

    /** CRC-32 over chunk type and data (PNG spec 5.3). */
    private static boolean crcMatches(ByteBuffer png, int chunkStart, int dataLength) {
        CRC32 crc = new CRC32();
        crc.update(png.slice(chunkStart + 4, 4 + dataLength));
        return (int) crc.getValue() == png.getInt(chunkStart + 8 + dataLength);
    }

    private static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}
