package dev.platen.artwork;

import dev.platen.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole decode of a stored artwork, not only its header, and what it showed. The verdict at intake trusted the
 * header; this is where a lying or broken file is caught. Art that decodes gets its review preview here
 * ({@link ArtPreviews}), once per artwork.
 *
 * <p>The full decode cannot be kept for the print files: {@link ArtworkReader#decodeFully} answers with sizes and
 * findings only (the decoder's warnings among them, which only it reports), not with the image, and its image is not
 * yet turned upright by the EXIF orientation. The preview is drawn from {@link ArtworkReader#pixels} instead, through
 * {@link DecodedArt}: for raster art that is the very decode the print files and the soft proof then take, so the
 * art is decoded twice per placement (check, print) and not three times.
 */
@Component
public class InspectArtwork {

    private static final Logger log = LoggerFactory.getLogger(InspectArtwork.class);

    /**
     * What a full inspection of an artwork showed.
     *
     * @param findings    what the decode found, with {@code ARTWORK_UNDECODABLE} or {@code HEADER_MISMATCH} when the
     *                    art cannot be trusted
     * @param trustworthy false when the art could not be decoded or decoded to other dimensions than its header
     *                    promised; such a placement goes to an operator whatever its DPI
     */
    public record Inspection(List<Finding> findings, boolean trustworthy, String summary) {
        public Inspection {
            findings = List.copyOf(findings);
        }
    }

    private final ArtworkReader reader;
    private final ObjectStore store;
    private final ArtPreviews previews;
    private final DecodedArt decodedArt;

    InspectArtwork(ArtworkReader reader, ObjectStore store, ArtPreviews previews, DecodedArt decodedArt) {
        this.reader = reader;
        this.store = store;
        this.previews = previews;
        this.decodedArt = decodedArt;
    }

    /**
     * Decodes the stored art (and makes its preview when it has none) and answers with what it found. The caller
     * runs this on its step's clock: it is all file work.
     *
     * @throws ArtworkDecoderBusy when no decoder is free, or the file was starved of its time by other work: not a
     *                            verdict on the art, nothing is said about it and the caller tries again later
     */
    public Inspection inspect(String artworkId) {
        DecodedArtwork decoded;
        try {
            Path art = store.readablePath(artworkId);
            decoded = reader.decodeFully(art);
        } catch (ArtworkRejected e) {
            // Only a verdict on the file itself is a finding; ArtworkDecoderBusy is not caught (see above).
            return new Inspection(List.of(new Finding("ARTWORK_UNDECODABLE", e.code() + ": " + e.getMessage())),
                    false, e.getMessage());
        } catch (IOException e) {
            // The object store lost the file: an engine fault, retried and then raised as an incident.
            throw new UncheckedIOException("artwork " + artworkId + " cannot be read from the store", e);
        }
        List<Finding> findings = new ArrayList<>(decoded.findings());
        boolean agrees = decoded.agreesWithHeader();
        if (!agrees) {
            findings.add(new Finding("HEADER_MISMATCH", "The header promised " + decoded.header().widthPx() + "x"
                    + decoded.header().heightPx() + " px but the pixels decoded to " + decoded.decodedWidthPx() + "x"
                    + decoded.decodedHeightPx() + " px."));
        }
        if (decoded.pixels() != null) {
            // The whole decode just made is the print's: the preview, the print files and the soft proof use it.
            decodedArt.keepInspected(artworkId, decoded.header(), decoded.pixels());
        }
        preview(artworkId, decoded);
        return new Inspection(findings, agrees, agrees ? "decoded as the header said" : "header and pixels disagree");
    }

    /**
     * The review preview, made while the art is at hand; also when header and pixels disagree, since that
     * placement is the one an operator looks at. A busy decoder fails the inspection like the decode above.
     */
    private void preview(String artworkId, DecodedArtwork decoded) {
        Optional<byte[]> png;
        try {
            png = previews.drawIfMissing(artworkId, decoded.header());
        } catch (ArtworkRejected e) {
            // Decoded whole a moment ago but refused for printing: the render step meets the same refusal and
            // records it; the review page shows no art until then.
            log.warn("artwork {}: no preview, its pixels for printing were refused: {}", artworkId, e.getMessage());
            return;
        }
        png.ifPresent(bytes -> previews.keep(artworkId, bytes));
    }
}
