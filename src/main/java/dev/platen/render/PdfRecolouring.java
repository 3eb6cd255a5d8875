package dev.platen.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdfwriter.ContentStreamWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.function.PDFunction;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites every colour a PDF page paints, in place: the page's content and, recursively, every resource it draws
 * with (form XObjects, images, inline images, shadings, patterns, soft masks of graphics states, Type 3 glyphs,
 * transparency group colour spaces). What a colour space becomes is the {@link Spaces}' business: the stock's CMYK
 * for the print file ({@link PdfArtColours}), one grey plate for rendering a TIFF ({@link PdfPlates}).
 *
 * <p>Why content streams and not Ghostscript's pdfwrite: Ghostscript is AGPL and only the project's independent
 * checker; the engine stays one self-contained Java process. PDFBox parses the content ({@link PDFStreamParser}) and
 * writes it back ({@link ContentStreamWriter}) token for token, so text stays text with its embedded fonts and
 * only colour operators and colour spaces change.
 *
 * <p>The current fill and stroke colour spaces are tracked through cs/CS/sc/scn/SC/SCN/g/G/rg/RG/k/K and q/Q. A
 * colour space in a resource dictionary is replaced once; the original is remembered by the dictionary's identity
 * because several content streams may share it, and each still holds the original's operands. Annotations are not
 * walked: their appearances are not printed (the print file imports the page's content only).
 *
 * <p>Whatever cannot be rewritten (a mesh shading with colours in its vertices, a colour-key mask on an image whose
 * values change, an unknown colour space) throws {@link Unconvertible}; the caller then rasterises the page.
 */
final class PdfRecolouring {

    /** A form or glyph drawing itself is a loop, not art; the artwork module rejects deeper nesting anyway. */
    private static final int MAX_DEPTH = 32;

    /** What a page construct cannot be rewritten for; the page is rasterised instead, with the reason. */
    static final class Unconvertible extends IOException {
        Unconvertible(String reason) {
            super(reason);
        }
    }

    /** Maps colour values of one space to those of its replacement, all as PDF operands (tints 0..1, Lab L*a*b*). */
    interface ValueMap {
        /** {@code pixels} colours of {@code in} components each, from index 0, to {@code out}. */
        void map(float[] in, int pixels, float[] out) throws IOException;
    }

    /**
     * A colour space's replacement.
     *
     * @param result        the replacement, a device name or a colour space array
     * @param inComponents  components of the original
     * @param outComponents components of the replacement
     * @param values        how values change; null when they stay as they are (Indexed with a new palette, a kept
     *                      spot, art already in the stock's condition)
     * @param patternBase   for a Pattern space, its underlying space (null for coloured patterns)
     * @param initial       the original's initial colour (PDF 8.6.5), set explicitly after cs/CS when values change
     * @param paintsNothing whether painting with it leaves the page as it is (Separation /None, PDF 8.6.6.4): for a
     *                      render, where the replacement could only knock out; the painting operators are dropped
     *                      while it is the current colour (paths end with {@code n}, text is invisible)
     */
    record Space(COSBase result, int inComponents, int outComponents, @Nullable ValueMap values,
                 @Nullable Space patternBase, float @Nullable [] initial, boolean paintsNothing) {

        Space(COSBase result, int inComponents, int outComponents, @Nullable ValueMap values,
              @Nullable Space patternBase, float @Nullable [] initial) {
            this(result, inComponents, outComponents, values, patternBase, initial, false);
        }

        boolean pattern() {
            return COSName.PATTERN.equals(result) || result instanceof COSArray a && a.size() > 0
                    && COSName.PATTERN.equals(a.getObject(0));
        }
    }

    /** The strategy: what each colour space becomes. */
    interface Spaces {
        /**
         * @param space    the original space, resolved: a name or an array
         * @param inMask   inside a soft mask's group
         */
        Space space(COSBase space, boolean inMask) throws IOException;

        /** Whether soft masks are rewritten too (print file: yes; plates: no, a mask is the same for every plate). */
        boolean recoloursSoftMasks();

        /** The blending space a transparency group gets when its colours become {@code space}. */
        default COSBase groupSpace(Space space) {
            return space.result();
        }
    }

    private final PDDocument document;
    private final Spaces spaces;
    private final Set<COSBase> done = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<COSDictionary, Map<COSName, Space>> namedSpaces = new IdentityHashMap<>();
    private final Map<COSBase, COSBase> convertedSpaceObjects = new IdentityHashMap<>();

    PdfRecolouring(PDDocument document, Spaces spaces) {
        this.document = document;
        this.spaces = spaces;
    }

    /** Rewrites the page's content, its resources and its transparency group. */
    void page(PDPage page) throws IOException {
        COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
        if (resources == null) {
            resources = new COSDictionary();
            page.getCOSObject().setItem(COSName.RESOURCES, resources);
        }
        List<Object> tokens = parse(new PDFStreamParser(page));
        byte[] content = rewrite(tokens, resources, false, 0);
        COSStream stream = document.getDocument().createCOSStream();
        write(stream, content);
        page.getCOSObject().setItem(COSName.CONTENTS, stream);
        group(page.getCOSObject(), false);
    }

    // ---------------------------------------------------------------------------------------------- content

    private byte[] rewrite(List<Object> tokens, COSDictionary resources, boolean mask, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new Unconvertible("forms nested deeper than " + MAX_DEPTH + " levels");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ContentStreamWriter out = new ContentStreamWriter(bytes);
        Deque<Space[]> saved = new ArrayDeque<>();
        Deque<Integer> savedModes = new ArrayDeque<>();
        Space gray = spaces.space(COSName.DEVICEGRAY, mask);
        Space fill = gray;
        Space stroke = gray;
        int textMode = 0;
        List<COSBase> operands = new ArrayList<>();
        for (Object token : tokens) {
            if (token instanceof COSBase base) {
                operands.add(base);
                continue;
            }
            Operator op = (Operator) token;
            String name = op.getName();
            switch (name) {
                case "q" -> {
                    saved.push(new Space[] {fill, stroke});
                    savedModes.push(textMode);
                }
                case "Q" -> {
                    if (!saved.isEmpty()) {
                        Space[] s = saved.pop();
                        fill = s[0];
                        stroke = s[1];
                        textMode = savedModes.pop();
                    }
                }
                case "Tr" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSNumber mode) {
                        textMode = mode.intValue();
                    }
                }
                case "f", "F", "f*", "S", "s", "B", "B*", "b", "b*" -> {
                    if (fill.paintsNothing() || stroke.paintsNothing()) {
                        out.writeTokens(operands);
                        out.writeToken(Operator.getOperator(painting(name, fill.paintsNothing(),
                                stroke.paintsNothing())));
                        bytes.write('\n');
                        operands.clear();
                        continue;
                    }
                }
                case "Tj", "TJ", "'", "\"" -> {
                    int visible = visibleTextMode(textMode, fill.paintsNothing(), stroke.paintsNothing());
                    if (visible != textMode) {
                        out.writeTokens(COSInteger.get(visible), Operator.getOperator("Tr"));
                        out.writeTokens(operands);
                        out.writeToken(op);
                        out.writeTokens(COSInteger.get(textMode), Operator.getOperator("Tr"));
                        bytes.write('\n');
                        operands.clear();
                        continue;
                    }
                }
                case "cs", "CS" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSName csName) {
                        Space space = named(csName, resources, mask);
                        COSName written = space.result() instanceof COSName device && !isResourceName(csName,
                                resources) ? device : csName;
                        out.writeTokens(written, op);
                        ValueMap values = space.values();
                        float[] initial = space.initial(); // a Pattern space has none
                        if (values != null && initial != null && !space.pattern()
                                && !unchanged(space, values, initial)) {
                            writeColour(out, space, values, initial, name.equals("cs") ? "sc" : "SC", null);
                        }
                        if (name.equals("cs")) {
                            fill = space;
                        } else {
                            stroke = space;
                        }
                        operands.clear();
                        continue;
                    }
                }
                case "sc", "scn", "SC", "SCN" -> {
                    Space space = name.startsWith("s") ? fill : stroke;
                    ValueMap values = space.values();
                    COSName patternName = !operands.isEmpty()
                            && operands.get(operands.size() - 1) instanceof COSName n ? n : null;
                    if (patternName != null) {
                        pattern(patternName, resources, mask, depth);
                        Space base = space.patternBase();
                        ValueMap baseValues = base == null ? null : base.values();
                        if (base != null && baseValues != null
                                && !unchanged(base, baseValues, numbers(operands, base.inComponents()))) {
                            writeColour(out, base, baseValues, numbers(operands, base.inComponents()), name,
                                    patternName);
                            operands.clear();
                            continue;
                        }
                    } else if (values != null && !unchanged(space, values, numbers(operands, space.inComponents()))) {
                        writeColour(out, space, values, numbers(operands, space.inComponents()), name, null);
                        operands.clear();
                        continue;
                    }
                }
                case "g", "G", "rg", "RG", "k", "K" -> {
                    COSName device = switch (name) {
                        case "g", "G" -> COSName.DEVICEGRAY;
                        case "rg", "RG" -> COSName.DEVICERGB;
                        default -> COSName.DEVICECMYK;
                    };
                    Space space = device(device, resources, mask);
                    boolean isFill = Character.isLowerCase(name.charAt(0));
                    if (isFill) {
                        fill = space;
                    } else {
                        stroke = space;
                    }
                    ValueMap values = space.values();
                    if (values != null && !unchanged(space, values, numbers(operands, space.inComponents()))
                            || !(space.result() instanceof COSName) || !device.equals(space.result())) {
                        writeDeviceColour(out, space, numbers(operands, space.inComponents()), isFill);
                        operands.clear();
                        continue;
                    }
                }
                case "sh" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSName n) {
                        COSDictionary shadings = resources.getCOSDictionary(COSName.SHADING);
                        COSBase shading = shadings == null ? null : shadings.getDictionaryObject(n);
                        if (shading instanceof COSDictionary d) {
                            shading(d, mask);
                        }
                    }
                }
                case "Do" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSName n) {
                        xobject(n, resources, mask, depth);
                    }
                }
                case "gs" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSName n) {
                        extGState(n, resources, depth);
                    }
                }
                case "Tf" -> {
                    if (!operands.isEmpty() && operands.get(0) instanceof COSName n) {
                        font(n, resources, mask, depth);
                    }
                }
                case "BI" -> inlineImage(op, resources, mask);
                default -> {
                    // every other operator passes as it is
                }
            }
            out.writeTokens(operands);
            out.writeToken(op);
            if (!"BI".equals(name)) {
                bytes.write('\n');
            }
            operands.clear();
        }
        out.writeTokens(operands);
        return bytes.toByteArray();
    }

    /** A path-painting operator without the part that paints nothing ({@code n} when neither paints). */
    static String painting(String op, boolean noFill, boolean noStroke) {
        boolean fills = !op.equals("S") && !op.equals("s");
        boolean strokes = op.startsWith("S") || op.startsWith("s") || op.startsWith("B") || op.startsWith("b");
        boolean evenOdd = op.endsWith("*");
        boolean closes = op.equals("s") || op.startsWith("b");
        fills &= !noFill;
        strokes &= !noStroke;
        if (fills && strokes) {
            return op;
        }
        if (fills) {
            return evenOdd ? "f*" : "f"; // a fill closes its subpaths anyway
        }
        if (strokes) {
            return closes ? "s" : "S";
        }
        return "n";
    }

    /** The text rendering mode (PDF 9.3.6) without the fill or stroke that paints nothing; clipping stays. */
    static int visibleTextMode(int mode, boolean noFill, boolean noStroke) {
        if (mode < 0 || mode > 7) {
            return mode;
        }
        boolean fills = (mode == 0 || mode == 2 || mode == 4 || mode == 6) && !noFill;
        boolean strokes = (mode == 1 || mode == 2 || mode == 5 || mode == 6) && !noStroke;
        boolean clips = mode >= 4;
        int visible = fills && strokes ? 2 : fills ? 0 : strokes ? 1 : 3;
        return clips ? (visible == 3 ? 7 : visible + 4) : visible;
    }

    /**
     * Whether the space maps this colour to itself (a kept colour within the stock's ink limit): then the original
     * operands are written as they were, byte for byte.
     */
    private static boolean unchanged(Space space, ValueMap values, float[] in) throws IOException {
        if (space.inComponents() != space.outComponents()) {
            return false;
        }
        float[] mapped = new float[space.outComponents()];
        values.map(in, 1, mapped);
        return java.util.Arrays.equals(in, mapped);
    }

    private static boolean isResourceName(COSName name, COSDictionary resources) {
        COSDictionary spacesDict = resources.getCOSDictionary(COSName.COLORSPACE);
        return spacesDict != null && spacesDict.containsKey(name);
    }

    private static float[] numbers(List<COSBase> operands, int count) {
        float[] values = new float[count];
        int n = 0;
        for (COSBase o : operands) {
            if (o instanceof COSNumber number && n < count) {
                values[n++] = number.floatValue();
            }
        }
        return values;
    }

    private void writeColour(ContentStreamWriter out, Space space, ValueMap values, float[] in, String op,
                             @Nullable COSName pattern) throws IOException {
        float[] mapped = new float[space.outComponents()];
        values.map(in, 1, mapped);
        List<COSBase> tokens = new ArrayList<>();
        for (float v : mapped) {
            tokens.add(number(v));
        }
        if (pattern != null) {
            tokens.add(pattern);
        }
        // sc takes no pattern; scn takes everything sc does, so a converted value goes out with scn/SCN.
        boolean fill = Character.isLowerCase(op.charAt(0));
        out.writeTokens(tokens);
        out.writeToken(Operator.getOperator(fill ? "scn" : "SCN"));
    }

    /** A device colour operator: the replacement space's own device operator when it has one, else cs + scn. */
    private void writeDeviceColour(ContentStreamWriter out, Space space, float[] in, boolean fill) throws IOException {
        float[] mapped;
        ValueMap values = space.values();
        if (values == null) {
            mapped = in;
        } else {
            mapped = new float[space.outComponents()];
            values.map(in, 1, mapped);
        }
        List<COSBase> tokens = new ArrayList<>();
        for (float v : mapped) {
            tokens.add(number(v));
        }
        String op;
        if (COSName.DEVICECMYK.equals(space.result())) {
            op = "k";
        } else if (COSName.DEVICEGRAY.equals(space.result())) {
            op = "g";
        } else if (COSName.DEVICERGB.equals(space.result())) {
            op = "rg";
        } else {
            throw new Unconvertible("a device colour maps to " + space.result());
        }
        out.writeTokens(tokens);
        out.writeToken(Operator.getOperator(fill ? op : op.toUpperCase(java.util.Locale.ROOT)));
    }

    /**
     * A value as short as it can be written and still read back to the same 8-bit count: 1/255 steps need 4
     * decimals at most.
     */
    static COSBase number(float v) {
        float clamped = Math.max(0, Math.min(1, v));
        if (clamped == 0 || clamped == 1) {
            return COSInteger.get((long) clamped);
        }
        return new COSFloat(Math.round(clamped * 100000) / 100000f);
    }

    // ---------------------------------------------------------------------------------------------- spaces

    /** A space named by cs/CS, an image or a shading: a device name, a resource name or an array. */
    private Space named(COSName name, COSDictionary resources, boolean mask) throws IOException {
        if (COSName.DEVICEGRAY.equals(name) || COSName.DEVICERGB.equals(name) || COSName.DEVICECMYK.equals(name)) {
            return device(name, resources, mask);
        }
        if (COSName.PATTERN.equals(name)) {
            return spaces.space(name, mask);
        }
        COSDictionary dict = resources.getCOSDictionary(COSName.COLORSPACE);
        if (dict == null || !dict.containsKey(name)) {
            // inline image abbreviations
            COSName device = switch (name.getName()) {
                case "G" -> COSName.DEVICEGRAY;
                case "RGB" -> COSName.DEVICERGB;
                case "CMYK" -> COSName.DEVICECMYK;
                default -> null;
            };
            if (device != null) {
                return device(device, resources, mask);
            }
            throw new Unconvertible("the colour space /" + name.getName() + " is not in the resources");
        }
        Space space = resourceSpaces(dict, mask).get(name);
        if (space == null) { // resourceSpaces holds every key of the dictionary
            throw new Unconvertible("the colour space /" + name.getName() + " is not in the resources");
        }
        return space;
    }

    /** A device space, through the resources' Default space when there is one (PDF 8.6.5.6). */
    private Space device(COSName device, COSDictionary resources, boolean mask) throws IOException {
        COSDictionary dict = resources.getCOSDictionary(COSName.COLORSPACE);
        COSName defaultName = COSName.getPDFName("Default" + device.getName().substring("Device".length()));
        if (dict != null && dict.containsKey(defaultName)) {
            Space space = resourceSpaces(dict, mask).get(defaultName);
            if (space != null && space.inComponents() == components(device)) {
                return space;
            }
        }
        return spaces.space(device, mask);
    }

    private static int components(COSName device) {
        return COSName.DEVICEGRAY.equals(device) ? 1 : COSName.DEVICERGB.equals(device) ? 3 : 4;
    }

    /** The spaces of a resources' /ColorSpace dictionary, the entries replaced the first time it is seen. */
    private Map<COSName, Space> resourceSpaces(COSDictionary dict, boolean mask) throws IOException {
        Map<COSName, Space> known = namedSpaces.get(dict);
        if (known != null) {
            return known;
        }
        known = new java.util.HashMap<>();
        for (COSName key : new ArrayList<>(dict.keySet())) {
            COSBase original = dict.getDictionaryObject(key);
            Space space = space(original, mask);
            known.put(key, space);
        }
        for (Map.Entry<COSName, Space> e : known.entrySet()) {
            dict.setItem(e.getKey(), e.getValue().result());
        }
        namedSpaces.put(dict, known);
        return known;
    }

    /** Any space object, resolved; an array already replaced here is not replaced twice. */
    Space space(COSBase original, boolean mask) throws IOException {
        COSBase resolved = original instanceof COSObject o ? o.getObject() : original;
        if (resolved == null) {
            throw new Unconvertible("a colour space refers to nothing");
        }
        return spaces.space(resolved, mask);
    }

    // ---------------------------------------------------------------------------------------------- resources

    private void xobject(COSName name, COSDictionary resources, boolean mask, int depth) throws IOException {
        COSDictionary xobjects = resources.getCOSDictionary(COSName.XOBJECT);
        COSBase x = xobjects == null ? null : xobjects.getDictionaryObject(name);
        if (!(x instanceof COSStream stream) || !done.add(stream)) {
            return;
        }
        COSName subtype = stream.getCOSName(COSName.SUBTYPE);
        if (COSName.IMAGE.equals(subtype)) {
            image(stream, mask);
        } else if (COSName.FORM.equals(subtype)) {
            form(stream, resources, mask, depth);
        }
    }

    private void form(COSStream form, COSDictionary inherited, boolean mask, int depth) throws IOException {
        COSDictionary resources = form.getCOSDictionary(COSName.RESOURCES);
        if (resources == null) {
            // PDF 1.1 forms may draw with the resources of the page that uses them
            resources = inherited;
        }
        List<Object> tokens = parse(new PDFStreamParser(readAll(form)));
        byte[] content = rewrite(tokens, resources, mask, depth + 1);
        write(form, content);
        group(form, mask);
    }

    /** A transparency group's /CS (PDF 11.6.6): the blending space follows the colours into the new space. */
    private void group(COSDictionary owner, boolean mask) throws IOException {
        COSDictionary group = owner.getCOSDictionary(COSName.GROUP);
        if (group != null && group.containsKey(COSName.CS)) {
            Space space = space(group.getDictionaryObject(COSName.CS), mask);
            group.setItem(COSName.CS, spaces.groupSpace(space));
        }
    }

    private void extGState(COSName name, COSDictionary resources, int depth) throws IOException {
        COSDictionary states = resources.getCOSDictionary(COSName.EXT_G_STATE);
        COSBase s = states == null ? null : states.getDictionaryObject(name);
        if (!(s instanceof COSDictionary state) || !done.add(state) || !spaces.recoloursSoftMasks()) {
            return;
        }
        COSBase smask = state.getDictionaryObject(COSName.SMASK);
        if (smask instanceof COSDictionary softMask && done.add(softMask)) {
            COSBase g = softMask.getDictionaryObject(COSName.G);
            if (g instanceof COSStream groupForm && done.add(groupForm)) {
                COSDictionary group = groupForm.getCOSDictionary(COSName.GROUP);
                COSBase groupSpace = group == null ? null : group.getDictionaryObject(COSName.CS);
                Space before = groupSpace == null ? null : space(groupSpace, true);
                form(groupForm, resources, true, depth);
                COSArray backdrop = softMask.getCOSArray(COSName.BC);
                if (backdrop != null && before != null && before.values() != null) {
                    float[] in = new float[backdrop.size()];
                    for (int i = 0; i < in.length; i++) {
                        in[i] = backdrop.getObject(i) instanceof COSNumber n ? n.floatValue() : 0;
                    }
                    float[] out = new float[before.outComponents()];
                    before.values().map(in, 1, out);
                    COSArray mapped = new COSArray();
                    for (float v : out) {
                        mapped.add(number(v));
                    }
                    softMask.setItem(COSName.BC, mapped);
                }
            }
        }
    }

    private void font(COSName name, COSDictionary resources, boolean mask, int depth) throws IOException {
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        COSBase f = fonts == null ? null : fonts.getDictionaryObject(name);
        if (!(f instanceof COSDictionary font) || !done.add(font)
                || !COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
            return;
        }
        // Type 3 glyphs are content streams; a coloured glyph (d0) keeps its colours, converted like any other.
        COSDictionary glyphResources = font.getCOSDictionary(COSName.RESOURCES);
        COSDictionary procs = font.getCOSDictionary(COSName.CHAR_PROCS);
        if (procs == null) {
            return;
        }
        for (COSName glyph : procs.keySet()) {
            if (procs.getDictionaryObject(glyph) instanceof COSStream proc && done.add(proc)) {
                List<Object> tokens = parse(new PDFStreamParser(readAll(proc)));
                write(proc, rewrite(tokens, glyphResources != null ? glyphResources : resources, mask, depth + 1));
            }
        }
    }

    private void pattern(COSName name, COSDictionary resources, boolean mask, int depth) throws IOException {
        COSDictionary patterns = resources.getCOSDictionary(COSName.PATTERN);
        COSBase p = patterns == null ? null : patterns.getDictionaryObject(name);
        if (!(p instanceof COSDictionary pattern) || !done.add(pattern)) {
            return;
        }
        int type = pattern.getInt(COSName.PATTERN_TYPE, 0);
        if (type == 2) {
            if (pattern.getDictionaryObject(COSName.SHADING) instanceof COSDictionary shading) {
                shading(shading, mask);
            }
            COSBase gs = pattern.getDictionaryObject(COSName.EXT_G_STATE);
            if (gs instanceof COSDictionary state && state.getDictionaryObject(COSName.SMASK) instanceof COSDictionary) {
                COSDictionary holder = new COSDictionary();
                COSDictionary states = new COSDictionary();
                states.setItem(COSName.getPDFName("P"), state);
                holder.setItem(COSName.EXT_G_STATE, states);
                extGState(COSName.getPDFName("P"), holder, depth);
            }
        } else if (type == 1 && pattern instanceof COSStream tile && pattern.getInt(COSName.PAINT_TYPE, 1) == 1) {
            form(tile, resources, mask, depth);
        }
    }

    // ---------------------------------------------------------------------------------------------- shadings

    private void shading(COSDictionary shading, boolean mask) throws IOException {
        if (!done.add(shading)) {
            return;
        }
        COSBase original = shading.getDictionaryObject(COSName.COLORSPACE);
        if (original == null) {
            throw new Unconvertible("a shading without a colour space");
        }
        Space space = space(original, mask);
        shading.setItem(COSName.COLORSPACE, space.result());
        ValueMap values = space.values();
        if (values == null) {
            return;
        }
        int type = shading.getInt(COSName.SHADING_TYPE, 0);
        COSBase function = shading.getDictionaryObject(COSName.FUNCTION);
        if (function == null) {
            throw new Unconvertible("a type " + type + " shading carries its colours in its mesh; only shadings "
                    + "with a function are converted in place");
        }
        List<PDFunction> functions = functions(function);
        int inputs = type == 1 ? 2 : 1;
        float[] domain = domain(functions.get(0), inputs);
        int grid = inputs == 1 ? 256 : 33;
        boolean[] changed = {space.inComponents() != space.outComponents()};
        COSStream sampled = SampledFunction.sample(document, inputs, grid, domain, space.outComponents(),
                (x, out) -> {
                    float[] in = new float[space.inComponents()];
                    int n = 0;
                    for (PDFunction f : functions) {
                        for (float v : f.eval(x)) {
                            if (n < in.length) {
                                in[n++] = v;
                            }
                        }
                    }
                    values.map(in, 1, out);
                    changed[0] |= !java.util.Arrays.equals(in, out);
                });
        if (!changed[0]) {
            return; // a kept shading within the ink limit keeps its own functions
        }
        shading.setItem(COSName.FUNCTION, sampled);
        COSArray background = shading.getCOSArray(COSName.BACKGROUND);
        if (background != null) {
            float[] in = new float[background.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = background.getObject(i) instanceof COSNumber num ? num.floatValue() : 0;
            }
            float[] out = new float[space.outComponents()];
            values.map(in, 1, out);
            COSArray mapped = new COSArray();
            for (float v : out) {
                mapped.add(number(v));
            }
            shading.setItem(COSName.BACKGROUND, mapped);
        }
    }

    private static List<PDFunction> functions(COSBase function) throws IOException {
        COSBase resolved = function instanceof COSObject o ? o.getObject() : function;
        List<PDFunction> list = new ArrayList<>();
        if (resolved instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                list.add(PDFunction.create(array.getObject(i)));
            }
        } else {
            list.add(PDFunction.create(resolved));
        }
        return list;
    }

    private static float[] domain(PDFunction f, int inputs) {
        float[] domain = new float[inputs * 2];
        for (int i = 0; i < inputs; i++) {
            domain[2 * i] = f.getDomainForInput(i).getMin();
            domain[2 * i + 1] = f.getDomainForInput(i).getMax();
        }
        return domain;
    }

    // ---------------------------------------------------------------------------------------------- images

    private void image(COSStream image, boolean mask) throws IOException {
        if (image.getBoolean(COSName.IMAGE_MASK, false) || image.getBoolean(COSName.IM, false)) {
            return; // a stencil paints the current fill colour, which the content sets
        }
        COSBase cs = image.getDictionaryObject(COSName.COLORSPACE);
        if (cs == null) {
            // JPX images may carry their space in the codestream; PDFBox decodes those to its own RGB
            throw new Unconvertible("an image without a /ColorSpace (JPEG 2000 with its own colour space)");
        }
        Space space = space(cs, mask);
        ValueMap values = space.values();
        if (values == null) {
            image.setItem(COSName.COLORSPACE, space.result());
            return;
        }
        if (image.getDictionaryObject(COSName.MASK) instanceof COSArray) {
            throw new Unconvertible("an image with a colour-key mask, whose key values would change");
        }
        int width = image.getInt(COSName.WIDTH);
        int height = image.getInt(COSName.HEIGHT);
        int bpc = image.getInt(COSName.BITS_PER_COMPONENT, 8);
        float[] decode = decodeArray(image.getCOSArray(COSName.DECODE), space.inComponents(), bpc, cs);
        byte[] converted;
        try (InputStream in = image.createInputStream()) {
            converted = mapPixels(in, width, height, bpc, decode, space, values);
        }
        if (converted == null) {
            image.setItem(COSName.COLORSPACE, space.result()); // kept within the ink limit: its samples as they are
            return;
        }
        image.removeItem(COSName.DECODE);
        image.removeItem(COSName.DECODE_PARMS);
        image.setItem(COSName.COLORSPACE, space.result());
        image.setInt(COSName.BITS_PER_COMPONENT, 8);
        try (OutputStream out = image.createRawOutputStream()) {
            out.write(deflate(converted));
        }
        image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
    }

    private void inlineImage(Operator op, COSDictionary resources, boolean mask) throws IOException {
        COSDictionary params = op.getImageParameters();
        if (params == null || params.getBoolean(COSName.IMAGE_MASK, false) || params.getBoolean(COSName.IM, false)) {
            return;
        }
        COSName key = params.containsKey(COSName.CS) ? COSName.CS : COSName.COLORSPACE;
        COSBase cs = params.getDictionaryObject(key);
        if (cs == null) {
            throw new Unconvertible("an inline image without a colour space");
        }
        Space space = cs instanceof COSName n ? named(n, resources, mask) : space(cs, mask);
        ValueMap values = space.values();
        if (values == null) {
            if (space.result() instanceof COSName) {
                params.setItem(key, space.result());
            } else if (!(cs instanceof COSName)) {
                throw new Unconvertible("an inline image with an inline special colour space");
            } // a resource name: the entry was replaced
            return;
        }
        if (!(space.result() instanceof COSName)) {
            throw new Unconvertible("an inline image whose colour space becomes " + space.result());
        }
        PDInlineImage image = new PDInlineImage(params, op.getImageData(), new PDResources(resources));
        int width = image.getWidth();
        int height = image.getHeight();
        int bpc = image.getBitsPerComponent();
        COSArray decodeArray = params.getCOSArray(COSName.D);
        if (decodeArray == null) {
            decodeArray = params.getCOSArray(COSName.DECODE);
        }
        float[] decode = decodeArray(decodeArray, space.inComponents(), bpc, cs);
        byte[] converted;
        try (InputStream in = image.createInputStream()) {
            converted = mapPixels(in, width, height, bpc, decode, space, values);
        }
        if (converted == null) {
            if (space.result() instanceof COSName) {
                params.setItem(key, space.result());
            }
            return;
        }
        for (COSName k : List.of(COSName.D, COSName.DECODE, COSName.F, COSName.FILTER, COSName.DP,
                COSName.DECODE_PARMS, COSName.COLORSPACE)) {
            params.removeItem(k);
        }
        params.setItem(COSName.CS, space.result());
        params.setInt(COSName.BPC, 8);
        params.removeItem(COSName.BITS_PER_COMPONENT);
        op.setImageData(converted);
    }

    /** /Decode as pairs of min and max per component (PDF 8.9.5.2), or the space's default. */
    private float[] decodeArray(COSArray decode, int components, int bpc, COSBase cs) {
        float[] d = new float[components * 2];
        if (decode != null && decode.size() >= components * 2) {
            for (int i = 0; i < d.length; i++) {
                d[i] = decode.getObject(i) instanceof COSNumber n ? n.floatValue() : 0;
            }
            return d;
        }
        COSBase resolved = cs instanceof COSObject o ? o.getObject() : cs;
        COSName family = resolved instanceof COSName n ? n : resolved instanceof COSArray a
                && a.getObject(0) instanceof COSName n2 ? n2 : null;
        for (int i = 0; i < components; i++) {
            d[2 * i] = 0;
            d[2 * i + 1] = 1;
        }
        if (COSName.INDEXED.equals(family) || COSName.I.equals(family)) {
            d[1] = (1 << bpc) - 1;
        } else if (COSName.LAB.equals(family) && resolved instanceof COSArray a
                && a.getObject(1) instanceof COSDictionary dict) {
            COSArray range = dict.getCOSArray(COSName.RANGE);
            d[0] = 0;
            d[1] = 100;
            d[2] = range != null ? range.toFloatArray()[0] : -100;
            d[3] = range != null ? range.toFloatArray()[1] : 100;
            d[4] = range != null ? range.toFloatArray()[2] : -100;
            d[5] = range != null ? range.toFloatArray()[3] : 100;
        } else if (COSName.ICCBASED.equals(family) && resolved instanceof COSArray a
                && a.getObject(1) instanceof COSStream stream) {
            COSArray range = stream.getCOSArray(COSName.RANGE);
            if (range != null && range.size() >= components * 2) {
                System.arraycopy(range.toFloatArray(), 0, d, 0, components * 2);
            }
        }
        return d;
    }

    /**
     * Unpacks samples of 1 to 16 bits, row by row, maps them and packs the result 8 bits a component; null when the
     * map changed no value (kept CMYK within the ink limit), so that the image stays as it is, bit depth and all.
     */
    private static byte @Nullable [] mapPixels(InputStream in, int width, int height, int bpc, float[] decode,
                                               Space space, ValueMap values)
            throws IOException {
        int inC = space.inComponents();
        int outC = space.outComponents();
        int rowBytes = (width * inC * bpc + 7) / 8;
        byte[] row = new byte[rowBytes];
        float[] samples = new float[width * inC];
        float[] mapped = new float[width * outC];
        byte[] out = new byte[width * height * outC];
        int max = (1 << bpc) - 1;
        boolean changed = inC != outC;
        for (int y = 0; y < height; y++) {
            int read = in.readNBytes(row, 0, rowBytes);
            if (read < rowBytes) {
                java.util.Arrays.fill(row, read, rowBytes, (byte) 0);
            }
            for (int i = 0; i < width * inC; i++) {
                int sample = sample(row, i, bpc);
                int c = i % inC;
                samples[i] = decode[2 * c] + sample * (decode[2 * c + 1] - decode[2 * c]) / max;
            }
            values.map(samples, width, mapped);
            changed = changed || !java.util.Arrays.equals(samples, mapped);
            int base = y * width * outC;
            for (int i = 0; i < width * outC; i++) {
                out[base + i] = (byte) Math.round(Math.max(0, Math.min(1, mapped[i])) * 255);
            }
        }
        return changed ? out : null;
    }

    private static int sample(byte[] row, int index, int bpc) {
        switch (bpc) {
            case 8:
                return row[index] & 0xFF;
            case 16:
                return (row[2 * index] & 0xFF) << 8 | (row[2 * index + 1] & 0xFF);
            default:
                long bit = (long) index * bpc;
                int value = 0;
                for (int b = 0; b < bpc; b++, bit++) {
                    value = value << 1 | ((row[(int) (bit >> 3)] >> (7 - (bit & 7))) & 1);
                }
                return value;
        }
    }

    // ---------------------------------------------------------------------------------------------- streams

    private static List<Object> parse(PDFStreamParser parser) throws IOException {
        try {
            return parser.parse();
        } finally {
            parser.close();
        }
    }

    private static byte[] readAll(COSStream stream) throws IOException {
        try (InputStream in = stream.createInputStream()) {
            return in.readAllBytes();
        }
    }

    private static void write(COSStream stream, byte[] content) throws IOException {
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(deflate(content));
        }
        stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        stream.removeItem(COSName.DECODE_PARMS);
    }

    static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(data.length / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }
}
