package dev.platen.workflow;

import dev.platen.orders.MakeSoftProof;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN "Soft proof": how the placement will look on its stock and product, and the art's quality checks. */
@Component("softProofDelegate")
class SoftProofDelegate implements JavaDelegate {

    private final MakeSoftProof proof;

    SoftProofDelegate(MakeSoftProof proof) {
        this.proof = proof;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proof.proof(PlacementVariables.placementId(execution));
    }
}
