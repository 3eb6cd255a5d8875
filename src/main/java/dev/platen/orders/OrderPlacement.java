package dev.platen.orders;

import dev.platen.artwork.Finding;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * One placement of one line item: which art goes where, the tier asked for, and what Platen made of it.
 *
 * @param position     0-based place of this placement in the order, across items
 * @param effectiveDpi at the chosen tier (or the requested one when none fits), rounded to 0.1; null for vector art
 * @param reasons      stable reason codes for the tier decision
 * @param decidedBy    the operator who chose the tier or rejected, or null
 * @param printFiles   the print-ready files made for the chosen tier (empty until rendered)
 * @param softProof    the soft proof at the chosen tier, or null until made
 * @param lane         the proof lane taken after the soft proof, or null before it
 * @param laneReason   the proof-lane table's reason, e.g. {@code CLEAN}, {@code DOWNGRADED}, {@code OUT_OF_GAMUT}
 * @param approval     the approval it prints under, or null until approved
 * @param ruleSet      the number of the rule set it runs under (see {@code dev.platen.rules})
 * @param heldBy       who approved it while it ran on a canary rule set: the approval waits for that rule set's
 *                     promotion (or the placement runs again on the live one); null when nothing is held
 */
public record OrderPlacement(String id, String orderId, int position, int itemIndex, String product, int quantity,
                             String placement, String requestedTier, String artworkId, PlacementStatus status,
                             @Nullable String chosenTier, @Nullable BigDecimal effectiveDpi, boolean downgraded,
                             List<ReasonCode> reasons, List<Finding> findings, @Nullable String decidedBy,
                             @Nullable String decisionNote, List<PrintFileRecord> printFiles,
                             @Nullable SoftProofRecord softProof, ProofLane.@Nullable Lane lane,
                             @Nullable String laneReason, @Nullable Approval approval, int ruleSet,
                             @Nullable String heldBy) {

    public OrderPlacement {
        reasons = List.copyOf(reasons);
        findings = List.copyOf(findings);
        printFiles = List.copyOf(printFiles);
    }

    /** The same placement with these print files (the order book reads them on rows of their own). */
    OrderPlacement withPrintFiles(List<PrintFileRecord> files) {
        return new OrderPlacement(id, orderId, position, itemIndex, product, quantity, placement, requestedTier,
                artworkId, status, chosenTier, effectiveDpi, downgraded, reasons, findings, decidedBy, decisionNote,
                files, softProof, lane, laneReason, approval, ruleSet, heldBy);
    }
}
