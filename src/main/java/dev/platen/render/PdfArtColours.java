package dev.platen.render;

import dev.platen.artwork.Finding;
import static dev.platen.artwork.Finding.ASSUMED_CMYK_PROFILE;
import static dev.platen.artwork.Finding.CMYK_PASSED_THROUGH;
import static dev.platen.artwork.Finding.CMYK_PROFILE_USED;
import static dev.platen.artwork.Finding.SPOT_COLOUR_CONVERTED;
import static dev.platen.artwork.Finding.SPOT_COLOUR_KEPT;
import dev.platen.catalog.Stock;
import dev.platen.color.ColorProfile;
import dev.platen.color.ColorSpace;
import dev.platen.color.ColorTransform;
import dev.platen.color.GreyAsBlackInk;
import dev.platen.color.InkLimit;
import dev.platen.color.InvalidProfile;
import dev.platen.color.PixelFormat;
import dev.platen.color.RenderingIntent;
import dev.platen.color.RenderingOptions;
import dev.platen.color.TransformCache;
import static dev.platen.render.EightBitConversion.clamp;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.jspecify.annotations.Nullable;

/**
 * What each colour space of PDF art becomes in the print file: the stock's CMYK, with the same LittleCMS options
 * raster art gets (the stock's intent, black point compensation, precision and ink limit, as {@link StockSeparation}
 * builds them).
 *
 * <ul>
 * <li>DeviceRGB, CalRGB and RGB ICCBased, Lab: converted to DeviceCMYK values by lcms. DeviceRGB and CalRGB are
 *     taken as sRGB, as untagged raster art is (CalRGB's own primaries are not modelled; CalRGB is rare in print
 *     art and sRGB is what the applications that still write it mean).</li>
 * <li>Grey, with the stock's {@code greyAs: k} (default): black ink only. DeviceGray is K = 1 - g, the mapping every
 *     PDF/X RIP applies to DeviceGray under a CMYK output intent (a 50 % grey set in a layout program is meant as
 *     K 50 %). ICCBased grey has a tone curve of its own, so its lightness is kept, exactly as raster grey art's
 *     ({@link GreyAsBlackInk}: the grey's L* compensated to the stock's black ink, then the K with that L*).
 *     {@code greyAs: process} converts grey like colour.</li>
 * <li>DeviceCMYK: kept as it is when it already is the stock's condition (the art's output intent profile, or
 *     without one the stock's assumed CMYK profile, is the stock's profile by SHA-256); otherwise converted
 *     CMYK to CMYK from that profile with lcms's K-only black preservation (pure K stays pure K) and the ink limit
 *     applied after it ({@link InkLimit#limit}), because lcms cannot limit ink inside a black-preserving transform.
 *     For an absolute colorimetric stock the relative K-only intent is used: lcms has no absolute variant.</li>
 * <li>Separation and DeviceN: with {@code spotColours: keep} the names stay and the alternate becomes DeviceCMYK
 *     through a sampled tint transform (the original tint transform, then the conversion of its alternate space);
 *     with {@code convert} the values become DeviceCMYK. {@code /None} is always kept (it marks nothing; as process
 *     colour it would paint).</li>
 * <li>Indexed: the palette is converted, the indices stay. Pattern: its underlying space is converted.</li>
 * <li>Inside a soft mask's group, grey stays grey: a luminosity mask's values are its greys, and K's lightness is
 *     not the grey's.</li>
 * </ul>
 */
final class PdfArtColours implements PdfRecolouring.Spaces, AutoCloseable {

