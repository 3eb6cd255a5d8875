package dev.platen.artwork;

import java.util.Objects;

/**
 * Where the art's pixels come from, as far as judging them goes: how the file compressed them, and whether Platen
 * rendered them (a PDF page, drawn at a resolution Platen chose, its placed images resampled on the way) or decoded
 * them as the file holds them. Damage a check names must be the customer's, not an artefact of the engine's own
 * resampling: a photo placed at 150 ppi in a PDF rendered at 300 looks enlarged on the rendered page, but its
 * resolution is judged from the placed image's size on the page, not from the pixels.
 *
 * @param coding   how the file compressed the pixels
 * @param rendered true for pixels Platen rendered (PDF), false for pixels decoded as stored (raster files)
 */
public record PixelSource(PixelCoding coding, boolean rendered) {

    public PixelSource {
        Objects.requireNonNull(coding, "coding");
    }

    /** Pixels decoded as the file stores them. */
    public static PixelSource decoded(PixelCoding coding) {
        return new PixelSource(coding, false);
    }

    /** A page Platen rendered from a PDF whose images were coded so. */
    public static PixelSource rendered(PixelCoding coding) {
        return new PixelSource(coding, true);
    }
}
