package dev.platen.orders;

/**
 * What an operator decided for a placement the engine could not settle.
 *
 * @param tier     the tier to print at (for {@link Kind#TIER}); any tier of the placement, even one below its minimum
 * @param note     why; required for a rejection
 * @param operator who decided
 */
public record OperatorDecision(Kind kind, String tier, String note, String operator) {

    public enum Kind { TIER, REJECT }
}
