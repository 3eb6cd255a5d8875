package dev.platen.artwork;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The result of decoding the whole artwork (every pixel of the first frame or page), as opposed to trusting
 * its header. {@link #agreesWithHeader()} is false when the decoded pixels disagree with what the header
 * promised, which sends the placement to an operator. For raster art, {@link #pixels()} is the same decode as the
 * print takes it ({@link ArtworkReader#pixels}: upright, samples named), so the steps after need not decode again.
 */
public record DecodedArtwork(ArtworkHeader header, @Nullable Integer decodedWidthPx, @Nullable Integer decodedHeightPx,
                             List<Finding> findings, @Nullable ArtworkPixels pixels) {

    public DecodedArtwork {
        findings = List.copyOf(findings);
    }

    /** A decode that leaves no pixels to print from (a PDF page: rendered at each tier's own scale). */
    public DecodedArtwork(ArtworkHeader header, @Nullable Integer decodedWidthPx, @Nullable Integer decodedHeightPx,
                          List<Finding> findings) {
        this(header, decodedWidthPx, decodedHeightPx, findings, null);
    }

    public boolean agreesWithHeader() {
        return java.util.Objects.equals(header.widthPx(), decodedWidthPx)
                && java.util.Objects.equals(header.heightPx(), decodedHeightPx);
    }
}
