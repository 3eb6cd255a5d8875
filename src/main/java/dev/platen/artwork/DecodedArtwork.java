package dev.platen.artwork;

import java.util.List;

/**
 * The result of decoding the whole artwork (every pixel of the first frame or page), as opposed to trusting
 * its header. {@link #agreesWithHeader()} is false when the decoded pixels disagree with what the header
 * promised, which sends the placement to an operator.
 */
public record DecodedArtwork(ArtworkHeader header, Integer decodedWidthPx, Integer decodedHeightPx,
                             List<Finding> findings) {

    public DecodedArtwork {
        findings = List.copyOf(findings);
    }

    public boolean agreesWithHeader() {
        return java.util.Objects.equals(header.widthPx(), decodedWidthPx)
                && java.util.Objects.equals(header.heightPx(), decodedHeightPx);
    }
}
