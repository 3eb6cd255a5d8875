package dev.platen.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables of one placement, kept in one place because the BPMN refers to them. */
final class PlacementVariables {

    static final String PLACEMENT_ID = "placementId";
    static final String ARTWORK_TRUSTWORTHY = "artworkTrustworthy";
    static final String TIER_FITS = "tierFits";
    static final String PROOF_LANE = "proofLane";
    /** An approval that waits for its canary rule set's verdict (promotion releases it, a rollback runs it again). */
    static final String CANARY_HOLD = "canaryHold";

    /** The operator's form fields in "Resolve placement" and "Review proof". */
    static final String FORM_DECISION = "decision";
    static final String FORM_TIER = "tier";
    static final String FORM_NOTE = "note";
    static final String FORM_PROOF = "proofSha256";
    static final String FORM_BELOW_MINIMUM = "belowMinimumConfirmed";
    /** The tiers the operator can choose from, with their DPI: the Tasklist form's list (task-local, JSON). */
    static final String TIER_CHOICES = "tierChoices";

    /** The checked decision, local to the placement: declared by "Prepare placement"'s input parameters. */
    static final String OPERATOR_DECISION = "operatorDecision";
    static final String OPERATOR_TIER = "operatorTier";
    static final String OPERATOR_NOTE = "operatorNote";
    static final String OPERATOR = "operator";
    static final String OPERATOR_PROOF = "operatorProofSha256";
    static final String OPERATOR_BELOW_MINIMUM = "operatorBelowMinimumConfirmed";

    /** The external task topics of the steps that work on files ({@link FileStep}), as the BPMN names them. */
    static final String TOPIC_INSPECT = "inspect-artwork";
    static final String TOPIC_RENDER = "render-print-files";
    static final String TOPIC_PROOF = "soft-proof";

    /** The operator tasks of a placement, as the BPMN names them. */
    static final String RESOLVE_TASK = "ResolvePlacement";
    static final String REVIEW_TASK = "ReviewProof";

    private PlacementVariables() {
    }

    static String placementId(VariableScope scope) {
        Object id = scope.getVariable(PLACEMENT_ID);
        if (!(id instanceof String text) || text.isBlank()) {
            throw new IllegalStateException("process variable placementId is missing");
        }
        return text;
    }
}
