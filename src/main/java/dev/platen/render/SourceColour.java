package dev.platen.render;

import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.Finding;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorSpace;
import dev.platen.color.ColorTransform;
import dev.platen.color.InvalidProfile;
import dev.platen.color.PixelFormat;
import dev.platen.color.RenderingIntent;

import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;

/**
 * What the art's pixels mean, colour-wise, and the pixels in the form the canvas reads them: 8-bit RGB whose
 * values are the file's own samples (so {@link BufferedImage#getRGB} hands them over unconverted), with the ICC
 * profile that describes them. Java's own colour conversion never touches the samples: only LittleCMS converts.
 *
 * <p>The rules, and the findings they leave for the operator:
 * <ul>
 *   <li>RGB with a usable embedded profile (Adobe RGB, Display P3 ...): that profile.</li>
 *   <li>RGB without one: sRGB, with {@code UNTAGGED_RGB} (the web's default, and what a browser shows).</li>
 *   <li>RGB with a broken or mismatched profile: sRGB, with {@code ICC_PROFILE_IGNORED}.</li>
 *   <li>Grey: the grey value on all three channels, read as sRGB (a grey gamma-2.2 image and sRGB neutrals
 *       agree within a count), with {@code GRAY_AS_SRGB} when the file carried its own grey profile.</li>
 *   <li>CMYK: converted to sRGB through its profile (or, untagged, through the stock's own profile) before
 *       placing, with {@code CMYK_ART_VIA_SRGB}: colours outside sRGB are clipped on the way. Keeping CMYK art
 *       in CMYK end to end is later work.</li>
 * </ul>
 */
public record SourceColour(BufferedImage image, ColorProfile profile, List<Finding> findings) implements AutoCloseable {

    public SourceColour {
        findings = List.copyOf(findings);
    }

    public static SourceColour of(ArtworkPixels pixels, ColorProfile stockProfile) {
        List<Finding> findings = new ArrayList<>();
        return switch (pixels.samples()) {
            case "CMYK" -> viaSrgb(pixels, stockProfile, findings);
            case "GRAY" -> {
                if (pixels.iccProfile() != null) {
                    findings.add(new Finding("GRAY_AS_SRGB", "The grey art's own profile is approximated by sRGB "
                            + "neutrals."));
                }
                yield new SourceColour(greyAsRgb(pixels.image()), ColorProfile.srgb(), findings);
            }
            default -> new SourceColour(asRawSrgb(pixels.image()), rgbProfile(pixels.iccProfile(), findings), findings);
        };
    }

    private static ColorProfile rgbProfile(byte[] embedded, List<Finding> findings) {
        if (embedded == null) {
            findings.add(new Finding("UNTAGGED_RGB", "The art has no colour profile; it is taken as sRGB."));
            return ColorProfile.srgb();
        }
        try {
            ColorProfile profile = ColorProfile.fromBytes(embedded);
            if (profile.colorSpace() == ColorSpace.RGB) {
                return profile;
            }
            profile.close();
            findings.add(new Finding("ICC_PROFILE_IGNORED", "The embedded profile is not an RGB profile; the art is "
                    + "taken as sRGB."));
        } catch (InvalidProfile e) {
            findings.add(new Finding("ICC_PROFILE_IGNORED", "The embedded profile cannot be used (" + e.getMessage()
                    + "); the art is taken as sRGB."));
        }
        return ColorProfile.srgb();
    }

    /**
     * The same raster under an sRGB colour model, so that {@code getRGB} returns the stored samples instead of
     * converting them from the decoder's colour space with Java's own CMM.
     */
    static BufferedImage asRawSrgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (!(model instanceof ComponentColorModel) || model.getColorSpace().isCS_sRGB()) {
            return image;
        }
        ComponentColorModel srgb = new ComponentColorModel(java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB),
                model.hasAlpha(), model.isAlphaPremultiplied(),
                model.hasAlpha() ? Transparency.TRANSLUCENT : Transparency.OPAQUE, model.getTransferType());
        if (!srgb.isCompatibleRaster(image.getRaster())) {
            return image;
        }
        return new BufferedImage(srgb, image.getRaster(), image.isAlphaPremultiplied(), null);
    }

    /** Grey samples copied onto R, G and B (alpha kept), without Java's linear-grey conversion. */
    static BufferedImage greyAsRgb(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        boolean alpha = grey.getColorModel().hasAlpha();
        BufferedImage rgb = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        WritableRaster in = grey.getRaster();
        int bits = grey.getColorModel().getComponentSize(0);
        int[] row = new int[w * in.getNumBands()];
        int[] out = new int[w];
        for (int y = 0; y < h; y++) {
            in.getPixels(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                int g = scale(row[x * in.getNumBands()], bits);
                int a = alpha ? scale(row[x * in.getNumBands() + 1], grey.getColorModel().getComponentSize(1)) : 255;
                out[x] = a << 24 | g << 16 | g << 8 | g;
            }
            rgb.setRGB(0, y, w, 1, out, 0, w);
        }
        return rgb;
    }

    private static int scale(int value, int bits) {
        return bits == 8 ? value : (int) Math.round(value * 255.0 / ((1 << bits) - 1));
    }

    private static SourceColour viaSrgb(ArtworkPixels pixels, ColorProfile stockProfile, List<Finding> findings) {
        ColorProfile cmyk = null;
        if (pixels.iccProfile() != null) {
            try {
                cmyk = ColorProfile.fromBytes(pixels.iccProfile());
                if (cmyk.colorSpace() != ColorSpace.CMYK) {
                    cmyk.close();
                    cmyk = null;
                }
            } catch (InvalidProfile e) {
                cmyk = null;
            }
        }
        findings.add(new Finding("CMYK_ART_VIA_SRGB", cmyk == null
                ? "CMYK art without a usable profile is taken as already in the stock's condition and placed via sRGB."
                : "CMYK art is converted through its own profile via sRGB; colours outside sRGB are clipped."));
        BufferedImage image = pixels.image();
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        int[] samples = new int[w * 4];
        byte[] cmykRow = new byte[w * 4];
        byte[] rgbRow = new byte[w * 3];
        int[] out = new int[w];
        try (ColorProfile srgb = ColorProfile.srgb();
             ColorTransform toScreen = ColorTransform.create(cmyk != null ? cmyk : stockProfile, PixelFormat.CMYK_8, srgb,
                     PixelFormat.RGB_8, RenderingIntent.RELATIVE_COLORIMETRIC, true)) {
            int bits = image.getColorModel().getComponentSize(0);
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, samples);
                for (int i = 0; i < w * 4; i++) {
                    cmykRow[i] = (byte) scale(samples[i], bits);
                }
                toScreen.convert(cmykRow, rgbRow, w);
                for (int x = 0; x < w; x++) {
                    out[x] = (rgbRow[3 * x] & 0xFF) << 16 | (rgbRow[3 * x + 1] & 0xFF) << 8 | (rgbRow[3 * x + 2] & 0xFF);
                }
                rgb.setRGB(0, y, w, 1, out, 0, w);
            }
        } finally {
            if (cmyk != null) {
                cmyk.close();
            }
        }
        return new SourceColour(rgb, ColorProfile.srgb(), findings);
    }

    @Override
    public void close() {
        profile.close();
    }
}
