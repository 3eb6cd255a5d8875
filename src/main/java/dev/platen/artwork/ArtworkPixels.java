package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The art's pixels, ready to be placed: the first frame or page, EXIF orientation applied, with the samples in
 * the art's own colour space (nothing converted on the way), and the ICC profile that says what they mean.
 *
 * @param image       the decoded image; its raster holds the file's own samples (RGB, grey or CMYK, with alpha
 *                    where the file has it); do not trust its ColorModel for colour, trust {@code iccProfile}
 * @param samples     what the samples are: {@code RGB}, {@code GRAY} or {@code CMYK}
 * @param iccProfile  the embedded ICC profile's bytes, or null when the file has none (or an unusable one)
 * @param findings    what decoding showed, {@link Finding#TRUNCATED_IMAGE} among them when the data stops early
 * @param source      how the file compressed the pixels and whether Platen rendered them, so that checks look only
 *                    for damage the customer's pixels can carry
 */
public record ArtworkPixels(BufferedImage image, String samples, byte @Nullable [] iccProfile, List<Finding> findings,
                            PixelSource source) {

    public ArtworkPixels {
        findings = List.copyOf(findings);
        java.util.Objects.requireNonNull(source, "source");
    }

    /** How the file compressed the pixels. */
    public PixelCoding coding() {
        return source.coding();
    }
}
