package dev.platen.orders;

import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.artwork.DecodedArtwork;
import dev.platen.artwork.Finding;
import dev.platen.storage.ObjectStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 1 of a placement: decode the whole artwork, not only its header, and record what that showed. The
 * verdict at intake trusted the header; this is where a lying or broken file is caught. Art that decodes gets its
 * review preview here ({@link ArtPreviews}), once per artwork.
 *
 * <p>The full decode cannot be kept for the print files: {@link ArtworkReader#decodeFully} answers with sizes and
 * findings only (the decoder's warnings among them, which only it reports), not with the image, and its image is not
 * yet turned upright by the EXIF orientation. The preview is drawn from {@link ArtworkReader#pixels} instead, through
 * {@link DecodedArt}: for raster art that is the very decode the render and proof steps then take, so the art is
 * decoded twice per placement (check, print) and not three times.
 */
@Component
public class InspectPlacement {

    private static final Logger log = LoggerFactory.getLogger(InspectPlacement.class);

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final ArtworkReader reader;
    private final ObjectStore store;
    private final StepTimeLimit timeLimit;
    private final ArtPreviews previews;
    private final DecodedArt decodedArt;

    InspectPlacement(OrderBook book, PlacementLifecycle lifecycle, ArtworkReader reader, ObjectStore store,
                     StepTimeLimit timeLimit, ArtPreviews previews, DecodedArt decodedArt) {
        this.decodedArt = decodedArt;
        this.book = book;
        this.lifecycle = lifecycle;
        this.reader = reader;
        this.store = store;
        this.timeLimit = timeLimit;
        this.previews = previews;
    }

    /**
     * The step's work, outside any transaction: decodes the art (and makes its preview) and answers with what it
     * found; nothing is recorded against the placement until {@link #record}.
     */
    public Inspected inspect(String placementId) {
        OrderPlacement placement = book.placement(placementId)
                .orElseThrow(() -> new IllegalArgumentException("no placement " + placementId));
        lifecycle.startWork(placementId);
        StepTimeLimit.Clock clock = timeLimit.start("Inspect artwork", placementId);
        DecodedArtwork decoded;
        try {
            java.nio.file.Path art = store.readablePath(placement.artworkId());
            decoded = clock.run(() -> reader.decodeFully(art));
        } catch (ArtworkRejected e) {
            // Only a verdict on the file itself is a finding. ArtworkDecoderBusy (no decoder free, or the file starved
            // of its time by other work) is not caught: the step fails and the engine tries it again on the step's
            // back-off, with nothing recorded against the art.
            return new Inspected(placementId,
                    List.of(new Finding("ARTWORK_UNDECODABLE", e.code() + ": " + e.getMessage())),
                    new InspectionOutcome(false, e.getMessage()));
        } catch (IOException e) {
            // The object store lost the file: an engine fault, retried and then raised as an incident.
            throw new UncheckedIOException("artwork " + placement.artworkId() + " cannot be read from the store", e);
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
            decodedArt.keepInspected(placement.artworkId(), decoded.header(), decoded.pixels());
        }
        preview(placement.artworkId(), decoded, clock);
        return new Inspected(placementId, findings,
                new InspectionOutcome(agrees, agrees ? "decoded as the header said" : "header and pixels disagree"));
    }

    /** Records the inspection's findings against its placement, in the transaction that ends the step. */
    public InspectionOutcome record(Inspected inspected) {
        lifecycle.addFindings(inspected.placementId(), inspected.findings());
        return inspected.outcome();
    }

    /** What an inspection found, not yet recorded. */
    public record Inspected(String placementId, List<Finding> findings, InspectionOutcome outcome) {
        public Inspected {
            findings = List.copyOf(findings);
        }
    }

    /**
     * The review preview, made while the art is at hand; also when header and pixels disagree, since that
     * placement is the one an operator looks at. A busy decoder fails the step like the decode above.
     */
    private void preview(String artworkId, DecodedArtwork decoded, StepTimeLimit.Clock clock) {
        Optional<byte[]> png;
        try {
            png = clock.run(() -> previews.drawIfMissing(artworkId, decoded.header()));
        } catch (ArtworkRejected e) {
            // Decoded whole a moment ago but refused for printing: the render step meets the same refusal and
            // records it; the review page shows no art until then.
            log.warn("artwork {}: no preview, its pixels for printing were refused: {}", artworkId, e.getMessage());
            return;
        }
        png.ifPresent(bytes -> previews.keep(artworkId, bytes));
    }
}
