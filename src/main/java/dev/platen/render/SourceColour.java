package dev.platen.render;

import dev.platen.artwork.ArtworkPixels;
import dev.platen.artwork.Finding;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorSpace;
import dev.platen.color.ColorTransform;
import dev.platen.color.InvalidProfile;
import dev.platen.color.PixelFormat;
import dev.platen.color.RenderingIntent;
import org.jspecify.annotations.Nullable;

import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the art's pixels mean, colour-wise, and how they go to the stock's inks. The samples stay in the art's own
 * channels (RGB, grey or CMYK) all the way to the separation: Java's own colour conversion never touches them,
 * only LittleCMS converts, once.
 *
 * <p>The rules, and the finding each leaves (one fact, one finding):
 * <ul>
 *   <li>RGB with a usable embedded RGB profile (Adobe RGB, Display P3 ...): that profile, separated with the
 *       stock's intent, BPC and ink limit. Without one: sRGB, {@code UNTAGGED_RGB} (the web's default, what a
 *       browser shows). With a broken or mismatched one: sRGB, {@code ICC_PROFILE_IGNORED}.</li>
 *   <li>CMYK with a usable CMYK profile: converted from it to the stock's CMYK with black preserved
 *       ({@code CMYK_PROFILE_USED}); without one, from the stock's assumed CMYK profile
 *       ({@code ASSUMED_CMYK_PROFILE}); when that profile is the stock's own (same bytes), the inks pass through
 *       untouched ({@code CMYK_PASSED_THROUGH}). See {@link Route}.</li>
 *   <li>Grey: its own grey profile, or (untagged) sRGB neutrals; printed in black ink only by default
 *       ({@code GREY_AS_K}), four-colour when the stock says {@code greyAs: process}.</li>
 * </ul>
 *
 * @param image    the art; for RGB an image whose {@code getRGB} gives the stored samples unconverted, for grey
 *                 and CMYK the decoded image whose raster holds the samples (8 or 16 bit; its ColorModel is
 *                 not trusted for colour)
 * @param samples  the art's channels
 * @param profile  what the samples mean: the art's own profile, sRGB, or the assumed CMYK profile
 * @param route    how the samples become the stock's inks
 * @param findings what was decided, for the placement's record
 */
