package dev.platen.workflow;

import dev.platen.orders.ChooseProofLane;
import dev.platen.routing.ProofLane;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Choose proof lane": evaluates the decision table {@value #DECISION_KEY} on the placement's facts and
 * follows it. The table is evaluated here rather than by a business rule task so that its result lands in this
 * placement's own scope: a process-wide result variable would be shared by the order's parallel placements.
 */
@Component("chooseProofLaneDelegate")
class ChooseProofLaneDelegate implements JavaDelegate {

    static final String DECISION_KEY = "proof-lane";

    private final ChooseProofLane chooseLane;
    private final DecisionService decisions;

    ChooseProofLaneDelegate(ChooseProofLane chooseLane, DecisionService decisions) {
        this.chooseLane = chooseLane;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String placementId = PlacementVariables.placementId(execution);
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(chooseLane.facts(placementId).decisionInputs()).evaluate().getSingleResult();
        ProofLane lane = result == null ? ProofLane.of(null, "NO_RULE_MATCHED")
                : ProofLane.of(result.getEntry("lane"), result.getEntry("laneReason"));
        chooseLane.follow(placementId, lane);
        execution.setVariableLocal(PlacementVariables.PROOF_LANE, lane.lane().name());
    }
}
