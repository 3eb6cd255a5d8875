package dev.platen.workflow;

import dev.platen.orders.PlacementJobs;
import dev.platen.routing.ProofLane;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Choose proof lane": the placement's rule set decides the lane on its facts (its lane table) and the
 * step follows it. The results land in this placement's own scope: a process-wide variable would be shared by the
 * order's parallel placements.
 */
@Component("chooseProofLaneDelegate")
class ChooseProofLaneDelegate implements JavaDelegate {

    private final PlacementJobs jobs;

    ChooseProofLaneDelegate(PlacementJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlacementJobs.LaneJob job = jobs.laneJob(PlacementVariables.placementId(execution));
        ProofLane lane = job.ruleSet().laneTable().decide(job.facts().facts());
        boolean heldForCanary = jobs.laneChosen(job, lane);
        execution.setVariableLocal(PlacementVariables.PROOF_LANE, lane.lane().name());
        execution.setVariableLocal(PlacementVariables.CANARY_HOLD, heldForCanary);
    }
}
