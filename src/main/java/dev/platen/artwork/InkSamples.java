package dev.platen.artwork;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;

/**
 * A colour space that only says "four process inks, C M Y K, 0 = no ink", for CMYK art whose samples Platen
 * decoded itself (a CMYK or YCCK JPEG). It converts nothing on purpose: what the inks mean is the embedded
 * profile's business (or the stock's assumed CMYK profile), and only LittleCMS converts. Java's own CMYK handling
 * is exactly what must not touch these samples (TwelveMonkeys' fallback turns untagged CMYK into RGB through a
 * naive formula and writes it into the CMYK bands).
 */
final class InkSamples extends ColorSpace {

    private static final InkSamples INSTANCE = new InkSamples();

    private InkSamples() {
        super(TYPE_CMYK, 4);
    }

    /** An image over {@code raster}, whose four bands are C, M, Y, K ink values. */
    static BufferedImage image(WritableRaster raster) {
        ComponentColorModel model = new ComponentColorModel(INSTANCE, false, false, Transparency.OPAQUE,
                DataBuffer.TYPE_BYTE);
        return new BufferedImage(model, raster, false, null);
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
        return new UnsupportedOperationException("CMYK art samples are ink values; colour conversion belongs to "
                + "dev.platen.color, through the art's profile");
    }
}
