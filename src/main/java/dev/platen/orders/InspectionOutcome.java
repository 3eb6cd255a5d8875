package dev.platen.orders;

/**
 * What a full inspection of a placement's artwork showed.
 *
 * @param trustworthy false when the art could not be decoded or decoded to other dimensions than its header
 *                    promised; such a placement goes to an operator whatever its DPI
 */
public record InspectionOutcome(boolean trustworthy, String summary) {
}
