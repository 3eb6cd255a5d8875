package dev.platen.workflow;

import dev.platen.orders.MakeSoftProof;
import dev.platen.orders.MakeSoftProof.Proofed;
import org.springframework.stereotype.Component;

import java.util.Map;

/** BPMN "Soft proof": how the placement will look on its stock and product, and the art's quality checks. */
@Component
class SoftProofStep implements FileStep<Proofed> {

    private final MakeSoftProof proof;

    SoftProofStep(MakeSoftProof proof) {
        this.proof = proof;
    }

    @Override
    public String topic() {
        return PlacementVariables.TOPIC_PROOF;
    }

    @Override
    public Proofed work(String placementId) {
        return proof.proof(placementId);
    }

    @Override
    public Map<String, Object> record(Proofed proofed) {
        proof.record(proofed);
        return Map.of();
    }
}
