package dev.platen.workflow;

import dev.platen.orders.ChooseProofLane;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Choose proof lane": the placement's rule set decides the lane on its facts ({@link ChooseProofLane}) and the
 * step follows it. The results land in this placement's own scope: a process-wide variable would be shared by the
 * order's parallel placements.
 */
@Component("chooseProofLaneDelegate")
class ChooseProofLaneDelegate implements JavaDelegate {

    private final ChooseProofLane chooseLane;

    ChooseProofLaneDelegate(ChooseProofLane chooseLane) {
        this.chooseLane = chooseLane;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChooseProofLane.Outcome outcome = chooseLane.choose(PlacementVariables.placementId(execution));
        execution.setVariableLocal(PlacementVariables.PROOF_LANE, outcome.lane().lane().name());
        execution.setVariableLocal(PlacementVariables.CANARY_HOLD, outcome.heldForCanary());
    }
}
