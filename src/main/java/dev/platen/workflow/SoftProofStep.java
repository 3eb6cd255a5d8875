package dev.platen.workflow;

import dev.platen.orders.PlacementArt;
import dev.platen.orders.PlacementJobs;
import dev.platen.proof.MakeSoftProof;
import org.springframework.stereotype.Component;

import java.util.Map;

/** BPMN "Soft proof": how the placement will look on its stock and product, and the art's quality checks. */
@Component
class SoftProofStep implements FileStep<SoftProofStep.Proofed> {

    /** A soft proof made and stored for a placement, not yet recorded against it. */
    record Proofed(PlacementArt art, MakeSoftProof.Proofed proof, long tookMillis) {
    }

    private final PlacementJobs jobs;
    private final MakeSoftProof proof;
    private final StepTimeLimit timeLimit;

    SoftProofStep(PlacementJobs jobs, MakeSoftProof proof, StepTimeLimit timeLimit) {
        this.jobs = jobs;
        this.proof = proof;
        this.timeLimit = timeLimit;
    }

    @Override
    public String topic() {
        return PlacementVariables.TOPIC_PROOF;
    }

    @Override
    public Proofed work(String placementId) {
        StepTimeLimit.Clock clock = timeLimit.start("Make soft proof", placementId);
        long started = System.nanoTime();
        PlacementArt art = jobs.art(placementId);
        return new Proofed(art, clock.run(() -> proof.proof(art.proofJob())), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public Map<String, Object> record(Proofed proofed) {
        jobs.proofed(proofed.art(), proofed.proof(), proofed.tookMillis());
        return Map.of();
    }
}