public record SourceColour(BufferedImage image, Samples samples, ColorProfile profile, Route route,
                           List<Finding> findings) implements AutoCloseable {

    /** The art's channels, as the canvas reads them (8 bits each). */
    public enum Samples {
        RGB(3), GREY(1), CMYK(4);

        private final int channels;

        Samples(int channels) {
            this.channels = channels;
        }

        public int channels() {
            return channels;
        }
    }

    /** How the art's samples become the stock's CMYK. */
    public enum Route {
        /** LittleCMS from the art's profile to the stock's: intent, BPC, precision and ink limit of the stock. */
        SEPARATED,
        /**
         * CMYK to CMYK with black preserved: lcms's K-only variant of the stock's intent (pure K stays pure K,
         * everything else colorimetric; an absolute colorimetric stock gets the relative variant, lcms has no
         * absolute one), then the stock's ink limit in Java ({@code InkLimit.limit}).
         */
        BLACK_PRESERVED,
        /** The art is already in the stock's condition: its inks untouched, apart from the stock's ink limit. */
        PASSED_THROUGH,
        /** Grey in black ink only, its lightness kept ({@code GreyAsBlackInk}). */
        GREY_AS_K
    }

    public SourceColour {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(route, "route");
        findings = List.copyOf(findings);
    }

    /** RGB art separated by LittleCMS (tests and tools that hand over an sRGB-like image and its profile). */
    public SourceColour(BufferedImage image, ColorProfile profile, List<Finding> findings) {
        this(image, Samples.RGB, profile, Route.SEPARATED, findings);
    }

    /** With the stock's art policy: its assumed CMYK profile for untagged CMYK, and grey as K or as process. */
    public static SourceColour of(ArtworkPixels pixels, Stock stock, ColorProfile press) {
        if ("CMYK".equals(pixels.samples())) {
            try (ColorProfile assumed = stock.artPolicy().openAssumedCmykProfile()) {
                return of(pixels, press, assumed, stock.artPolicy().greyAs());
            }
        }
        return of(pixels, press, press, stock.artPolicy().greyAs());
    }

    /** With the default art policy: untagged CMYK taken as the stock's own condition, grey as K. */
    public static SourceColour of(ArtworkPixels pixels, ColorProfile press) {
        return of(pixels, press, press, Stock.GreyAs.K);
    }

    /**
     * @param assumedCmyk the profile untagged CMYK is taken to be in (not closed here; the result has its own)
     */
    public static SourceColour of(ArtworkPixels pixels, ColorProfile press, ColorProfile assumedCmyk,
                                  Stock.GreyAs greyAs) {
        List<Finding> findings = new ArrayList<>();
        return switch (pixels.samples()) {
            case "CMYK" -> cmyk(pixels, press, assumedCmyk, findings);
            case "GRAY" -> grey(pixels, greyAs, findings);
            default -> new SourceColour(asRawSrgb(pixels.image()), Samples.RGB,
                    rgbProfile(pixels.iccProfile(), findings), Route.SEPARATED, findings);
        };
    }

    private static SourceColour cmyk(ArtworkPixels pixels, ColorProfile press, ColorProfile assumedCmyk,
                                     List<Finding> findings) {
        ColorProfile own = embedded(pixels.iccProfile(), ColorSpace.CMYK);
        ColorProfile profile;
        if (own != null) {
            profile = own;
        } else {
            profile = copy(assumedCmyk);
            findings.add(new Finding(Finding.ASSUMED_CMYK_PROFILE, "The CMYK art has no usable colour profile"
                    + (pixels.iccProfile() != null ? " (its embedded one cannot be used)" : "")
                    + "; its inks are taken to be in '" + profile.description()
                    + "', the stock's assumed CMYK condition."));
        }
        if (profile.sha256().equals(press.sha256())) {
            findings.add(new Finding(Finding.CMYK_PASSED_THROUGH, "The CMYK art is already in the stock's condition ('"
                    + press.description() + "'); its inks pass through untouched, apart from the stock's ink "
                    + "limit."));
            return new SourceColour(pixels.image(), Samples.CMYK, profile, Route.PASSED_THROUGH, findings);
        }
        if (own != null) {
            findings.add(new Finding(Finding.CMYK_PROFILE_USED, "The CMYK art is converted from its own profile '"
                    + own.description() + "' to the stock's '" + press.description() + "', black preserved: "
                    + "black-only text and rules stay black only."));
        }
        return new SourceColour(pixels.image(), Samples.CMYK, profile, Route.BLACK_PRESERVED, findings);
    }

    private static SourceColour grey(ArtworkPixels pixels, Stock.GreyAs greyAs, List<Finding> findings) {
        ColorProfile own = embedded(pixels.iccProfile(), ColorSpace.GRAY);
        ColorProfile profile = own != null ? own : ColorProfile.srgb();
        if (greyAs == Stock.GreyAs.K) {
            findings.add(new Finding(Finding.GREY_AS_K, "The grey art prints in black ink only, each grey's lightness "
                    + "kept through the stock's black ink" + (own != null ? " (from its profile '"
                    + own.description() + "')" : " (its levels taken as sRGB neutrals)") + "."));
            return new SourceColour(pixels.image(), Samples.GREY, profile, Route.GREY_AS_K, findings);
        }
        return new SourceColour(pixels.image(), Samples.GREY, profile, Route.SEPARATED, findings);
    }

    /** The embedded profile if it opens and is of {@code space}, else null. */
    private static @Nullable ColorProfile embedded(byte @Nullable [] bytes, ColorSpace space) {
        if (bytes == null) {
            return null;
        }
        try {
            ColorProfile profile = ColorProfile.fromBytes(bytes);
            if (profile.colorSpace() == space) {
                return profile;
            }
            profile.close();
        } catch (InvalidProfile e) {
            // unusable: the caller falls back and says so
        }
        return null;
    }

    private static ColorProfile copy(ColorProfile profile) {
        try {
            return ColorProfile.fromBytes(profile.bytes());
        } catch (InvalidProfile e) {
            throw new IllegalStateException("a profile that opened once no longer opens", e);
        }
    }

    private static ColorProfile rgbProfile(byte @Nullable [] embedded, List<Finding> findings) {
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
     * The format LittleCMS reads this art's 8-bit samples in: grey under an RGB profile (untagged grey, taken as
     * sRGB neutrals) is read as R = G = B, see {@link #forLcms}.
     */
    public PixelFormat lcmsFormat() {
        return switch (samples) {
            case RGB -> PixelFormat.RGB_8;
            case CMYK -> PixelFormat.CMYK_8;
            case GREY -> profile.colorSpace() == ColorSpace.GRAY ? PixelFormat.GRAY_8 : PixelFormat.RGB_8;
        };
    }

    /** {@code n} pixels of canvas samples as {@link #lcmsFormat()} wants them (grey levels tripled for RGB). */
    public byte[] forLcms(byte[] canvasSamples, int n) {
        if (samples != Samples.GREY || lcmsFormat() == PixelFormat.GRAY_8) {
            return canvasSamples;
        }
        byte[] rgb = new byte[n * 3];
        for (int i = 0; i < n; i++) {
            rgb[3 * i] = canvasSamples[i];
            rgb[3 * i + 1] = canvasSamples[i];
            rgb[3 * i + 2] = canvasSamples[i];
        }
        return rgb;
    }

    /**
     * The art as 8-bit sRGB for the checks that judge pixels by eye (sharpness, blocking, margins): RGB art as it
     * is (its samples, as every check has always read them), grey levels on R, G and B, CMYK through its profile to
     * sRGB by LittleCMS (relative colorimetric with BPC, as a screen shows it). Alpha is kept.
     */
    public BufferedImage onScreen() {
        return switch (samples) {
            case RGB -> image;
            case GREY -> greyAsRgb(image);
            case CMYK -> cmykOnScreen();
        };
    }

    private BufferedImage cmykOnScreen() {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage rgb = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        WritableRaster raster = image.getRaster();
        int bands = raster.getNumBands();
        int bits = image.getColorModel().getComponentSize(0);
        int[] row = new int[w * bands];
        byte[] cmyk = new byte[w * 4];
        byte[] screen = new byte[w * 3];
        int[] out = new int[w];
        try (ColorProfile srgb = ColorProfile.srgb();
             ColorTransform toScreen = ColorTransform.create(profile, PixelFormat.CMYK_8, srgb, PixelFormat.RGB_8,
                     RenderingIntent.RELATIVE_COLORIMETRIC, true)) {
            for (int y = 0; y < h; y++) {
                raster.getPixels(0, y, w, 1, row);
                for (int x = 0; x < w; x++) {
                    for (int c = 0; c < 4; c++) {
                        cmyk[4 * x + c] = (byte) scale(row[x * bands + c], bits);
                    }
                }
                toScreen.convert(cmyk, screen, w);
                for (int x = 0; x < w; x++) {
                    int a = alpha ? scale(row[x * bands + 4], image.getColorModel().getComponentSize(4)) : 255;
                    out[x] = a << 24 | (screen[3 * x] & 0xFF) << 16 | (screen[3 * x + 1] & 0xFF) << 8
                            | (screen[3 * x + 2] & 0xFF);
                }
                rgb.setRGB(0, y, w, 1, out, 0, w);
            }
        }
        return rgb;
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

    /** A sample of {@code bits} bits as 8 bits, rounded (16-bit art is placed on an 8-bit canvas). */
    static int scale(int value, int bits) {
        return bits == 8 ? value : (int) Math.round(value * 255.0 / ((1L << bits) - 1));
    }

    @Override
    public void close() {
        if (image.getRaster() instanceof dev.platen.artwork.StreamedRows rows) {
            rows.close(); // stops its decoder if the print stopped early
        }
        profile.close();
    }
}
