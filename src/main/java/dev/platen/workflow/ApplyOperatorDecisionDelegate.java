package dev.platen.workflow;

import dev.platen.orders.OperatorDecision;
import dev.platen.orders.ResolvePlacement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Apply operator decision": records the operator's approval, tier, rejection or request for new art. */
@Component("applyOperatorDecisionDelegate")
class ApplyOperatorDecisionDelegate implements JavaDelegate {

    private final ResolvePlacement resolve;

    ApplyOperatorDecisionDelegate(ResolvePlacement resolve) {
        this.resolve = resolve;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OperatorDecision decision = new OperatorDecision(
                OperatorDecision.Kind.valueOf((String) execution.getVariable(PlacementVariables.OPERATOR_DECISION)),
                (String) execution.getVariable(PlacementVariables.OPERATOR_TIER),
                (String) execution.getVariable(PlacementVariables.OPERATOR_NOTE),
                (String) execution.getVariable(PlacementVariables.OPERATOR),
                (String) execution.getVariable(PlacementVariables.OPERATOR_PROOF),
                Boolean.TRUE.equals(execution.getVariable(PlacementVariables.OPERATOR_BELOW_MINIMUM)));
        boolean held = resolve.apply(PlacementVariables.placementId(execution), decision);
        execution.setVariableLocal(PlacementVariables.CANARY_HOLD, held);
    }
}