    private final PDDocument document;
    private final Stock stock;
    private final ColorProfile press;
    private final TransformCache cache;
    private final RenderingOptions options;
    private final byte[] artCmykProfile;
    private final boolean artCmykFromOutputIntent;
    private final NativeHandles owned = new NativeHandles();
    private final PdfColourSpaces reading = new PdfColourSpaces();
    /** Replacements per description (one per space object, see {@link PdfColourSpaces}), apart inside masks. */
    private final Map<PdfColourSpaces.ColourSpace, PdfRecolouring.Space> spaces = new IdentityHashMap<>();
    private final Map<PdfColourSpaces.ColourSpace, PdfRecolouring.Space> maskSpaces = new IdentityHashMap<>();
    private final Map<String, PdfRecolouring.ValueMap> byProfile = new HashMap<>();
    private final Set<String> keptSpots = new LinkedHashSet<>();
    private final Set<String> convertedSpots = new LinkedHashSet<>();
    private final Set<PdfRecolouring.Space> keptCmyk = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Long, Boolean> limitedColours = new HashMap<>();
    private long inkLimitedPixels;
    private @Nullable String cmykFinding;
    private @Nullable String cmykMessage;

    /**
     * @param outputIntentProfile the art's own output intent profile (PDF/X), null when it has none
     */
    PdfArtColours(PDDocument document, Stock stock, ColorProfile press, TransformCache cache,
                  byte @Nullable [] outputIntentProfile) {
        this.document = document;
        this.stock = stock;
        this.press = press;
        this.cache = cache;
        this.options = RenderingOptions.of(stock.intent(), stock.blackPointCompensation())
                .withPrecision(stock.precision()).withInkLimit(stock.inkLimit());
        this.artCmykFromOutputIntent = cmykOutputIntent(outputIntentProfile) != null;
        this.artCmykProfile = artCmykProfile(outputIntentProfile, stock);
    }

    /** The output intent profile when it is a usable CMYK profile, else null. */
    private static byte @Nullable [] cmykOutputIntent(byte @Nullable [] outputIntentProfile) {
        if (outputIntentProfile == null) {
            return null;
        }
        try (ColorProfile p = ColorProfile.fromBytes(outputIntentProfile)) {
            // an RGB output intent says nothing about the art's DeviceCMYK
            return p.colorSpace() == ColorSpace.CMYK ? outputIntentProfile : null;
        } catch (InvalidProfile e) {
            return null;
        }
    }

    /** What the art's DeviceCMYK means: its CMYK output intent, else the stock's assumed CMYK profile. */
    static byte[] artCmykProfile(byte @Nullable [] outputIntentProfile, Stock stock) {
        byte[] intent = cmykOutputIntent(outputIntentProfile);
        if (intent != null) {
            return intent;
        }
        try (ColorProfile assumed = stock.artPolicy().openAssumedCmykProfile()) {
            return assumed.bytes();
        }
    }

    /**
     * Kept CMYK (already the stock's condition) through the stock's ink limit, by lcms's own formula
     * ({@link InkLimit#limit}): a colour over the limit gets its C, M and Y reduced, K kept; a colour within it is
     * returned as the very numbers it came with, so the walk writes its operands and images as they were.
     * Colours are counted once each by their 8-bit values; image samples come in rows and count pixel by pixel.
     */
    private void limitInk(float[] in, int n, float[] out) {
        byte[] cmyk = new byte[4];
        for (int i = 0; i < n; i++) {
            long key = 0;
            for (int c = 0; c < 4; c++) {
                cmyk[c] = EightBitConversion.code(in[4 * i + c]);
                key = key << 8 | (cmyk[c] & 0xFF);
            }
            if (stock.inkLimit().limit(cmyk, 1) == 0) {
                System.arraycopy(in, 4 * i, out, 4 * i, 4);
                continue;
            }
            if (n > 1) {
                inkLimitedPixels++;
            } else {
                limitedColours.put(key, Boolean.TRUE);
            }
            for (int c = 0; c < 4; c++) {
                out[4 * i + c] = (cmyk[c] & 0xFF) / 255f;
            }
        }
    }

