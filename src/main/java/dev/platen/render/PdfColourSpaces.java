package dev.platen.render;

import dev.platen.color.ColorProfile;
import dev.platen.color.InvalidProfile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.jspecify.annotations.Nullable;

/**
 * The reading of a PDF colour space object into what it says (PDF 8.6), for the strategies of {@link
 * PdfRecolouring} that map every space of a page to its replacement ({@link PdfArtColours} for the print, {@link
 * PdfArtReference} for the soft proof's reference): each reads the same spaces and differs only in what it makes of
 * them.
 *
 * <p>A space object is read once: the description is kept per object (by identity, as the page's resources share
 * their objects), so one space and its parts come back as the same description, and a strategy can keep its
 * replacement per description. The ICC profiles read are held here and closed with it.
 */
final class PdfColourSpaces implements AutoCloseable {

    /** A colour space as the PDF describes it. */
    sealed interface ColourSpace permits Device, IccBased, CieLab, Indexed, Separation, DeviceN, Pattern {
    }

    /** The device families, with their number of components. */
    enum Family {
        GRAY(1), RGB(3), CMYK(4);

        final int components;

        Family(int components) {
            this.components = components;
        }
    }

    /**
     * DeviceGray, DeviceRGB, DeviceCMYK (or the inline image abbreviations G, RGB, CMYK), and CalGray and CalRGB
     * ({@code calibrated}): their gamma and primaries are not modelled, they are read as the device family they
     * calibrate (CalRGB is rare in print art and sRGB is what the applications that still write it mean).
     */
    record Device(Family family, boolean calibrated) implements ColourSpace {
    }

    /**
     * ICCBased (PDF 8.6.5.5): {@code n} components, the stream's {@code /Range} (null without one) and its profile.
     * A reader that cannot use the profile uses {@code /Alternate}, or the device space of N: then {@code profile}
     * is null and {@code fallback} is that space. The range is kept either way: an Indexed palette over the space
     * is scaled by it (PDF 8.6.6.3).
     */
    record IccBased(int n, float @Nullable [] range, @Nullable ColorProfile profile, @Nullable ColourSpace fallback)
            implements ColourSpace {

        IccBased {
            if ((profile == null) == (fallback == null)) {
                throw new IllegalArgumentException("an ICCBased space has its profile or, instead, a fallback");
            }
        }

        /** The space a reader uses instead of the profile; only for one whose {@code profile} is null. */
        ColourSpace instead() {
            if (fallback == null) {
                throw new IllegalStateException("an ICCBased space with a usable profile has no fallback");
            }
            return fallback;
        }
    }

    /**
     * Lab with its a* and b* {@code range} (PDF 8.6.5.4, -100..100 without one). The white point is taken as D50,
     * the ICC connection space's: art in Lab is practically always D50 (ISO 15076, and what the applications write).
     */
    record CieLab(float[] range) implements ColourSpace {
        static CieLab whole() {
            return new CieLab(new float[] {-100, 100, -100, 100});
        }
    }

    /**
     * Indexed (PDF 8.6.6.3): the base space and the array's {@code hival} and {@code lookup} entries as they stand
     * (a replacement keeps them, references and all, when the palette does not change); the palette is read only
     * when it has to be mapped.
     */
    record Indexed(ColourSpace base, COSBase hival, COSBase lookup) implements ColourSpace {

        int highest() {
            return resolve(hival) instanceof COSNumber num ? num.intValue() : -1;
        }

        /** The palette's bytes; a stream's are read up to the largest palette (256 colours of 4 components, 16 bit). */
        byte[] palette() throws IOException {
            COSBase resolved = resolve(lookup);
            if (resolved instanceof COSString s) {
                return s.getBytes();
            }
            if (resolved instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    return in.readNBytes(256 * 4 * 2);
                }
            }
            throw new PdfRecolouring.Unconvertible("an Indexed palette that is neither a string nor a stream");
        }

