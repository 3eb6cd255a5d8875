package dev.platen.render;

import dev.platen.catalog.Stock;
import dev.platen.color.BlackPointCompensation;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorSpace;
import dev.platen.color.ColorTransform;
import dev.platen.color.GreyAsBlackInk;
import dev.platen.color.InvalidProfile;
import dev.platen.color.Lab;
import dev.platen.color.PixelFormat;
import dev.platen.color.RenderingIntent;
import dev.platen.color.TransformCache;
import static dev.platen.render.EightBitConversion.clamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.jspecify.annotations.Nullable;

/**
 * The third way of rewriting a PDF page's colours ({@link PdfRecolouring}), beside the print's ({@link
 * PdfArtColours}) and the plates' ({@link PdfPlates}): every colour becomes the CIELAB the stock is asked to print
 * for it, written as DeviceRGB numbers in lcms's 8-bit Lab encoding ({@link PixelFormat#LAB_8}: L* x 255 / 100,
 * a* + 128, b* + 128), so that PDFBox, which renders RGB only, renders a picture of the art's true colours. The
 * soft proof measures the print against it ({@code ProofSheet.ofTarget}).
 *
 * <p>What each colour is held to is what its own conversion in {@link PdfArtColours} aims at, the raster path's
 * rules ({@code StockProof.run}):
 * <ul>
 * <li>RGB (DeviceRGB and CalRGB as sRGB, ICCBased through its profile), Lab (D50) and grey printed as process
 *     colour: the colour through its profile to Lab, relative colorimetric, black point compensated as the stock's
 *     intent does ({@link BlackPointCompensation#of}).</li>
 * <li>DeviceCMYK (through the art's output intent, else the stock's assumed CMYK profile) and ICCBased CMYK: in the
 *     stock's own condition, the colour itself (the print is the art); from another condition, black ink alone is
 *     held to its own lightness (what lcms's K-only intent aims at), every other colour compensated like RGB.</li>
 * <li>ICC grey printed as black ink: the grey's lightness compensated to the stock's black ink, exactly
 *     {@link GreyAsBlackInk#targetLightness}. DeviceGray: black ink {@code 1 - g} in the art's CMYK condition, the
 *     PDF/X meaning of DeviceGray that the print follows.</li>
 * <li>Separation and DeviceN: their alternate's colour through the tint transform, kept spot or not (the TIFF and
 *     the proof show the alternate). {@code /None} paints nothing.</li>
 * </ul>
 * Compensating per colour here, not in the proof, is the point: a single Lab picture no longer knows which colours
 * came from which profile, and each profile has its own black point.
 *
 * <p>Where PDFBox blends (anti-aliased edges, transparency), it blends the encoded numbers: Normal blending in
 * CIELAB is close to blending light for the edges of a shape; Multiply and the other blend modes of a transparency
 * group are not reproduced in Lab (the print's CMYK, rendered ink by ink, is exact).
 */
final class PdfArtReference implements PdfRecolouring.Spaces, AutoCloseable {

    /** Paper: L* 100, a* = b* = 0, as lcms's 8-bit Lab encodes it. */
    static final int[] PAPER = {255, 128, 128};

    private final Stock stock;
    private final ColorProfile press;
    private final TransformCache cache;
    private final byte[] artCmykProfile;
    private final RenderingIntent intent;
    private final NativeHandles owned = new NativeHandles();
    private final PdfColourSpaces reading = new PdfColourSpaces();
    /** Replacements per description (one per space object, see {@link PdfColourSpaces}), masks or not. */
    private final Map<PdfColourSpaces.ColourSpace, PdfRecolouring.Space> known = new IdentityHashMap<>();
    private final ColorProfile lab = ColorProfile.lab();

    PdfArtReference(Stock stock, ColorProfile press, TransformCache cache, byte @Nullable [] outputIntentProfile) {
        this.stock = stock;
        this.press = press;
        this.cache = cache;
        this.artCmykProfile = PdfArtColours.artCmykProfile(outputIntentProfile, stock);
        this.intent = stock.intent();
        owned.add(lab);
    }

