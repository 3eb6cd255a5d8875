package dev.platen.rules;

/**
 * Where a rule set stands. One is {@link #LIVE}; at most one other is being tried ({@link #SHADOW} or
 * {@link #CANARY}). A candidate goes CANDIDATE → SHADOW → CANARY → LIVE (the old live one becomes
 * {@link #RETIRED}), or to {@link #ROLLED_BACK} from shadow or canary.
 */
public enum RuleSetState {
    /** Uploaded and checked; replay may run on it; no placement sees it. */
    CANDIDATE,
    /** Decides beside the live rule set on every new placement, without acting; the differences are counted. */
    SHADOW,
    /** Runs a stable share of new placements, their approvals held until it is promoted or rolled back. */
    CANARY,
    LIVE,
    /** Was live, replaced by a promotion. */
    RETIRED,
    /** Taken out by a guardrail or an admin; its unsettled placements ran again on the live rule set. */
    ROLLED_BACK;

    boolean tried() {
        return this == SHADOW || this == CANARY;
    }
}
