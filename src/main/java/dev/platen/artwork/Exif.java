package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The two Exif facts prepress needs: orientation (how the camera was held) and the resolution the file states.
 * Exif is a TIFF structure, so both are read from its first directory, exactly as in a TIFF file.
 *
 * @param orientation 1..8, 1 when absent or out of range
 * @param resolution  pixels per inch, or null
 */
record Exif(int orientation, @Nullable Resolution resolution) {

    static final Exif NONE = new Exif(1, null);
    static final String INVALID = "EXIF_INVALID";

    /**
     * Reads an Exif block. A broken block costs only its facts, with a finding: the picture itself is fine, and
     * cameras and editors write broken Exif often enough.
     */
    static Exif read(ByteBuffer tiffStructure, List<Finding> findings) {
        try {
            TiffDirectory ifd0 = TiffDirectory.first(tiffStructure);
            return new Exif(orientationOf(ifd0), resolutionOf(ifd0));
        } catch (ArtworkRejected e) {
            findings.add(new Finding(INVALID, "The Exif block is unreadable and was ignored: " + e.getMessage()));
            return NONE;
        }
    }

    static int orientationOf(TiffDirectory ifd) {
        long value = ifd.integer(TiffDirectory.ORIENTATION).orElse(1);
        return value >= 1 && value <= 8 ? (int) value : 1;
    }

    /** ResolutionUnit 1 means "no absolute unit" (an aspect ratio only), 2 inch (the default), 3 centimetre. */
    static @Nullable Resolution resolutionOf(TiffDirectory ifd) {
        OptionalDouble x = ifd.rational(TiffDirectory.X_RESOLUTION);
        OptionalDouble y = ifd.rational(TiffDirectory.Y_RESOLUTION);
        long unit = ifd.integer(TiffDirectory.RESOLUTION_UNIT).orElse(2);
        if (x.isEmpty() || x.getAsDouble() <= 0) {
            return null;
        }
        double perInch = switch ((int) unit) {
            case 2 -> 1;
            case 3 -> 2.54;
            default -> 0;
        };
        if (perInch == 0) {
            return null;
        }
        double yValue = y.isPresent() && y.getAsDouble() > 0 ? y.getAsDouble() : x.getAsDouble();
        return new Resolution(x.getAsDouble() * perInch, yValue * perInch);
    }
}
