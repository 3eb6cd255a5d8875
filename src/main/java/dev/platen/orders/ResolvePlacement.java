package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.catalog.LayoutTier;
import dev.platen.preflight.EffectiveDpi;
import dev.platen.routing.ProofLane;
import dev.platen.routing.TierChoice;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSets;
import dev.platen.rules.TierFacts;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;

/**
 * Applies an operator's decision on a held placement: approve its proof, print at another tier, reject it, or ask
 * the shop for new art.
 */
@Component
public class ResolvePlacement {

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ArtworkRecords artworks;

    ResolvePlacement(OrderBook book, PlacementLifecycle lifecycle, RuleSets ruleSets, PlacementRuns runs,
                     ArtworkRecords artworks) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.artworks = artworks;
    }

    /**
     * The tiers the placement can be printed at, largest first as the catalog lists them, each with the DPI the
     * placement's art gives there. The header comes from the record made at upload: nothing is decoded.
     */
    public List<PrintAtOption> printAtOptions(String placementId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        ArtworkHeader header = artworks.header(job.placement().artworkId());
        return job.catalogPlacement().tiers().stream().map(t -> {
            EffectiveDpi dpi = EffectiveDpi.of(header, t.printArea());
            return new PrintAtOption(t.id(), t.name(), t.printArea().toString(), t.minDpi(), dpi.rounded(),
                    dpi.meets(t.minDpi()), t.id().equals(job.placement().requestedTier()),
                    t.id().equals(job.placement().chosenTier()));
        }).toList();
    }

    /** Checks a decision before it is accepted, so that a bad one is refused while the operator is still there. */
    public void check(String placementId, OperatorDecision decision) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        if (decision.kind() == null) {
            throw new InvalidDecision(InvalidDecision.NONE_CHOSEN);
        }
        switch (decision.kind()) {
            case APPROVE -> proofUnderReview(job.placement(), decision);
            case TIER -> reachedOrConfirmed(job, tierOf(job, decision), decision);
            case REJECT -> requireNote(decision, "A rejection needs a reason the shop can act on.");
            case NEW_ART -> requireNote(decision, "Tell the shop what is wrong with the art and what would do.");
        }
    }

    /**
     * Records the decision. An approval of a placement on a canary rule set is held for the rule set's verdict, as an
     * approval by the engine is: no work of a candidate reaches a partner before the candidate is promoted.
     *
     * @return true when the approval waits for a canary's verdict
     */
    public boolean apply(String placementId, OperatorDecision decision) {
        check(placementId, decision);
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        runs.operatorDecided(placementId, job.ruleSet().number(), decision.kind().name());
        switch (decision.kind()) {
            case APPROVE -> {
                // check: the proof is under review, so the lane table sent it there, with its reason
                String laneReason = Objects.requireNonNull(job.placement().laneReason(), "the review lane's reason");
                if (job.approvalWaitsForVerdict()) {
                    lifecycle.holdForCanary(placementId, decision.operator(), laneReason, job.ruleSet().number());
                    return true;
                }
                lifecycle.approve(placementId, decision.operator(), laneReason);
            }
            // check: both need a note
            case REJECT -> lifecycle.operatorRejected(placementId, decision.operator(),
                    Objects.requireNonNull(decision.note(), "a rejection's note").trim());
            case NEW_ART -> lifecycle.awaitNewArtwork(placementId, decision.operator(),
                    Objects.requireNonNull(decision.note(), "a request for new art's note").trim());
            case TIER -> {
                LayoutTier tier = tierOf(job, decision);
                // the header read at upload, as the engine's own choice reads it
                ArtworkHeader header = artworks.header(job.placement().artworkId());
                TierDecision recorded = TierDecision.of(TierChoice.operatorChoice(job.requestedTier(), tier, header));
                lifecycle.operatorChoseTier(placementId, recorded, decision.operator(), decision.note());
                OrderPlacement p = job.placement();
                runs.tierDecided(placementId, job.ruleSet(), new TierFacts(p.product(), p.placement(),
                        p.requestedTier(), header, true, tier.id()), tier.id());
            }
        }
        return false;
    }

    /**
     * An approval is given on a proof: only a placement the proof lane sent to review has one to approve, and an
     * operator who looked at an older proof (the art or tier changed since their page loaded) approves nothing.
     */
    private static void proofUnderReview(OrderPlacement p, OperatorDecision decision) {
        if (p.lane() != ProofLane.Lane.REVIEW || p.softProof() == null || p.printFiles().isEmpty()) {
            throw new InvalidDecision("There is no proof to approve yet: choose a tier, reject, or ask for new art.");
        }
        if (decision.proofSha256() != null && !decision.proofSha256().equals(p.softProof().proofSha256())) {
            throw new InvalidDecision("The proof changed since this page was loaded; look at the new one first.");
        }
    }

    private static void requireNote(OperatorDecision decision, String message) {
        if (decision.note() == null || decision.note().isBlank()) {
            throw new InvalidDecision(message);
        }
    }

    /**
     * One click must not print a placement at a resolution its tier was never test-printed at: below the minimum,
     * the operator says so explicitly (the placement page's box, the Tasklist form's field).
     */
    private void reachedOrConfirmed(PlacementJob job, LayoutTier tier, OperatorDecision decision) {
        EffectiveDpi dpi = EffectiveDpi.of(artworks.header(job.placement().artworkId()), tier.printArea());
        if (!dpi.meets(tier.minDpi()) && !decision.belowMinimumConfirmed()) {
            throw new InvalidDecision(tier.name() + " prints this art at " + dpi.rounded() + " DPI, below the "
                    + tier.minDpi() + " DPI it was test-printed at: confirm printing below the minimum, or choose"
                    + " another tier.");
        }
    }

    private static LayoutTier tierOf(PlacementJob job, OperatorDecision decision) {
        if (decision.tier() == null || decision.tier().isBlank()) {
            throw new InvalidDecision("Name the tier to print at.");
        }
        return job.catalogPlacement().tier(decision.tier().trim()).orElseThrow(() -> new InvalidDecision(
                "Placement '" + job.catalogPlacement().id() + "' has no tier '" + decision.tier() + "'; it has "
                        + job.catalogPlacement().tiers().stream().map(LayoutTier::id).toList() + "."));
    }
}
