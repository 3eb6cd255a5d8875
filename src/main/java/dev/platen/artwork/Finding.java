package dev.platen.artwork;

/**
 * Something worth telling about a piece of artwork, with a stable code a client can switch on.
 *
 * @param code    stable, upper-case code, e.g. {@code PDF_EXTRA_PAGES_IGNORED}
 * @param message one sentence for a person
 */
public record Finding(String code, String message) {

    /**
     * The image data stops before its end but the decoder still made a picture of the whole size, filling the rest
     * (libjpeg paints the missing blocks grey; a progressive JPEG shows its coarse early scans): decodable, so not
     * a rejection, but the picture is not the customer's, so the quality checks hold it for an operator.
     */
    public static final String TRUNCATED_IMAGE = "TRUNCATED_IMAGE";

    /** The stock's ink limit had to reduce C, M and Y of art already in the stock's condition or converted to it. */
    public static final String INK_LIMIT_APPLIED = "INK_LIMIT_APPLIED";
}
