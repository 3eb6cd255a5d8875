package dev.platen.workflow;

import dev.platen.artwork.InspectArtwork;
import dev.platen.orders.PlacementJobs;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * BPMN "Inspect artwork": decodes the placement's art fully (and makes its review preview); says whether it can be
 * trusted to its header.
 */
@Component
class InspectArtworkStep implements FileStep<InspectArtworkStep.Inspected> {

    /** What the inspection found, not yet recorded against the placement. */
    record Inspected(String placementId, InspectArtwork.Inspection inspection) {
    }

    private final PlacementJobs jobs;
    private final InspectArtwork inspect;
    private final StepTimeLimit timeLimit;

    InspectArtworkStep(PlacementJobs jobs, InspectArtwork inspect, StepTimeLimit timeLimit) {
        this.jobs = jobs;
        this.inspect = inspect;
        this.timeLimit = timeLimit;
    }

    @Override
    public String topic() {
        return PlacementVariables.TOPIC_INSPECT;
    }

    /**
     * A busy decoder (ArtworkDecoderBusy) is not caught: the step fails and the engine tries it again on the step's
     * back-off, with nothing recorded against the art.
     */
    @Override
    public Inspected work(String placementId) {
        String artworkId = jobs.startInspection(placementId);
        StepTimeLimit.Clock clock = timeLimit.start("Inspect artwork", placementId);
        return new Inspected(placementId, clock.run(() -> inspect.inspect(artworkId)));
    }

    @Override
    public Map<String, Object> record(Inspected inspected) {
        return Map.of(PlacementVariables.ARTWORK_TRUSTWORTHY,
                jobs.inspected(inspected.placementId(), inspected.inspection()));
    }
}
