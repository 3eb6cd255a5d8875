package dev.platen.workflow;

import dev.platen.orders.ChooseTier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Choose tier": the requested tier, a smaller tested one, or none (then an operator decides). */
@Component("chooseTierDelegate")
class ChooseTierDelegate implements JavaDelegate {

    private final ChooseTier chooseTier;

    ChooseTierDelegate(ChooseTier chooseTier) {
        this.chooseTier = chooseTier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean trustworthy = Boolean.TRUE.equals(execution.getVariable(PlacementVariables.ARTWORK_TRUSTWORTHY));
        boolean fits = chooseTier.choose(PlacementVariables.placementId(execution), trustworthy);
        execution.setVariableLocal(PlacementVariables.TIER_FITS, fits);
    }
}
