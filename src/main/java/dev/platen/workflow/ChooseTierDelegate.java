package dev.platen.workflow;

import dev.platen.orders.PlacementJobs;
import dev.platen.routing.TierChoice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN "Choose tier": the requested tier, a smaller tested one, or none (then an operator decides), by
 * {@link TierChoice} on the tiers of the placement's rule set. Art found doubtful on inspection is held for an
 * operator without a choice.
 */
@Component("chooseTierDelegate")
class ChooseTierDelegate implements JavaDelegate {

    private final PlacementJobs jobs;

    ChooseTierDelegate(PlacementJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean trustworthy = Boolean.TRUE.equals(execution.getVariable(PlacementVariables.ARTWORK_TRUSTWORTHY));
        PlacementJobs.TierJob tier = jobs.tierJob(PlacementVariables.placementId(execution));
        boolean fits = false;
        if (trustworthy) {
            fits = jobs.tierChosen(tier, TierChoice.forArtwork(tier.catalogPlacement(), tier.requestedTier(),
                    tier.header()));
        } else {
            jobs.heldAsDoubtful(tier);
        }
        execution.setVariableLocal(PlacementVariables.TIER_FITS, fits);
    }
}
