package dev.platen.workflow;

import dev.platen.orders.InspectPlacement;
import dev.platen.orders.InspectPlacement.Inspected;
import org.springframework.stereotype.Component;

import java.util.Map;

/** BPMN "Inspect artwork": decodes the placement's art fully; says whether it can be trusted to its header. */
@Component
class InspectArtworkStep implements FileStep<Inspected> {

    private final InspectPlacement inspect;

    InspectArtworkStep(InspectPlacement inspect) {
        this.inspect = inspect;
    }

    @Override
    public String topic() {
        return PlacementVariables.TOPIC_INSPECT;
    }

    @Override
    public Inspected work(String placementId) {
        return inspect.inspect(placementId);
    }

    @Override
    public Map<String, Object> record(Inspected inspected) {
        return Map.of(PlacementVariables.ARTWORK_TRUSTWORTHY, inspect.record(inspected).trustworthy());
    }
}