    @Override
    public boolean recoloursSoftMasks() {
        return false; // a mask is the same whatever its page's colours are held to
    }

    /** Groups blend in the encoded numbers: DeviceRGB, which PDFBox blends channel by channel as it is. */
    @Override
    public COSBase groupSpace(PdfRecolouring.Space space) {
        return COSName.DEVICERGB;
    }

    @Override
    public PdfRecolouring.Space space(COSBase space, boolean inMask) throws IOException {
        return space(reading.read(space), inMask);
    }

    private PdfRecolouring.Space space(PdfColourSpaces.ColourSpace space, boolean inMask) throws IOException {
        PdfRecolouring.Space s = known.get(space);
        if (s == null) {
            s = reference(space, inMask);
            known.put(space, s);
        }
        return s;
    }

    private PdfRecolouring.Space reference(PdfColourSpaces.ColourSpace space, boolean inMask) throws IOException {
        if (space instanceof PdfColourSpaces.Device device) {
            // in a mask the device values are the luminosity itself; CalGray and CalRGB are held to their colour
            // there too
            boolean asIs = inMask && !device.calibrated();
            return switch (device.family()) {
                case GRAY -> asIs ? asIs(COSName.DEVICEGRAY, 1) : deviceGrey();
                case RGB -> asIs ? asIs(COSName.DEVICERGB, 3) : srgb();
                case CMYK -> deviceCmyk();
            };
        }
        if (space instanceof PdfColourSpaces.CieLab lab) {
            return labSpace(lab);
        }
        if (space instanceof PdfColourSpaces.IccBased icc) {
            return iccBased(icc, inMask);
        }
        if (space instanceof PdfColourSpaces.Separation separation) {
            return spot(1, separation.colorant(), separation.alternate(), separation.tint(), inMask);
        }
        if (space instanceof PdfColourSpaces.DeviceN deviceN) {
            return spot(deviceN.components(), deviceN.names(), deviceN.alternate(), deviceN.tint(), inMask);
        }
        if (space instanceof PdfColourSpaces.Indexed indexed) {
            return PdfArtColours.indexed(indexed, space(indexed.base(), inMask));
        }
        PdfColourSpaces.Pattern pattern = (PdfColourSpaces.Pattern) space;
        return PdfArtColours.pattern(pattern.base() == null ? null : space(pattern.base(), inMask));
    }

    /** Separation or DeviceN: the alternate's colour through the tint transform, kept spot or not. */
    private PdfRecolouring.Space spot(int n, COSBase names, PdfColourSpaces.ColourSpace alternateSpace,
                                      PDFunction tint, boolean inMask) throws IOException {
        float[] initial = new float[n];
        Arrays.fill(initial, 1);
        if (paintsNothing(names)) {
            return new PdfRecolouring.Space(COSName.DEVICERGB, n, 3, (in, count, out) -> Arrays.fill(out, 0,
                    count * 3, 0), null, initial, true);
        }
        PdfRecolouring.Space alternate = space(alternateSpace, inMask);
        return new PdfRecolouring.Space(COSName.DEVICERGB, n, 3,
                PdfArtColours.tintThrough(tint, alternate, n), null, initial);
    }

