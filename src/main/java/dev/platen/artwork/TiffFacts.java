package dev.platen.artwork;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Reads a TIFF file's first directory into {@link RasterFacts}. */
final class TiffFacts {

    private TiffFacts() {
    }

    static RasterFacts read(ByteBuffer tiff) {
        TiffDirectory ifd = TiffDirectory.first(tiff);
        long width = ifd.integer(TiffDirectory.IMAGE_WIDTH).orElse(0);
        long height = ifd.integer(TiffDirectory.IMAGE_LENGTH).orElse(0);
        if (width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw ArtworkRejected.corrupt("The TIFF declares an image of " + width + "x" + height, null);
        }
        checkImageDataPresent(ifd, tiff.limit());
        List<Finding> findings = new ArrayList<>();
        long photometric = ifd.integer(TiffDirectory.PHOTOMETRIC).orElse(-1);
        long samples = ifd.integer(TiffDirectory.SAMPLES_PER_PIXEL).orElse(1);
        long bits = ifd.integer(TiffDirectory.BITS_PER_SAMPLE).orElse(1);
        boolean alpha = false;
        for (long extra : ifd.integers(TiffDirectory.EXTRA_SAMPLES)) {
            alpha |= extra == 1 || extra == 2; // associated or unassociated alpha; 0 is "unspecified data"
        }
        return new RasterFacts((int) width, (int) height, colorSpace(ifd, photometric, samples), (int) bits, alpha,
                Exif.resolutionOf(ifd), ifd.bytes(TiffDirectory.ICC_PROFILE), Exif.orientationOf(ifd),
                ifd.hasNextDirectory(), findings, coding(ifd.integer(TiffDirectory.COMPRESSION).orElse(1)));
    }

    /**
     * Compression (TIFF 6.0 section 22 and the TIFF Technical Note 2): 6 is the old-style JPEG of TIFF 6.0, 7 the
     * JPEG of the Technical Note, 34892 DNG's lossy JPEG; 34712 is JPEG 2000. Everything else (none, LZW, Deflate,
     * PackBits, CCITT) keeps every sample.
     */
    private static PixelCoding coding(long compression) {
        return switch ((int) compression) {
            case 6, 7, 34892 -> PixelCoding.JPEG;
            case 34712 -> PixelCoding.OTHER_LOSSY;
            default -> PixelCoding.LOSSLESS;
        };
    }

    /** PhotometricInterpretation, TIFF 6.0 and the TIFF-F/Technical Notes additions. */
    private static String colorSpace(TiffDirectory ifd, long photometric, long samples) {
        return switch ((int) photometric) {
            case 0, 1, 4 -> RasterFacts.GRAY;
            case 2, 3, 6 -> RasterFacts.RGB; // RGB, palette, YCbCr: all shown as RGB
            // Separated with InkSet 1 (the default) is CMYK; InkSet 2 is some other set of inks.
            case 5 -> ifd.integer(TiffDirectory.INK_SET).orElse(1) == 1 && samples >= 4
                    ? RasterFacts.CMYK : "DEVICEN";
            case 8, 9, 10 -> RasterFacts.LAB;
            default -> RasterFacts.UNKNOWN;
        };
    }

    /**
     * The first image's strips or tiles must lie inside the file; when they run past its end the file was cut
     * short in transfer. Offsets and byte counts are only numbers in the directory, so this reads no pixels.
     */
    private static void checkImageDataPresent(TiffDirectory ifd, long fileLength) {
        boolean tiled = ifd.has(TiffDirectory.TILE_OFFSETS);
        long[] offsets = ifd.integers(tiled ? TiffDirectory.TILE_OFFSETS : TiffDirectory.STRIP_OFFSETS);
        long[] counts = ifd.integers(tiled ? TiffDirectory.TILE_BYTE_COUNTS : TiffDirectory.STRIP_BYTE_COUNTS);
        if (offsets.length == 0) {
            throw ArtworkRejected.corrupt("The TIFF has no strip or tile offsets", null);
        }
        for (int i = 0; i < offsets.length && i < counts.length; i++) {
            if (offsets[i] < 0 || counts[i] < 0 || offsets[i] + counts[i] > fileLength) {
                throw ArtworkRejected.truncated("The TIFF's image data runs past the end of the file", null);
            }
        }
    }
}
