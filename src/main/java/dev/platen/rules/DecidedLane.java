package dev.platen.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.platen.routing.ProofLane;

/**
 * Where a rule set sends a placement, as replay and shadow compare it: one of the proof lanes, an operator's tier
 * choice before any proof (no tier fits, or the art is doubtful), or nowhere yet (the run never reached a lane, or the
 * rule set does not have the placement's tier). The last is an empty string in the API, as it always was.
 */
enum DecidedLane {
    AUTO, REVIEW, OPERATOR, @JsonProperty("") NONE;

    static DecidedLane of(ProofLane.Lane lane) {
        return lane == ProofLane.Lane.AUTO ? AUTO : REVIEW;
    }

    /** As the API and the shadow's differences write it. */
    String word() {
        return this == NONE ? "" : name();
    }
}
