package dev.platen.intake;

import dev.platen.artwork.Finding;
import dev.platen.orders.Order;
import dev.platen.orders.OrderPlacement;
import dev.platen.orders.OrderStatus;
import dev.platen.orders.PlacementStatus;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ReasonCode;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer about an order: at creation (201) and on every later GET, with the verdict per placement.
 * A dry run has no id and no status.
 */
record OrderView(@Nullable String id, String reference, String partner, @Nullable OrderStatus status, boolean dryRun,
                 @Nullable Instant createdAt, @Nullable Instant updatedAt, List<PlacementView> placements) {

    /**
     * @param tier         the tier it prints at, or null when none fits (yet)
     * @param effectiveDpi at {@code tier}, or at {@code requestedTier} when none fits; null for vector art
     * @param reasons      why it prints at {@code tier}, or why none fits: stable codes a client may switch on
     * @param lane         after the soft proof: {@code AUTO} (approved without a person) or {@code REVIEW} (an
     *                     operator looks first)
     * @param laneReason   why it took that lane: {@code CLEAN}, {@code OUT_OF_GAMUT}, {@code COLOUR_SHIFT}, the code of
     *                     the worst quality finding (e.g. {@code JPEG_BLOCKING}), {@code OPERATOR_CHOSE_TIER},
     *                     {@code DOWNGRADED} (products that review downgrades) or {@code NO_RULE}
     * @param approval     who approved which files, or null until approved
     * @param ruleSet      the number of the rule set it runs under (its tiers, stock, lane table, quality rules)
     */
    record PlacementView(@Nullable String id, int item, String product, String placement, String artwork,
                         String requestedTier, @Nullable String tier, @Nullable BigDecimal effectiveDpi, boolean downgraded,
                         List<ReasonCode> reasons, @Nullable PlacementStatus status, List<Finding> findings,
                         @Nullable String decidedBy, @Nullable String decisionNote, List<PrintFileView> printFiles,
                         @Nullable SoftProofView softProof,
                         ProofLane.@Nullable Lane lane, @Nullable String laneReason, @Nullable ApprovalView approval,
                         int ruleSet) {
    }

    /** The approval a placement prints under: bound to the SHA-256s of the print files and the proof approved. */
    record ApprovalView(String approvedBy, Instant approvedAt, boolean automatic, List<String> printFiles,
                        String proof) {
    }

    /** The colour report and the proof images (PNG); null until the proof is made. */
    record SoftProofView(double deltaE2000Mean, double deltaE2000P95, double outOfGamutShare, double maxTotalInk,
                         @Nullable Double ssim, String proof, String gamut, String mockup, String beforeAfter) {
    }

    /** A print-ready file: {@code href} downloads it; {@code sha256} checks the bytes. */
    record PrintFileView(String format, String mediaType, long bytes, String sha256, int widthPx, int heightPx, int dpi,
                         String profileSha256, String href) {
    }

    static OrderView of(Order order) {
        return new OrderView(order.id(), order.reference(), order.partner(), order.status(), false,
                order.createdAt(), order.updatedAt(), order.placements().stream().map(OrderView::of).toList());
    }

    private static PlacementView of(OrderPlacement p) {
        return new PlacementView(p.id(), p.itemIndex(), p.product(), p.placement(), p.artworkId(), p.requestedTier(),
                p.chosenTier(), p.effectiveDpi(), p.downgraded(), p.reasons(), p.status(), p.findings(),
                p.decidedBy(), p.decisionNote(), p.printFiles().stream().map(f -> new PrintFileView(f.format(),
                        f.mediaType(), f.bytes(), f.sha256(), f.widthPx(), f.heightPx(), f.dpi(), f.profileSha256(),
                        PrintFileController.PATH + "/" + f.sha256())).toList(),
                p.softProof() == null ? null : new SoftProofView(p.softProof().deltaE2000Mean(),
                        p.softProof().deltaE2000P95(), p.softProof().outOfGamutShare(), p.softProof().maxTotalInk(),
                        p.softProof().ssim(), PrintFileController.PROOF_PATH + "/" + p.softProof().proofSha256(),
                        PrintFileController.PROOF_PATH + "/" + p.softProof().gamutSha256(),
                        PrintFileController.PROOF_PATH + "/" + p.softProof().mockupSha256(),
                        PrintFileController.PROOF_PATH + "/" + p.softProof().beforeAfterSha256()),
                p.lane(), p.laneReason(), p.approval() == null ? null : new ApprovalView(p.approval().approvedBy(),
                        p.approval().approvedAt(), p.approval().automatic(), p.approval().printFileSha256s(),
                        p.approval().proofSha256()), p.ruleSet());
    }
}
