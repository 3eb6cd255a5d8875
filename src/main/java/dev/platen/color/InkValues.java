package dev.platen.color;

import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * A Java colour space that only says "four process inks, C M Y K, 0 = no ink", and converts nothing: what ink
 * values mean is an ICC profile's business, and only LittleCMS converts.
 *
 * <p>CMYK art Platen decoded itself (a CMYK or YCCK JPEG) needs a {@link java.awt.color.ColorSpace#TYPE_CMYK} space
 * and must not get Java's own CMYK handling: TwelveMonkeys' fallback for an untagged CMYK space turns the inks into
 * RGB through a naive formula and writes that into the CMYK bands.
 */
public final class InkValues extends java.awt.color.ColorSpace {

    /** The one instance: the space has no state. */
    public static final InkValues SPACE = new InkValues();

    private InkValues() {
        super(TYPE_CMYK, 4);
    }

    /** An opaque 8-bit colour model over this space. */
    public static ComponentColorModel colorModel() {
        return new ComponentColorModel(SPACE, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
    }

    /** An image over {@code raster}, whose four 8-bit bands are C, M, Y, K ink values. */
    public static BufferedImage image(WritableRaster raster) {
        return new BufferedImage(colorModel(), raster, false, null);
    }

    @Override
    public float[] toRGB(float[] colorvalue) {
        throw unmanaged();
    }

    @Override
    public float[] fromRGB(float[] rgbvalue) {
        throw unmanaged();
    }

    @Override
    public float[] toCIEXYZ(float[] colorvalue) {
        throw unmanaged();
    }

    @Override
    public float[] fromCIEXYZ(float[] colorvalue) {
        throw unmanaged();
    }

    private static UnsupportedOperationException unmanaged() {
        return new UnsupportedOperationException("CMYK samples are ink values; colour conversion goes through an ICC "
                + "profile in LittleCMS (dev.platen.color)");
    }
}
