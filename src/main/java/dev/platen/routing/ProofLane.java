package dev.platen.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * The lane a proofed placement takes: {@link Lane#AUTO} approves it without a person, {@link Lane#REVIEW} puts it in
 * a prepress operator's queue.
 *
 * @param reason the decision table's stable reason, e.g. {@code CLEAN}, {@code DOWNGRADED}, {@code OUT_OF_GAMUT}
 */
public record ProofLane(Lane lane, String reason) {

    public enum Lane { AUTO, REVIEW }

    public ProofLane {
        Objects.requireNonNull(lane, "lane");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a proof lane needs its reason");
        }
    }

    /**
     * The lane from the decision table's outputs. An output the code does not know sends the placement to review:
     * a table edited wrongly must not print unseen work.
     */
    public static ProofLane of(Object lane, Object reason) {
        String name = lane == null ? "" : lane.toString().trim().toUpperCase(Locale.ROOT);
        String why = reason == null || reason.toString().isBlank() ? "NO_REASON_GIVEN" : reason.toString().trim();
        return "AUTO".equals(name) ? new ProofLane(Lane.AUTO, why)
                : new ProofLane(Lane.REVIEW, "REVIEW".equals(name) ? why : "UNKNOWN_LANE_" + name);
    }
}
