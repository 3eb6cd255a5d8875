package dev.platen.catalog;

import dev.platen.color.ColorProfile;
import dev.platen.color.InkLimit;
import dev.platen.color.InvalidProfile;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A material a tier prints on (coated paper, white cotton, a polymer-coated mug), and how its press is driven:
 * the ICC profile its print files are converted to, with which rendering intent and black point compensation,
 * the most ink it takes, and the files its press wants.
 *
 * @param paper               a description of the substrate for people
 * @param profile             the ICC output profile file (validated at start: it opens in LittleCMS)
 * @param profileDescription  the profile's description tag, as LittleCMS reads it
 * @param profileSha256       SHA-256 of the profile file, for provenance
 * @param outputCondition     the characterised printing condition, for the PDF/X output intent
 * @param precision           how LittleCMS evaluates the separation: {@code EXACT} (every colour through the
 *                            profile's tables; agrees with transicc to the count) or a precalculated grid (faster,
 *                            a few counts off; see the README's benchmark)
 */
public record Stock(String id, String name, String paper, Path profile, String profileDescription,
                    String profileSha256, RenderingIntent intent, boolean blackPointCompensation, InkLimit inkLimit,
                    Set<PrintFileFormat> outputs, String outputCondition, Precision precision, String gamutClass) {

    public Stock {
        outputs = Set.copyOf(outputs);
        gamutClass = gamutClass == null ? "" : gamutClass.strip();
    }

    /**
     * Opens the stock's profile in LittleCMS; close it when done. It was validated at start, so a failure here
     * means the file was changed or removed under a running engine: an engine fault, not the shop's.
     */
    public ColorProfile openProfile() {
        try {
            return ColorProfile.fromFile(profile);
        } catch (IOException e) {
            throw new UncheckedIOException("stock " + id + ": cannot read " + profile, e);
        } catch (InvalidProfile e) {
            throw new IllegalStateException("stock " + id + ": profile " + profile + " is no longer usable", e);
        }
    }
}