        /**
         * The base's component ranges the palette bytes are scaled to (PDF 8.6.6.3): 0..1, Lab's L* 0..100 and its
         * a*, b* range, an ICCBased stream's /Range.
         */
        float[] baseRanges(int components) {
            float[] r = new float[2 * components];
            for (int i = 0; i < components; i++) {
                r[2 * i + 1] = 1;
            }
            if (base instanceof CieLab lab && components == 3) {
                r[1] = 100;
                System.arraycopy(lab.range(), 0, r, 2, 4);
            } else if (base instanceof IccBased icc && icc.range() != null
                    && icc.range().length >= 2 * components) {
                System.arraycopy(icc.range(), 0, r, 0, 2 * components);
            }
            return r;
        }
    }

    /**
     * Separation (PDF 8.6.6.4): the colorant, its alternate space and the tint transform, the object as it stands
     * (a replacement whose alternate does not change keeps it) and as a function.
     */
    record Separation(COSName colorant, ColourSpace alternate, COSBase tintTransform, PDFunction tint)
            implements ColourSpace {
    }

    /**
     * DeviceN (PDF 8.6.6.5): the colorant names, the alternate space, the tint transform as for {@link Separation},
     * and the attributes dictionary (null without one). The attributes' colorant and process spaces are not read
     * here: a strategy that keeps the attributes reads them ({@link #read}), one that drops them never needs them.
     */
    record DeviceN(COSArray names, ColourSpace alternate, COSBase tintTransform, PDFunction tint,
                   @Nullable COSDictionary attributes) implements ColourSpace {

        int components() {
            return names.size();
        }
    }

    /** Pattern (PDF 8.7.3): the underlying space of uncoloured patterns, null for coloured ones. */
    record Pattern(@Nullable ColourSpace base) implements ColourSpace {
    }

    private final Map<COSBase, ColourSpace> read = new IdentityHashMap<>();
    private final List<ColorProfile> profiles = new ArrayList<>();

    /** The description of a space object: a name or an array, or a reference to one. */
    ColourSpace read(COSBase space) throws IOException {
        COSBase resolved = resolve(space);
        if (resolved == null) {
            throw new PdfRecolouring.Unconvertible("a colour space refers to nothing");
        }
        ColourSpace known = read.get(resolved);
        if (known == null) {
            known = parse(resolved);
            read.put(resolved, known);
        }
        return known;
    }

    private static COSBase resolve(COSBase base) {
        return base instanceof COSObject o ? o.getObject() : base;
    }

    private ColourSpace parse(COSBase space) throws IOException {
        if (space instanceof COSName name) {
            return switch (name.getName()) {
                case "DeviceGray", "G" -> new Device(Family.GRAY, false);
                case "DeviceRGB", "RGB" -> new Device(Family.RGB, false);
                case "DeviceCMYK", "CMYK" -> new Device(Family.CMYK, false);
                case "Pattern" -> new Pattern(null);
                default -> throw new PdfRecolouring.Unconvertible("the colour space /" + name.getName());
            };
        }
        if (!(space instanceof COSArray array) || array.size() == 0
                || !(array.getObject(0) instanceof COSName family)) {
            throw new PdfRecolouring.Unconvertible("a colour space that is neither a name nor an array: " + space);
        }
        return switch (family.getName()) {
            case "CalRGB" -> new Device(Family.RGB, true);
            case "CalGray" -> new Device(Family.GRAY, true);
            case "Lab" -> lab(array);
            case "ICCBased" -> iccBased(array);
            case "Separation" -> separation(array);
            case "DeviceN" -> deviceN(array);
            case "Indexed", "I" -> indexed(array);
            case "Pattern" -> new Pattern(array.size() < 2 ? null : read(array.get(1)));
            default -> throw new PdfRecolouring.Unconvertible("the colour space /" + family.getName());
        };
    }

    private static CieLab lab(COSArray array) {
        if (array.size() > 1 && array.getObject(1) instanceof COSDictionary dict
                && dict.getCOSArray(COSName.RANGE) != null && dict.getCOSArray(COSName.RANGE).size() == 4) {
            return new CieLab(dict.getCOSArray(COSName.RANGE).toFloatArray());
        }
        return CieLab.whole();
    }

    private IccBased iccBased(COSArray array) throws IOException {
        if (!(array.getObject(1) instanceof COSStream stream)) {
            throw new PdfRecolouring.Unconvertible("an ICCBased colour space without its profile stream");
        }
        int n = stream.getInt(COSName.N, 0);
        COSArray rangeArray = stream.getCOSArray(COSName.RANGE);
        float[] range = rangeArray == null ? null : rangeArray.toFloatArray();
        byte[] bytes;
        try (InputStream in = stream.createInputStream()) {
            bytes = in.readNBytes(64 << 20);
        }
        try {
            ColorProfile profile = ColorProfile.fromBytes(bytes);
            profiles.add(profile);
            return new IccBased(n, range, profile, null);
        } catch (InvalidProfile e) {
            // PDF 8.6.5.5: a reader that cannot use the profile uses /Alternate, or the device space of N (a space
            // of its own, not the page's DeviceGray, DeviceRGB or DeviceCMYK object)
            COSBase alternate = stream.getDictionaryObject(COSName.ALTERNATE);
            ColourSpace fallback = alternate != null ? read(alternate)
                    : new Device(n == 1 ? Family.GRAY : n == 3 ? Family.RGB : Family.CMYK, false);
            return new IccBased(n, range, null, fallback);
        }
    }

    private Separation separation(COSArray array) throws IOException {
        if (array.size() < 4 || !(array.getObject(1) instanceof COSName colorant)) {
            throw new PdfRecolouring.Unconvertible("a malformed Separation colour space");
        }
        ColourSpace alternate = read(array.get(2));
        return new Separation(colorant, alternate, array.getObject(3), PDFunction.create(array.getObject(3)));
    }

    private DeviceN deviceN(COSArray array) throws IOException {
        if (array.size() < 4 || !(array.getObject(1) instanceof COSArray names)) {
            throw new PdfRecolouring.Unconvertible("a malformed DeviceN colour space");
        }
        ColourSpace alternate = read(array.get(2));
        PDFunction tint = PDFunction.create(array.getObject(3));
        COSDictionary attributes = array.size() > 4 && array.getObject(4) instanceof COSDictionary a ? a : null;
        return new DeviceN(names, alternate, array.getObject(3), tint, attributes);
    }

    private Indexed indexed(COSArray array) throws IOException {
        if (array.size() < 4) {
            throw new PdfRecolouring.Unconvertible("a malformed Indexed colour space");
        }
        return new Indexed(read(array.get(1)), array.get(2), array.get(3));
    }

    @Override
    public void close() {
        for (ColorProfile p : profiles) {
            p.close();
        }
    }
}
