package dev.platen.preflight;

import dev.platen.artwork.Finding;
import dev.platen.preflight.QualityFinding.Severity;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code WIDE_GAMUT_SOURCE}: what the art's colour profile means for the print, from facts found elsewhere (the
 * colour path's findings and the embedded profile's description); a pure function.
 *
 * <p>Untagged art is not reported again here: the render step already says what was done with it
 * ({@code UNTAGGED_RGB}, {@code ICC_PROFILE_IGNORED}, {@code ASSUMED_CMYK_PROFILE}), and one fact gives one finding.
 * Such art gets no wide-gamut finding either: an ignored profile says nothing about the colours that are used.
 *
 * <ul>
 *   <li>{@code WIDE_GAMUT_SOURCE} when the (used) profile's description names a known wide-gamut RGB space. Measured:
 *       the area of its primaries' triangle in CIE 1931 xy as a multiple of sRGB's, a rough but standard size of a
 *       gamut. Default limits: INFO from {@value #DEFAULT_INFO} (Adobe RGB 1.35, Display P3 1.36: a modest
 *       extension, mostly greens and cyans, that the rendering intent handles with little visible change) and
 *       WARNING from {@value #DEFAULT_WARNING} (Rec. 2020 1.89, ProPhoto 2.47: saturated colours reach far beyond
 *       any press gamut and will print visibly duller than on the customer's screen).</li>
 * </ul>
 */
final class ColourSourceCheck {

    static final String WIDE_GAMUT = "WIDE_GAMUT_SOURCE";
    static final double DEFAULT_INFO = 1.2;
    static final double DEFAULT_WARNING = 1.6;
    static final String GAMUT_UNIT = "x sRGB gamut area (CIE xy)";

    private static final Set<String> UNTAGGED_CODES = Set.of("UNTAGGED_RGB", "ICC_PROFILE_IGNORED",
            dev.platen.artwork.Finding.ASSUMED_CMYK_PROFILE);

    /**
     * Known wide-gamut spaces: the words their profile descriptions use (lower case, letters and digits only, so
     * "Rec. 2020", "Rec.2020" and "ITU-R BT.2020" all match) and their red, green, blue primaries in CIE xy.
     */
    private enum Space {
        PROPHOTO("ProPhoto RGB", List.of("prophoto", "rommrgb"), 0.7347, 0.2653, 0.1596, 0.8404, 0.0366, 0.0001),
        REC2020("Rec. 2020", List.of("rec2020", "bt2020"), 0.708, 0.292, 0.170, 0.797, 0.131, 0.046),
        DISPLAY_P3("Display P3", List.of("displayp3", "dcip3"), 0.680, 0.320, 0.265, 0.690, 0.150, 0.060),
        ADOBE_RGB("Adobe RGB", List.of("adobergb"), 0.64, 0.33, 0.21, 0.71, 0.15, 0.06);

        private final String label;
        private final List<String> words;
        private final double[] xy;

        Space(String label, List<String> words, double... xy) {
            this.label = label;
            this.words = words;
            this.xy = xy;
        }

        double areaOverSrgb() {
            return triangle(xy) / triangle(0.64, 0.33, 0.30, 0.60, 0.15, 0.06);
        }

        private static double triangle(double... p) {
            return Math.abs(p[0] * (p[3] - p[5]) + p[2] * (p[5] - p[1]) + p[4] * (p[1] - p[3])) / 2;
        }
    }

    private final double infoAt;
    private final double warningAt;

    ColourSourceCheck(double infoAt, double warningAt) {
        if (!(warningAt >= infoAt)) {
            throw new IllegalArgumentException("the warning limit " + warningAt + " must be at least the info limit "
                    + infoAt);
        }
        this.infoAt = infoAt;
        this.warningAt = warningAt;
    }

    ColourSourceCheck() {
        this(DEFAULT_INFO, DEFAULT_WARNING);
    }

    /**
     * @param findings              the decoder's and colour path's findings for the art
     * @param iccProfileDescription the embedded profile's description, or null
     */
    List<QualityFinding> map(List<Finding> findings, @Nullable String iccProfileDescription) {
        List<QualityFinding> out = new ArrayList<>();
        boolean untagged = findings.stream().anyMatch(f -> UNTAGGED_CODES.contains(f.code()));
        if (untagged) {
            return out; // an ignored profile says nothing about the colours that will be used
        }
        if (iccProfileDescription == null) {
            return out;
        }
        String words = iccProfileDescription.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (Space space : Space.values()) {
            if (space.words.stream().anyMatch(words::contains)) {
                double area = space.areaOverSrgb();
                if (area >= infoAt) {
                    Severity severity = area >= warningAt ? Severity.WARNING : Severity.INFO;
                    out.add(new QualityFinding(WIDE_GAMUT, severity, area, severity == Severity.WARNING ? warningAt
                            : infoAt, GAMUT_UNIT, String.format(Locale.ROOT, "The art is in %s, a gamut %.2f times "
                                    + "sRGB's; %s", space.label, area, severity == Severity.WARNING
                                    ? "its saturated colours will print visibly duller than on screen."
                                    : "its most saturated colours will print slightly duller than on screen.")));
                }
                break;
            }
        }
        return out;
    }
}
