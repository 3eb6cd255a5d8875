package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

/**
 * Something worth telling about a piece of artwork, with a stable code a client can switch on.
 *
 * @param code     stable, upper-case code, e.g. {@code PDF_EXTRA_PAGES_IGNORED}
 * @param message  one sentence for a person (a quality check's starts with its severity, as clients have read it)
 * @param severity how much attention it needs; when not given, the one the message starts with, else a note
 * @param box      where on the art it is, when the check knows (the content box of {@code EMPTY_MARGINS}); null
 *                 otherwise. Findings stored before severities were kept read back with the message's severity.
 */
public record Finding(String code, String message, Severity severity, @Nullable Box box) {

    /** In the order an operator reads them: PROBLEM first. Same names as the quality checks' severities. */
    public enum Severity {
        /** Worth knowing; prints as the customer expects. */
        INFO,
        /** Prints, but probably not as the customer expects. */
        WARNING,
        /** Prints visibly badly. */
        PROBLEM
    }

    /**
     * A rectangle on the art as shares of its width and height, origin top left: the same on the art, its preview
     * and its proof, whatever each one's pixel size.
     */
    public record Box(double x, double y, double width, double height) {

        public Box {
            if (!(x >= 0 && y >= 0 && width > 0 && height > 0 && x + width <= 1 + 1e-9 && y + height <= 1 + 1e-9)) {
                throw new IllegalArgumentException("not a box on the art: " + x + "," + y + " " + width + "x" + height);
            }
        }

        /** A box of {@code w} x {@code h} px at ({@code px}, {@code py}) on art {@code artWidth} x {@code artHeight} px. */
        public static Box ofPixels(int px, int py, int w, int h, int artWidth, int artHeight) {
            return new Box((double) px / artWidth, (double) py / artHeight, (double) w / artWidth,
                    (double) h / artHeight);
        }
    }

    public Finding {
        // null only from Jackson, reading back a finding stored before severities were kept
        if (severity == null) {
            severity = severityOf(message);
        }
    }

    public Finding(String code, String message) {
        this(code, message, severityOf(message), null);
    }

    private static Severity severityOf(@Nullable String message) {
        return message == null ? Severity.INFO : java.util.Arrays.stream(Severity.values())
                .filter(s -> message.startsWith(s.name() + ":")).findFirst().orElse(Severity.INFO);
    }

    /** The message without the severity it starts with, for a page that shows the severity on its own. */
    public String sentence() {
        String prefix = severity.name() + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /**
     * The image data stops before its end but the decoder still made a picture of the whole size, filling the rest
     * (libjpeg paints the missing blocks grey; a progressive JPEG shows its coarse early scans): decodable, so not
     * a rejection, but the picture is not the customer's, so the quality checks hold it for an operator.
     */
    public static final String TRUNCATED_IMAGE = "TRUNCATED_IMAGE";

    // The codes below are set by other modules (render, preflight) about the same art; each code lives here once so
    // that a client, a test and the module that sets it spell it the same way.

    /** The stock's ink limit had to reduce C, M and Y of art already in the stock's condition or converted to it. */
    public static final String INK_LIMIT_APPLIED = "INK_LIMIT_APPLIED";

    /** CMYK art in the stock's own condition: its values print as they are (the ink limit aside). */
    public static final String CMYK_PASSED_THROUGH = "CMYK_PASSED_THROUGH";

    /** CMYK art converted from its own profile (or a PDF's output intent) to the stock's, black preserved. */
    public static final String CMYK_PROFILE_USED = "CMYK_PROFILE_USED";

    /** CMYK art without a usable profile, taken as the stock's assumed CMYK profile. */
    public static final String ASSUMED_CMYK_PROFILE = "ASSUMED_CMYK_PROFILE";

    /** Grey art printed in black ink only, its lightness kept. */
    public static final String GREY_AS_K = "GREY_AS_K";

    /** A PDF's spot colours kept as their own inks in the PDF/X-4. */
    public static final String SPOT_COLOUR_KEPT = "SPOT_COLOUR_KEPT";

    /** A PDF's spot colours printed in the stock's CMYK (the stock takes no spot inks). */
    public static final String SPOT_COLOUR_CONVERTED = "SPOT_COLOUR_CONVERTED";

    /** A PDF page printed as an image, with the reason: something on it could not be converted in place. */
    public static final String PDF_RASTERISED = "PDF_RASTERISED";

    /** A PDF draws with fonts it does not embed: the press would substitute them (a problem for an operator). */
    public static final String FONT_NOT_EMBEDDED = "FONT_NOT_EMBEDDED";
}