    /** What the conversion did, one finding per fact: CMYK handling once, spot colours once with their names. */
    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        if (cmykFinding != null && cmykMessage != null) { // set together
            findings.add(new Finding(cmykFinding, cmykMessage));
        }
        if (!limitedColours.isEmpty() || inkLimitedPixels > 0) {
            findings.add(new Finding(Finding.INK_LIMIT_APPLIED, String.format(java.util.Locale.ROOT,
                    "The stock's ink limit of %.0f %% had to act on the PDF's CMYK kept as it is: %d colour(s) of "
                    + "its vectors and %d image pixel(s) were over it; their C, M and Y were reduced, K kept.",
                    stock.inkLimit().percent(), limitedColours.size(), inkLimitedPixels)));
        }
        if (!keptSpots.isEmpty()) {
            findings.add(new Finding(SPOT_COLOUR_KEPT, "Spot colours kept as their own inks in the PDF/X-4 (their "
                    + "alternate converted to the stock's CMYK for proofs and the TIFF): " + String.join(", ",
                    keptSpots)));
        }
        if (!convertedSpots.isEmpty()) {
            findings.add(new Finding(SPOT_COLOUR_CONVERTED, "Spot colours printed in the stock's CMYK (the stock "
                    + "takes no spot inks): " + String.join(", ", convertedSpots)));
        }
        return findings;
    }

    Set<String> keptSpots() {
        return keptSpots;
    }

    @Override
    public boolean recoloursSoftMasks() {
        return true;
    }

    @Override
    public PdfRecolouring.Space space(COSBase space, boolean inMask) throws IOException {
        return space(reading.read(space), inMask);
    }

    private PdfRecolouring.Space space(PdfColourSpaces.ColourSpace space, boolean inMask) throws IOException {
        Map<PdfColourSpaces.ColourSpace, PdfRecolouring.Space> memo = inMask ? maskSpaces : spaces;
        PdfRecolouring.Space known = memo.get(space);
        if (known == null) {
            known = convert(space, inMask);
            memo.put(space, known);
        }
        return known;
    }

    private PdfRecolouring.Space convert(PdfColourSpaces.ColourSpace space, boolean inMask) throws IOException {
        if (space instanceof PdfColourSpaces.Device device) {
            return switch (device.family()) {
                case GRAY -> grey(inMask, null);
                case RGB -> toCmyk(3, srgbMap(), new float[3]);
                case CMYK -> deviceCmyk();
            };
        }
        if (space instanceof PdfColourSpaces.CieLab lab) {
            return lab(lab);
        }
        if (space instanceof PdfColourSpaces.IccBased icc) {
            return iccBased(icc, inMask);
        }
        if (space instanceof PdfColourSpaces.Separation separation) {
            return separation(separation, inMask);
        }
        if (space instanceof PdfColourSpaces.DeviceN deviceN) {
            return deviceN(deviceN, inMask);
        }
        if (space instanceof PdfColourSpaces.Indexed indexed) {
            return indexed(indexed, space(indexed.base(), inMask));
        }
        PdfColourSpaces.Pattern pattern = (PdfColourSpaces.Pattern) space;
        return pattern(pattern.base() == null ? null : space(pattern.base(), inMask));
    }

    /** A Pattern space over {@code base}, its underlying space's replacement (null for coloured patterns). */
    static PdfRecolouring.Space pattern(PdfRecolouring.@Nullable Space base) {
        if (base == null) {
            return new PdfRecolouring.Space(COSName.PATTERN, 0, 0, null, null, null);
        }
        COSArray result = new COSArray();
        result.add(COSName.PATTERN);
        result.add(base.result());
        return new PdfRecolouring.Space(result, base.inComponents(), base.outComponents(), null, base, null);
    }

    private static PdfRecolouring.Space toCmyk(int components, PdfRecolouring.@Nullable ValueMap values,
                                               float[] initial) {
        return new PdfRecolouring.Space(COSName.DEVICECMYK, components, 4, values, null, initial);
    }

    // ------------------------------------------------------------------------------------------ families

    private PdfRecolouring.Space grey(boolean inMask, @Nullable ColorProfile profile) throws IOException {
        if (inMask && profile == null) {
            return new PdfRecolouring.Space(COSName.DEVICEGRAY, 1, 1, null, null, new float[1]);
        }
        if (inMask) {
            // an ICC grey in a mask: its values as DeviceGray (the mask's luminosity is the grey itself)
            return new PdfRecolouring.Space(COSName.DEVICEGRAY, 1, 1, (in, n, out) -> System.arraycopy(in, 0, out,
                    0, n), null, new float[1]);
        }
        if (stock.artPolicy().greyAs() == Stock.GreyAs.PROCESS) {
            if (profile != null) {
                return toCmyk(1, lcmsMap(profile, PixelFormat.GRAY_8, options, null), new float[1]);
            }
            try (ColorProfile assumed = ColorProfile.gray(2.2)) {
                return toCmyk(1, lcmsMap(assumed, PixelFormat.GRAY_8, options, null), new float[1]);
            }
        }
        if (profile == null) {
            // DeviceGray has no tone curve of its own to keep: under a CMYK output intent it is the condition's
            // black ink, K = 1 - g (how PDF/X RIPs and Acrobat's output preview treat it; a 50 % grey set in a
            // layout program is meant as K 50 %). GreyAsBlackInk would read it through an assumed gamma and move
            // every tint the designer chose.
            return toCmyk(1, (in, n, out) -> {
                for (int i = 0; i < n; i++) {
                    out[4 * i] = 0;
                    out[4 * i + 1] = 0;
                    out[4 * i + 2] = 0;
                    out[4 * i + 3] = 1 - clamp(in[i]);
                }
            }, new float[1]);
        }
        // ICC grey has a tone curve: its lightness is kept, exactly as raster grey art's (one grey-to-K for both)
        byte[] lut = GreyAsBlackInk.inks(profile, press, stock.intent(), stock.blackPointCompensation());
        return toCmyk(1, (in, n, out) -> {
            for (int i = 0; i < n; i++) {
                int g = Math.round(clamp(in[i]) * 255);
                out[4 * i] = 0;
                out[4 * i + 1] = 0;
                out[4 * i + 2] = 0;
                out[4 * i + 3] = (lut[g] & 0xFF) / 255f;
            }
        }, new float[1]);
    }

    private PdfRecolouring.Space lab(PdfColourSpaces.CieLab space) {
        float[] range = space.range();
        float[] initial = {0, Math.max(range[0], Math.min(range[1], 0)), Math.max(range[2], Math.min(range[3], 0))};
        // the white point is taken as D50 (PdfColourSpaces.CieLab says why)
        try (ColorProfile lab = ColorProfile.lab()) {
            ColorTransform t = cache.transform(lab, PixelFormat.LAB_DOUBLE, press, PixelFormat.CMYK_8, options);
            owned.add(t);
            return toCmyk(3, (in, n, out) -> {
                ByteBuffer src = ByteBuffer.allocate(n * 24).order(ByteOrder.nativeOrder());
                for (int i = 0; i < n * 3; i++) {
                    src.putDouble(i * 8, in[i]);
                }
                byte[] cmyk = new byte[n * 4];
                t.convert(src, ByteBuffer.wrap(cmyk), n);
                for (int i = 0; i < n * 4; i++) {
                    out[i] = (cmyk[i] & 0xFF) / 255f;
                }
            }, initial);
        }
    }

    private PdfRecolouring.Space iccBased(PdfColourSpaces.IccBased icc, boolean inMask) throws IOException {
        if (icc.profile() == null) {
            return space(icc.instead(), inMask);
        }
        ColorProfile profile = icc.profile();
        int n = icc.n();
        float[] initial = new float[Math.max(n, 1)];
        float[] range = icc.range();
        if (range != null && range.length >= 2 * n) {
            for (int i = 0; i < n; i++) {
                initial[i] = Math.max(range[2 * i], Math.min(range[2 * i + 1], 0));
            }
        }
        return switch (profile.colorSpace()) {
            case GRAY -> grey(inMask, profile);
            case RGB -> toCmyk(3, lcmsMap(profile, PixelFormat.RGB_8, options, null), initial);
            case CMYK -> cmyk(profile);
            case LAB -> lab(PdfColourSpaces.CieLab.whole());
        };
    }

    private PdfRecolouring.Space deviceCmyk() throws IOException {
        try (ColorProfile art = ColorProfile.fromBytes(artCmykProfile)) {
            return cmyk(art);
        } catch (InvalidProfile e) {
            throw new PdfRecolouring.Unconvertible("the art's CMYK profile is not usable: " + e.getMessage());
        }
    }

    /** CMYK in {@code profile}: kept when it is the stock's, else converted with black preserved. */
    private PdfRecolouring.Space cmyk(ColorProfile profile) {
        boolean same = profile.sha256().equals(press.sha256());
        if (cmykFinding == null || same && !CMYK_PASSED_THROUGH.equals(cmykFinding)) {
            if (same) {
                cmykFinding = CMYK_PASSED_THROUGH;
                cmykMessage = "The PDF's CMYK is already the stock's condition (" + press.description()
                        + "): its values print as they are.";
            } else if (artCmykFromOutputIntent) {
                cmykFinding = CMYK_PROFILE_USED;
                cmykMessage = "The PDF's CMYK was converted from its output intent (" + profile.description()
                        + ") to the stock's, black-only colours kept black-only.";
            } else {
                cmykFinding = ASSUMED_CMYK_PROFILE;
                cmykMessage = "The PDF has no output intent; its CMYK was taken as " + profile.description()
                        + " (the stock's assumed CMYK profile) and converted to the stock's, black-only colours kept"
                        + " black-only.";
            }
        }
        if (same) {
            PdfRecolouring.Space kept = new PdfRecolouring.Space(COSName.DEVICECMYK, 4, 4,
                    stock.inkLimit() == null ? null : this::limitInk, null, new float[] {0, 0, 0, 1});
            keptCmyk.add(kept);
            return kept;
        }
        RenderingOptions preserving = (options.intent() == RenderingIntent.ABSOLUTE_COLORIMETRIC
                ? RenderingOptions.of(RenderingIntent.RELATIVE_COLORIMETRIC, options.blackPointCompensation())
                .withPrecision(options.precision()) : options.withInkLimit(null)).withBlackPreserved();
        return toCmyk(4, lcmsMap(profile, PixelFormat.CMYK_8, preserving, stock.inkLimit()),
                new float[] {0, 0, 0, 1});
    }

    private PdfRecolouring.Space separation(PdfColourSpaces.Separation separation, boolean inMask)
            throws IOException {
        COSName colorant = separation.colorant();
        PdfRecolouring.Space alternate = space(separation.alternate(), inMask);
        PDFunction tint = separation.tint();
        PdfRecolouring.ValueMap toAlternate = tintThrough(tint, alternate, 1);
        String name = colorant.getName();
        boolean keep = stock.artPolicy().spotColours() == Stock.SpotColours.KEEP || "None".equals(name);
        if (keep) {
            if (!"None".equals(name) && !"All".equals(name)) {
                keptSpots.add(name);
            }
            COSArray result = new COSArray();
            result.add(COSName.SEPARATION);
            result.add(colorant);
            result.add(COSName.DEVICECMYK);
            result.add(alternateFunction(separation.tintTransform(), alternate, toAlternate, 1,
                    tint.getDomainForInput(0).getMin(), tint.getDomainForInput(0).getMax()));
            return new PdfRecolouring.Space(result, 1, 1, null, null, new float[] {1});
        }
        if (!"All".equals(name)) {
            convertedSpots.add(name);
        }
        return toCmyk(1, toAlternate, new float[] {1});
    }

    private PdfRecolouring.Space deviceN(PdfColourSpaces.DeviceN deviceN, boolean inMask) throws IOException {
        COSArray names = deviceN.names();
        int n = deviceN.components();
        PdfRecolouring.Space alternate = space(deviceN.alternate(), inMask);
        PDFunction tint = deviceN.tint();
        PdfRecolouring.ValueMap toAlternate = tintThrough(tint, alternate, n);
        List<String> spotNames = new ArrayList<>();
        boolean allNone = true;
        for (int i = 0; i < n; i++) {
            String name = names.getObject(i) instanceof COSName c ? c.getName() : "";
            if (!"None".equals(name)) {
                allNone = false;
            }
            if (!List.of("Cyan", "Magenta", "Yellow", "Black", "None", "All").contains(name)) {
                spotNames.add(name);
            }
        }
        float[] initial = new float[n];
        java.util.Arrays.fill(initial, 1);
        if (stock.artPolicy().spotColours() == Stock.SpotColours.KEEP || allNone) {
            keptSpots.addAll(spotNames);
            COSArray result = new COSArray();
            result.add(COSName.DEVICEN);
            result.add(names);
            result.add(COSName.DEVICECMYK);
            float[] domain = new float[2 * n];
            for (int i = 0; i < n; i++) {
                domain[2 * i] = tint.getDomainForInput(i).getMin();
                domain[2 * i + 1] = tint.getDomainForInput(i).getMax();
            }
            result.add(alternateFunction(deviceN.tintTransform(), alternate, toAlternate, n, domain));
            if (deviceN.attributes() != null) {
                result.add(deviceNAttributes(deviceN.attributes(), inMask));
            }
            return new PdfRecolouring.Space(result, n, n, null, null, initial);
        }
        convertedSpots.addAll(spotNames);
        return toCmyk(n, toAlternate, initial);
    }

    /** The attributes' colorant spaces and process space converted like every other space (PDF 8.6.6.5). */
    private COSDictionary deviceNAttributes(COSDictionary attributes, boolean inMask) throws IOException {
        COSDictionary copy = new COSDictionary(attributes);
        if (attributes.getDictionaryObject(COSName.COLORANTS) instanceof COSDictionary colorants) {
            COSDictionary converted = new COSDictionary();
            for (COSName key : colorants.keySet()) {
                converted.setItem(key, space(colorants.getItem(key), inMask).result());
            }
            copy.setItem(COSName.COLORANTS, converted);
        }
        if (attributes.getDictionaryObject(COSName.PROCESS) instanceof COSDictionary process) {
            PdfRecolouring.Space processSpace = space(process.getItem(COSName.COLORSPACE), inMask);
            if (!COSName.DEVICECMYK.equals(processSpace.result())
                    || processSpace.values() != null && !keptCmyk.contains(processSpace)) {
                // Process colorants of an RGB or grey process space have no CMYK names: an NChannel space that
                // names them is left to its tint transform.
                copy.removeItem(COSName.PROCESS);
                copy.setItem(COSName.SUBTYPE, COSName.DEVICEN);
            } else {
                COSDictionary p = new COSDictionary(process);
                p.setItem(COSName.COLORSPACE, COSName.DEVICECMYK);
                copy.setItem(COSName.PROCESS, p);
            }
        }
        return copy;
    }

    /** Tint values through the original tint transform, then through the alternate's conversion. */
    static PdfRecolouring.ValueMap tintThrough(PDFunction tint, PdfRecolouring.Space alternate,
                                                      int inputs) {
        return (in, n, out) -> {
            float[] x = new float[inputs];
            float[] alt = new float[alternate.inComponents()];
            float[] mapped = new float[alternate.outComponents()];
            for (int i = 0; i < n; i++) {
                System.arraycopy(in, i * inputs, x, 0, inputs);
                float[] y = tint.eval(x);
                System.arraycopy(y, 0, alt, 0, Math.min(y.length, alt.length));
                if (alternate.values() == null) {
                    System.arraycopy(alt, 0, out, i * alternate.outComponents(), alternate.outComponents());
                } else {
                    alternate.values().map(alt, 1, mapped);
                    System.arraycopy(mapped, 0, out, i * mapped.length, mapped.length);
                }
            }
        };
    }

    /** The alternate's new tint transform: the original when the alternate is already the stock's CMYK. */
    private COSBase alternateFunction(COSBase original, PdfRecolouring.Space alternate,
                                      PdfRecolouring.ValueMap toAlternate, int inputs, float... domain)
            throws IOException {
        if ((alternate.values() == null || keptCmyk.contains(alternate))
                && COSName.DEVICECMYK.equals(alternate.result())) {
            // a kept spot's alternate is its simulation, not ink on the press: the ink limit is not the alternate's
            return original;
        }
        if (alternate.outComponents() != 4) {
            throw new PdfRecolouring.Unconvertible("a spot colour's alternate does not become CMYK");
        }
        return SampledFunction.sample(document, inputs, SampledFunction.gridFor(inputs), domain, 4,
                (x, y) -> toAlternate.map(x, 1, y));
    }

    /** An Indexed space over {@code base}, its base's replacement: the palette mapped, the indices kept. */
    static PdfRecolouring.Space indexed(PdfColourSpaces.Indexed indexed, PdfRecolouring.Space base)
            throws IOException {
        int hival = indexed.highest();
        if (hival < 0 || hival > 255) {
            throw new PdfRecolouring.Unconvertible("an Indexed colour space with hival " + hival);
        }
        COSArray result = new COSArray();
        result.add(COSName.INDEXED);
        result.add(base.result());
        result.add(indexed.hival());
        if (base.values() == null) {
            result.add(indexed.lookup());
        } else {
            byte[] lookup = indexed.palette();
            int inC = base.inComponents();
            float[] range = indexed.baseRanges(inC);
            float[] in = new float[(hival + 1) * inC];
            for (int i = 0; i < in.length; i++) {
                int c = i % inC;
                int b = i < lookup.length ? lookup[i] & 0xFF : 0;
                in[i] = range[2 * c] + b * (range[2 * c + 1] - range[2 * c]) / 255f;
            }
            float[] out = new float[(hival + 1) * base.outComponents()];
            base.values().map(in, hival + 1, out);
            byte[] palette = new byte[out.length];
            for (int i = 0; i < out.length; i++) {
                palette[i] = EightBitConversion.code(out[i]);
            }
            result.add(new COSString(palette));
        }
        return new PdfRecolouring.Space(result, 1, 1, null, null, new float[1]);
    }

    // ------------------------------------------------------------------------------------------ lcms

    private PdfRecolouring.ValueMap srgbMap() {
        return byProfile.computeIfAbsent("srgb", k -> {
            try (ColorProfile srgb = ColorProfile.srgb()) {
                return lcmsMap(srgb, PixelFormat.RGB_8, options, null);
            }
        });
    }

    /**
     * Values quantised to 8 bits (the precision of every colour that reaches the press), converted by lcms, with
     * {@code inkLimitAfter} applied when the transform could not carry it.
     */
    private PdfRecolouring.ValueMap lcmsMap(ColorProfile source, PixelFormat format, RenderingOptions rendering,
                                            @Nullable InkLimit inkLimitAfter) {
        ColorTransform t = cache.transform(source, format, press, PixelFormat.CMYK_8, rendering);
        owned.add(t);
        return new EightBitConversion(format.colorSpace().channels(), 4, (codes, colours, out) -> {
            byte[] cmyk = new byte[colours * 4];
            t.convert(codes, cmyk, colours);
            if (inkLimitAfter != null) {
                inkLimitAfter.limit(cmyk, colours);
            }
            for (int i = 0; i < colours * 4; i++) {
                out[i] = (cmyk[i] & 0xFF) / 255f;
            }
        });
    }

    @Override
    public void close() {
        owned.close();
        reading.close();
    }
}
