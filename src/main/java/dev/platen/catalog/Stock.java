package dev.platen.catalog;

import dev.platen.color.ColorProfile;
import dev.platen.color.InkLimit;
import dev.platen.color.InvalidProfile;
import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import org.jspecify.annotations.Nullable;

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
 * @param gamutClass          which thresholds of the proof-lane table judge this stock's proofs
 * @param artPolicy           what happens to art that is already print-native: CMYK without a profile, grey, spots
 * @param registration        the registered name of the printing condition for the PDF/X output intent, if any
 */
public record Stock(String id, String name, String paper, Path profile, String profileDescription,
                    String profileSha256, RenderingIntent intent, boolean blackPointCompensation, InkLimit inkLimit,
                    Set<PrintFileFormat> outputs, String outputCondition, Precision precision, String gamutClass,
                    ArtPolicy artPolicy, Registration registration) {

    public Stock {
        outputs = Set.copyOf(outputs);
        gamutClass = gamutClass == null ? "" : gamutClass.strip();
        artPolicy = artPolicy == null ? ArtPolicy.forStockProfile(profile) : artPolicy;
        registration = registration == null ? Registration.NONE : registration;
    }

    /**
     * A stock with the default art policy (untagged CMYK assumed to be in the stock's own condition, grey as K,
     * spots kept) and no registered condition: tests and tools that make stocks by hand.
     */
    public Stock(String id, String name, String paper, Path profile, String profileDescription,
                 String profileSha256, RenderingIntent intent, boolean blackPointCompensation, InkLimit inkLimit,
                 Set<PrintFileFormat> outputs, String outputCondition, Precision precision, String gamutClass) {
        this(id, name, paper, profile, profileDescription, profileSha256, intent, blackPointCompensation, inkLimit,
                outputs, outputCondition, precision, gamutClass, ArtPolicy.forStockProfile(profile), Registration.NONE);
    }

    /** How a grey image is printed. */
    public enum GreyAs {
        /** Black ink only, the grey's lightness kept through the stock's K channel: no registration to go wrong. */
        K,
        /** Converted like colour art, to a four-colour grey (richer shadows, needs registration). */
        PROCESS
    }

    /** What happens to a PDF's Separation and DeviceN colours. */
    public enum SpotColours {
        /** Kept as named inks in the PDF/X-4, their alternate converted to the stock's CMYK for proofing. */
        KEEP,
        /** Replaced by their alternate in the stock's CMYK: the press has no spot units. */
        CONVERT
    }

    /**
     * What the stock does with art that is already print-native.
     *
     * @param assumedCmykProfile the profile CMYK art without one of its own is taken to be in ({@code stocks.yaml}
     *                           {@code assumedCmykProfile}, per stock or for all; default the project's coated
     *                           profile)
     * @param greyAs             {@code k} (default) or {@code process}
     * @param spotColours        {@code keep} (default) or {@code convert}
     */
    public record ArtPolicy(Path assumedCmykProfile, GreyAs greyAs, SpotColours spotColours) {

        /** The canonical constructor, written out so that it may take no grey or spot rule: the defaults then. */
        public ArtPolicy(Path assumedCmykProfile, @Nullable GreyAs greyAs, @Nullable SpotColours spotColours) {
            this.assumedCmykProfile = java.util.Objects.requireNonNull(assumedCmykProfile, "assumedCmykProfile");
            this.greyAs = greyAs == null ? GreyAs.K : greyAs;
            this.spotColours = spotColours == null ? SpotColours.KEEP : spotColours;
        }

        static ArtPolicy forStockProfile(Path profile) {
            return new ArtPolicy(profile, GreyAs.K, SpotColours.KEEP);
        }

        /** Opens the assumed CMYK profile (validated at start, like the stock's own); close it when done. */
        public ColorProfile openAssumedCmykProfile() {
            return open(assumedCmykProfile, "assumed CMYK profile");
        }
    }

    /**
     * A printing condition registered with a registry a RIP knows, so that the PDF/X output intent's
     * OutputConditionIdentifier means something to it (ISO 15930-7 6.2.4: FOGRA39 in the ICC's registry at
     * http://www.color.org). Both empty when the stock's condition is its own.
     */
    public record Registration(@Nullable String outputConditionIdentifier, @Nullable String registryName) {

        public static final Registration NONE = new Registration(null, null);

        public boolean registered() {
            return outputConditionIdentifier != null;
        }
    }

    /**
     * Opens the stock's profile in LittleCMS; close it when done. It was validated at start, so a failure here
     * means the file was changed or removed under a running engine: an engine fault, not the shop's.
     */
    public ColorProfile openProfile() {
        return open(profile, "stock " + id + ": profile");
    }

    private static ColorProfile open(Path file, String what) {
        try {
            return ColorProfile.fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot read " + file, e);
        } catch (InvalidProfile e) {
            throw new IllegalStateException(what + " " + file + " is no longer usable", e);
        }
    }
}
