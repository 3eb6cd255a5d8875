package dev.platen.artwork;


import java.time.Instant;
import java.util.Optional;

/**
 * The record Platen made of an artwork when it was uploaded, as the placement steps and the review pages read it:
 * the header read then, and the screen preview made once when a placement's art was first decoded. Kept by the
 * module that takes the uploads in (intake); declared here, with the art, so that the inspection, the previews and
 * the order steps read it without knowing who keeps it.
 */
public interface ArtworkRecords {

    /**
     * The header read at upload. An artwork whose stored header no longer reads (written by an older Platen) has
     * its file read once more and the header stored again.
     *
     * @throws IllegalArgumentException when Platen holds no artwork with this id
     */
    ArtworkHeader header(String artworkId);

    /**
     * When the file was first stored (the same bytes uploaded again keep it): the date its print files carry.
     *
     * @throws IllegalArgumentException when Platen holds no artwork with this id
     */
    Instant received(String artworkId);

    /** The SHA-256 of the stored preview (PNG) of the artwork, if one has been made. */
    Optional<String> previewSha256(String artworkId);

    /** Records the stored preview of the artwork. */
    void recordPreview(String artworkId, String pngSha256);
}
