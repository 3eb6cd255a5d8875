package dev.platen.artwork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;

/**
 * The fonts a page draws with that the file does not embed, found in its resources and, recursively, those of its
 * forms, tiling patterns, soft masks and Type 3 glyphs (the fonts {@code pdffonts} lists). A standard-14 font
 * without a font file counts: a press substitutes it like any other, with its own metrics.
 */
final class PdfFonts {

    private static final int MAX_DEPTH = 32;

    private PdfFonts() {
    }

    static List<String> notEmbedded(COSDictionary page) {
        Set<String> names = new LinkedHashSet<>();
        walk(page.getCOSDictionary(COSName.RESOURCES), names,
                Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return new ArrayList<>(names);
    }

    private static void walk(COSDictionary resources, Set<String> names, Set<COSBase> seen, int depth) {
        if (resources == null || depth > MAX_DEPTH || !seen.add(resources)) {
            return;
        }
        COSDictionary fonts = resources.getCOSDictionary(COSName.FONT);
        if (fonts != null) {
            for (COSName key : fonts.keySet()) {
                if (fonts.getDictionaryObject(key) instanceof COSDictionary font && seen.add(font)) {
                    if (COSName.TYPE3.equals(font.getCOSName(COSName.SUBTYPE))) {
                        walk(font.getCOSDictionary(COSName.RESOURCES), names, seen, depth + 1);
                    } else if (!embedded(font)) {
                        String base = font.getNameAsString(COSName.BASE_FONT);
                        names.add(base != null ? base : key.getName());
                    }
                }
            }
        }
        for (COSName kind : List.of(COSName.XOBJECT, COSName.PATTERN)) {
            COSDictionary dict = resources.getCOSDictionary(kind);
            if (dict != null) {
                for (COSName key : dict.keySet()) {
                    if (dict.getDictionaryObject(key) instanceof COSDictionary d) {
                        walk(d.getCOSDictionary(COSName.RESOURCES), names, seen, depth + 1);
                    }
                }
            }
        }
        COSDictionary states = resources.getCOSDictionary(COSName.EXT_G_STATE);
        if (states != null) {
            for (COSName key : states.keySet()) {
                if (states.getDictionaryObject(key) instanceof COSDictionary gs
                        && gs.getDictionaryObject(COSName.SMASK) instanceof COSDictionary mask
                        && mask.getDictionaryObject(COSName.G) instanceof COSDictionary g) {
                    walk(g.getCOSDictionary(COSName.RESOURCES), names, seen, depth + 1);
                }
            }
        }
    }

    private static boolean embedded(COSDictionary font) {
        COSDictionary descriptor = font.getCOSDictionary(COSName.FONT_DESC);
        if (COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE))) {
            COSArray descendants = font.getCOSArray(COSName.DESCENDANT_FONTS);
            if (descendants != null && descendants.size() > 0
                    && descendants.getObject(0) instanceof COSDictionary cid) {
                descriptor = cid.getCOSDictionary(COSName.FONT_DESC);
            }
        }
        return descriptor != null && (descriptor.containsKey(COSName.FONT_FILE)
                || descriptor.containsKey(COSName.FONT_FILE2) || descriptor.containsKey(COSName.FONT_FILE3));
    }
}
