package dev.platen.render;

import java.awt.color.ColorSpace;

/**
 * A colour space that only says "four process inks, C M Y K", for the TIFF writer.
 *
 * <p>ImageIO writers decide PhotometricInterpretation from the colour model's space type, so the canvas needs a
 * space of {@link ColorSpace#TYPE_CMYK}. An {@link java.awt.color.ICC_ColorSpace} made from the stock's profile
 * would do, but TwelveMonkeys then embeds {@code ICC_Profile.getData()}, and the JDK's LittleCMS rewrites the
 * header on the way (CMM type and creator become {@code lcms}), so the file would not carry the stock's profile
 * byte for byte and its SHA-256 in the provenance would be wrong. With this space the writer embeds nothing and
 * {@link CmykTiff} adds the exact profile itself.
 *
 * <p>It converts nothing: colour conversion belongs to the colour module, and nothing on the writing path asks.
 */
final class InkSeparationSpace extends ColorSpace {

    static final InkSeparationSpace INSTANCE = new InkSeparationSpace();

    private InkSeparationSpace() {
        super(TYPE_CMYK, 4);
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
        return new UnsupportedOperationException(
                "print-file CMYK is device ink values; colour conversion belongs to dev.platen.color");
    }
}