    /** Separation /None, or DeviceN whose colorants are all /None: marks nothing (PDF 8.6.6.4). */
    static boolean paintsNothing(COSBase names) {
        if (names instanceof COSName n) {
            return "None".equals(n.getName());
        }
        if (names instanceof COSArray a && a.size() > 0) {
            for (int i = 0; i < a.size(); i++) {
                if (!(a.getObject(i) instanceof COSName n) || !"None".equals(n.getName())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static PdfRecolouring.Space asIs(COSName device, int components) {
        return new PdfRecolouring.Space(device, components, components, null, null, new float[components]);
    }

    // ------------------------------------------------------------------------------------------ families

    private PdfRecolouring.Space srgb() {
        ColorProfile srgb = ColorProfile.srgb();
        owned.add(srgb);
        return throughProfile(srgb, PixelFormat.RGB_8, compensation(srgb), new float[3]);
    }

    private PdfRecolouring.Space deviceGrey() {
        if (stock.artPolicy().greyAs() == Stock.GreyAs.PROCESS) {
            // as the print converts it: a gamma 2.2 grey, the raster path's untagged grey
            ColorProfile grey = ColorProfile.gray(2.2);
            owned.add(grey);
            return throughProfile(grey, PixelFormat.GRAY_8, compensation(grey), new float[1]);
        }
        // PDF/X: DeviceGray is black ink 1 - g of the art's condition; the print prints that K on the stock.
        ColorProfile art = cmykProfile();
        PdfRecolouring.ValueMap k = toLabMap(art, PixelFormat.CMYK_8, BlackPointCompensation.none());
        return new PdfRecolouring.Space(COSName.DEVICERGB, 1, 3, (in, n, out) -> {
            float[] cmyk = new float[n * 4];
            for (int i = 0; i < n; i++) {
                cmyk[4 * i + 3] = 1 - in[i];
            }
            k.map(cmyk, n, out);
        }, null, new float[1]);
    }

    private ColorProfile cmykProfile() {
        try {
            ColorProfile art = ColorProfile.fromBytes(artCmykProfile);
            owned.add(art);
            return art;
        } catch (InvalidProfile e) {
            throw new IllegalStateException("the art's CMYK profile was usable for the print", e);
        }
    }

    private PdfRecolouring.Space deviceCmyk() {
        return cmyk(cmykProfile());
    }

    /**
     * CMYK in {@code profile}: the colour itself in the stock's condition; else black ink alone as it is and the
     * rest compensated as the print's black-preserving conversion does (absolute colorimetric falls back to
     * relative there, and so here).
     */
    private PdfRecolouring.Space cmyk(ColorProfile profile) {
        if (profile.sha256().equals(press.sha256())) {
            return throughProfile(profile, PixelFormat.CMYK_8, BlackPointCompensation.none(), new float[] {0, 0, 0, 1});
        }
        RenderingIntent preserving = intent == RenderingIntent.ABSOLUTE_COLORIMETRIC
                ? RenderingIntent.RELATIVE_COLORIMETRIC : intent;
        BlackPointCompensation bpc = BlackPointCompensation.of(profile, press, preserving,
                stock.blackPointCompensation());
        PdfRecolouring.ValueMap compensated = toLabMap(profile, PixelFormat.CMYK_8, bpc);
        PdfRecolouring.ValueMap asIs = toLabMap(profile, PixelFormat.CMYK_8, BlackPointCompensation.none());
        return new PdfRecolouring.Space(COSName.DEVICERGB, 4, 3, (in, n, out) -> {
            float[] one = new float[4];
            float[] lab = new float[3];
            for (int i = 0; i < n; i++) {
                System.arraycopy(in, 4 * i, one, 0, 4);
                boolean blackOnly = Math.round(clamp(one[0]) * 255) == 0 && Math.round(clamp(one[1]) * 255) == 0
                        && Math.round(clamp(one[2]) * 255) == 0;
                (blackOnly ? asIs : compensated).map(one, 1, lab);
                System.arraycopy(lab, 0, out, 3 * i, 3);
            }
        }, null, new float[] {0, 0, 0, 1});
    }

    private PdfRecolouring.Space labSpace(PdfColourSpaces.CieLab space) {
        float[] range = space.range();
        float[] initial = {0, Math.max(range[0], Math.min(range[1], 0)), Math.max(range[2], Math.min(range[3], 0))};
        // D50, as PdfArtColours takes it
        BlackPointCompensation bpc = compensation(lab);
        return new PdfRecolouring.Space(COSName.DEVICERGB, 3, 3, (in, n, out) -> {
            for (int i = 0; i < n; i++) {
                encode(bpc.apply(new Lab(in[3 * i], in[3 * i + 1], in[3 * i + 2])), out, 3 * i);
            }
        }, null, initial);
    }

    private PdfRecolouring.Space iccBased(PdfColourSpaces.IccBased icc, boolean inMask) throws IOException {
        if (icc.profile() == null) {
            return space(icc.instead(), inMask);
        }
        ColorProfile profile = icc.profile();
        int n = icc.n();
        if (inMask && profile.colorSpace() != ColorSpace.CMYK) {
            return asIs(n == 1 ? COSName.DEVICEGRAY : COSName.DEVICERGB, n);
        }
        return switch (profile.colorSpace()) {
            case GRAY -> stock.artPolicy().greyAs() == Stock.GreyAs.K ? greyAsK(profile)
                    : throughProfile(profile, PixelFormat.GRAY_8, compensation(profile), new float[1]);
            case RGB -> throughProfile(profile, PixelFormat.RGB_8, compensation(profile), new float[3]);
            case CMYK -> cmyk(profile);
            case LAB -> labSpace(PdfColourSpaces.CieLab.whole());
        };
    }

    /** ICC grey as black ink: the lightness {@link GreyAsBlackInk} prints each level at, neutral. */
    private PdfRecolouring.Space greyAsK(ColorProfile grey) {
        double[] target = GreyAsBlackInk.targetLightness(grey, press, intent, stock.blackPointCompensation());
        return new PdfRecolouring.Space(COSName.DEVICERGB, 1, 3, (in, n, out) -> {
            for (int i = 0; i < n; i++) {
                encode(new Lab(target[Math.round(clamp(in[i]) * 255)], 0, 0), out, 3 * i);
            }
        }, null, new float[1]);
    }

    private BlackPointCompensation compensation(ColorProfile art) {
        return BlackPointCompensation.of(art, press, intent, stock.blackPointCompensation());
    }

    /**
     * Values quantised to 8 bits (as the print's conversion quantises them), to Lab through {@code profile}
     * relative colorimetric, compensated, encoded.
     */
    private PdfRecolouring.Space throughProfile(ColorProfile profile, PixelFormat format, BlackPointCompensation bpc,
                                                float[] initial) {
        int channels = format.colorSpace().channels();
        return new PdfRecolouring.Space(COSName.DEVICERGB, channels, 3, toLabMap(profile, format, bpc), null, initial);
    }

    /** The colours of {@code format} through {@code profile} to Lab, 8 bits a channel as the press gets them. */
    private PdfRecolouring.ValueMap toLabMap(ColorProfile profile, PixelFormat format, BlackPointCompensation bpc) {
        ColorTransform toLab = cache.transform(profile, format, lab, PixelFormat.LAB_DOUBLE,
                RenderingIntent.RELATIVE_COLORIMETRIC, false);
        owned.add(toLab);
        int channels = format.colorSpace().channels();
        return new EightBitConversion(channels, 3, (codes, colours, out) -> toLab(toLab, codes, colours, bpc, out));
    }

    private static void toLab(ColorTransform toLab, byte[] src, int n, BlackPointCompensation bpc, float[] out) {
        ByteBuffer lab = ByteBuffer.allocate(n * 24).order(ByteOrder.nativeOrder());
        toLab.convert(ByteBuffer.wrap(src), lab, n);
        for (int i = 0; i < n; i++) {
            Lab colour = new Lab(lab.getDouble(24 * i), lab.getDouble(24 * i + 8), lab.getDouble(24 * i + 16));
            encode(bpc.apply(colour), out, 3 * i);
        }
    }

    /**
     * A CIELAB colour as the three DeviceRGB numbers of its 8-bit encoding. A quarter count above the code, as in
     * {@link PdfPlates}: PDFBox and Java2D round some paths and truncate others, and both give the code back.
     */
    static void encode(Lab colour, float[] out, int at) {
        int[] code = {(int) Math.round(colour.lightness() * 255 / 100), (int) Math.round(colour.a() + 128),
                (int) Math.round(colour.b() + 128)};
        for (int c = 0; c < 3; c++) {
            int v = Math.max(0, Math.min(255, code[c]));
            out[at + c] = Math.min(1, (v + 0.25f) / 255);
        }
    }

    @Override
    public void close() {
        owned.close();
        reading.close();
    }
}
