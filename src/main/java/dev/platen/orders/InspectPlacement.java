package dev.platen.orders;

import dev.platen.artwork.ArtworkReader;
import dev.platen.artwork.ArtworkRejected;
import dev.platen.artwork.DecodedArtwork;
import dev.platen.artwork.Finding;
import dev.platen.storage.ObjectStore;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 1 of a placement: decode the whole artwork, not only its header, and record what that showed. The
 * verdict at intake trusted the header; this is where a lying or broken file is caught.
 */
@Component
public class InspectPlacement {

    private final OrderBook book;
    private final ArtworkReader reader;
    private final ObjectStore store;
    private final StepTimeLimit timeLimit;

    InspectPlacement(OrderBook book, ArtworkReader reader, ObjectStore store, StepTimeLimit timeLimit) {
        this.book = book;
        this.reader = reader;
        this.store = store;
        this.timeLimit = timeLimit;
    }

    public InspectionOutcome inspect(String placementId) {
        OrderPlacement placement = book.placement(placementId)
                .orElseThrow(() -> new IllegalArgumentException("no placement " + placementId));
        book.startWork(placementId);
        StepTimeLimit.Clock clock = timeLimit.start("Inspect artwork", placementId);
        DecodedArtwork decoded;
        try {
            java.nio.file.Path art = store.readablePath(placement.artworkId());
            decoded = clock.run(() -> reader.decodeFully(art));
        } catch (ArtworkRejected e) {
            // Only a verdict on the file itself is a finding. ArtworkDecoderBusy (no decoder free, or the file starved
            // of its time by other work) is not caught: the job fails and the engine tries it again on the step's
            // back-off, with nothing recorded against the art.
            book.addFindings(placementId, List.of(new Finding("ARTWORK_UNDECODABLE", e.code() + ": " + e.getMessage())));
            return new InspectionOutcome(false, e.getMessage());
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
        book.addFindings(placementId, findings);
        return new InspectionOutcome(agrees, agrees ? "decoded as the header said" : "header and pixels disagree");
    }
}
