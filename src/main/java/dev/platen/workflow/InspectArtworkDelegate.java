package dev.platen.workflow;

import dev.platen.orders.InspectPlacement;
import dev.platen.orders.InspectionOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Inspect artwork": decodes the placement's art fully. */
@Component("inspectArtworkDelegate")
class InspectArtworkDelegate implements JavaDelegate {

    private final InspectPlacement inspect;

    InspectArtworkDelegate(InspectPlacement inspect) {
        this.inspect = inspect;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InspectionOutcome outcome = inspect.inspect(PlacementVariables.placementId(execution));
        // Local to this placement's sub-process instance: parallel placements must not see each other's.
        execution.setVariableLocal(PlacementVariables.ARTWORK_TRUSTWORTHY, outcome.trustworthy());
    }
}
