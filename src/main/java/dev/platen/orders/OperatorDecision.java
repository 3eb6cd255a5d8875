package dev.platen.orders;

import org.jspecify.annotations.Nullable;

/**
 * What an operator decided for a placement the engine could not settle on its own.
 *
 * @param tier        the tier to print at (for {@link Kind#TIER}); any tier of the placement, one below its minimum
 *                    only when confirmed
 * @param note        why; required to reject and to ask for new art (the shop reads it)
 * @param operator    who decided
 * @param proofSha256 for {@link Kind#APPROVE}: the soft proof the operator looked at; null means the one under
 *                    review when the decision is checked
 * @param belowMinimumConfirmed for {@link Kind#TIER}: the operator has seen that the art does not reach the tier's
 *                    tested minimum DPI and prints it there anyway; without it such a tier is refused
 */
public record OperatorDecision(Kind kind, @Nullable String tier, @Nullable String note, String operator,
                               @Nullable String proofSha256,
                               boolean belowMinimumConfirmed) {

    public enum Kind {
        /** Print the placement's print files as proofed. */
        APPROVE,
        /** Print at this tier instead (new print files and proof follow). */
        TIER,
        /** Do not print this placement. */
        REJECT,
        /** Ask the shop for a better file; the placement starts again when it comes. */
        NEW_ART
    }

    public OperatorDecision(Kind kind, @Nullable String tier, @Nullable String note, String operator) {
        this(kind, tier, note, operator, null, false);
    }

    public OperatorDecision(Kind kind, @Nullable String tier, @Nullable String note, String operator,
                            @Nullable String proofSha256) {
        this(kind, tier, note, operator, proofSha256, false);
    }
}
