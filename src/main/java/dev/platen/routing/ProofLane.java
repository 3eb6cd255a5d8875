package dev.platen.routing;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The lane a proofed placement takes: {@link Lane#AUTO} approves it without a person, {@link Lane#REVIEW} puts it in
 * a prepress operator's queue.
 *
 * @param reason the decision table's stable reason, e.g. {@code CLEAN}, {@code DOWNGRADED}, {@code OUT_OF_GAMUT}
 */
public record ProofLane(Lane lane, String reason) {

    public enum Lane {
        AUTO, REVIEW;

        /** The lane a decision table names (in any case, spaces around it ignored); empty for a name no lane has. */
        public static Optional<Lane> named(String name) {
            String wanted = name.trim().toUpperCase(Locale.ROOT);
            return Arrays.stream(values()).filter(lane -> lane.name().equals(wanted)).findFirst();
        }
    }

    public ProofLane {
        Objects.requireNonNull(lane, "lane");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a proof lane needs its reason");
        }
    }

    /**
     * The lane from the decision table's outputs: the one place the table's words become a {@link Lane}. An output the
     * code does not know sends the placement to review, under a reason that names it: a table edited wrongly must not
     * print unseen work (a rule set whose table names an unknown lane outright is refused when it is registered).
     */
    public static ProofLane of(@Nullable Object lane, @Nullable Object reason) {
        String name = lane == null ? "" : lane.toString();
        String why = reason == null || reason.toString().isBlank() ? "NO_REASON_GIVEN" : reason.toString().trim();
        return Lane.named(name).map(known -> new ProofLane(known, why))
                .orElseGet(() -> new ProofLane(Lane.REVIEW, "UNKNOWN_LANE_" + name.trim().toUpperCase(Locale.ROOT)));
    }
}
