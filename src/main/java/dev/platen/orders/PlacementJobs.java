package dev.platen.orders;

import dev.platen.artwork.ArtworkHeader;
import dev.platen.artwork.ArtworkRecords;
import dev.platen.artwork.InspectArtwork;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Stock;
import dev.platen.proof.ColourReport;
import dev.platen.proof.MakeSoftProof;
import dev.platen.render.RenderPrintFiles;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ProofLaneFacts;
import dev.platen.routing.ReasonCode;
import dev.platen.routing.TierVerdict;
import dev.platen.rules.LaneFacts;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;
import dev.platen.rules.TierFacts;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The job ticket of a placement's steps: what each one loads before it calls its capability (artwork, render, proof
 * for the file steps; routing's tier choice and the rule set's lane table for the decisions), and how what it made is
 * recorded against the placement and its rule set's runs. The file steps load outside any transaction and record in
 * the transaction that ends the step; the decisions run in the engine's transaction.
 */
@Component
public class PlacementJobs {

    /**
     * What the tier is chosen on: the placement in its rule set, and the art's header read at upload (not the file's
     * again: the inspection has just decoded the pixels and found they agree with it, or the art is doubtful).
     */
    public record TierJob(OrderPlacement placement, RuleSet ruleSet, Placement catalogPlacement,
                          LayoutTier requestedTier, ArtworkHeader header) {
    }

    /**
     * What the proof lane is chosen on: the placement's rule set, whose lane table decides, and the table's facts
     * with their sources.
     *
     * @param approvalWaitsForVerdict whether an approval must wait: the rule set is not (or no longer) live
     */
    public record LaneJob(String placementId, RuleSet ruleSet, LaneFacts facts, boolean approvalWaitsForVerdict) {
    }

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ArtworkRecords artworks;
    private final PrintFileIndex files;

    PlacementJobs(OrderBook book, PlacementLifecycle lifecycle, RuleSets ruleSets, PlacementRuns runs,
                  ArtworkRecords artworks, PrintFileIndex files) {
        this.files = files;
        this.book = book;
        this.lifecycle = lifecycle;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.artworks = artworks;
    }

    /** Marks the placement worked on, its art about to be inspected; answers the artwork's id. */
    public String startInspection(String placementId) {
        OrderPlacement placement = book.placement(placementId)
                .orElseThrow(() -> new IllegalArgumentException("no placement " + placementId));
        lifecycle.startWork(placementId);
        return placement.artworkId();
    }

    /** Records the inspection's findings; answers whether the art can be trusted to its header. */
    public boolean inspected(String placementId, InspectArtwork.Inspection inspection) {
        lifecycle.addFindings(placementId, inspection.findings());
        return inspection.trustworthy();
    }

    /** The placement about to have its tier chosen. */
    public TierJob tierJob(String placementId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        return new TierJob(job.placement(), job.ruleSet(), job.catalogPlacement(), job.requestedTier(),
                artworks.header(job.placement().artworkId()));
    }

    /**
     * Records the tier routing chose, or that none fits (the placement then waits for an operator).
     *
     * @return true when the placement has its tier
     */
    public boolean tierChosen(TierJob tier, TierVerdict verdict) {
        String placementId = tier.placement().id();
        lifecycle.recordTier(placementId, TierDecision.of(verdict));
        runs.tierDecided(placementId, tier.ruleSet(), facts(tier, true), verdict.chosenId());
        return verdict.fits();
    }

    /** Holds for an operator a placement whose art was found doubtful on inspection: no tier is chosen for it. */
    public void heldAsDoubtful(TierJob tier) {
        OrderPlacement p = tier.placement();
        lifecycle.holdForOperator(p.id(), new TierDecision(null, p.effectiveDpi(), false,
                List.of(ReasonCode.ARTWORK_DOUBTFUL)));
        runs.tierDecided(p.id(), tier.ruleSet(), facts(tier, false), null);
    }

    private static TierFacts facts(TierJob tier, boolean artworkTrustworthy) {
        OrderPlacement p = tier.placement();
        return new TierFacts(p.product(), p.placement(), p.requestedTier(), tier.header(), artworkTrustworthy, null);
    }

    /** The placement's art at the tier chosen for it, in the rule set it runs under. */
    public PlacementArt art(String placementId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        String tierId = job.placement().chosenTier();
        if (tierId == null) {
            throw new IllegalStateException("placement " + placementId + " has no tier yet");
        }
        LayoutTier tier = tierOf(job, tierId);
        String artworkId = job.placement().artworkId();
        return new PlacementArt(placementId, artworkId, job.ruleSet(), job.product(), job.catalogPlacement(), tier,
                stockOf(job, tier), artworks.header(artworkId), artworks.received(artworkId));
    }

    /** Records the print files made for the placement and what happened to its colours on the way. */
    public void printed(PlacementArt art, RenderPrintFiles.Rendered rendered, long tookMillis) {
        lifecycle.addFindings(art.placementId(), rendered.findings());
        lifecycle.recordPrintFiles(art.placementId(), rendered.files().stream().map(f -> new PrintFileRecord(
                f.format(), f.mediaType(), f.sha256(), f.bytes(), f.widthPx(), f.heightPx(), f.dpi(),
                f.profileSha256())).toList());
        runs.stepTook(art.placementId(), art.ruleSet(), PlacementRuns.Step.RENDER, tookMillis);
    }

    /**
     * Counts a failed attempt at the print files against the placement's rule set: each failed attempt, not only the
     * last one, so that a candidate whose renders fail is rolled back before its placements have used up their
     * retries.
     */
    public void printFailed(PlacementArt art) {
        runs.failed(art.placementId(), art.ruleSet().number());
    }

    /** Records the soft proof, its findings and figures against the placement. */
    public void proofed(PlacementArt art, MakeSoftProof.Proofed proofed, long tookMillis) {
        ColourReport report = proofed.report();
        SoftProofRecord record = new SoftProofRecord(proofed.proofSha256(), proofed.gamutSha256(),
                proofed.mockupSha256(), proofed.beforeAfterSha256(), report.deltaE2000Mean(), report.deltaE2000P95(),
                report.outOfGamutShare(), report.maxTotalInk(), report.ssim());
        Optional<WorstFinding> worst = proofed.worst().map(q -> new WorstFinding(q.severity().name(), q.code()));
        lifecycle.addFindings(art.placementId(), proofed.findings());
        lifecycle.recordSoftProof(art.placementId(), record, worst);
        runs.proofMeasured(art.placementId(), art.ruleSet(), record.deltaE2000P95(), proofed.belowFloor());
        runs.stepTook(art.placementId(), art.ruleSet(), PlacementRuns.Step.PROOF, tookMillis);
    }

    /** The placement after its soft proof, with the facts its rule set's lane table decides on. */
    public LaneJob laneJob(String placementId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        return new LaneJob(placementId, job.ruleSet(), laneFacts(job), job.approvalWaitsForVerdict());
    }

    /**
     * Records the lane and what follows from it: a clean placement is approved by the engine, or, on a canary rule
     * set, its approval is held for the rule set's verdict; any other waits for an operator's review.
     *
     * @return true when the approval waits for a canary's verdict
     */
    public boolean laneChosen(LaneJob lane, ProofLane chosen) {
        String placementId = lane.placementId();
        RuleSet rules = lane.ruleSet();
        TierFacts tierFacts = runs.tierFacts(placementId, rules.number()).orElse(null);
        runs.laneDecided(placementId, rules, tierFacts, lane.facts(), chosen);
        return switch (chosen.lane()) {
            case AUTO -> {
                if (lane.approvalWaitsForVerdict()) {
                    lifecycle.holdForCanary(placementId, PlacementHistory.ENGINE, chosen.reason(), rules.number());
                    yield true;
                }
                lifecycle.approve(placementId, PlacementHistory.ENGINE, chosen.reason());
                yield false;
            }
            case REVIEW -> {
                lifecycle.holdForProofReview(placementId, chosen.reason());
                yield false;
            }
        };
    }

    /** The lane table's inputs for the placement, with what made its figures (tier, stock colour, quality rules). */
    private LaneFacts laneFacts(PlacementJob job) {
        OrderPlacement p = job.placement();
        if (p.softProof() == null || p.chosenTier() == null) {
            throw new IllegalStateException("placement " + p.id() + " has no soft proof to choose a lane on");
        }
        String stockId = job.catalogPlacement().tier(p.chosenTier()).orElseThrow(() -> new IllegalStateException(
                "tier '" + p.chosenTier() + "' is not in rule set " + job.ruleSet().number())).stock();
        Optional<Stock> stock = job.catalog().stock(stockId);
        // A stock without a class has no rule in the table: a person looks, the safe answer.
        String gamutClass = stock.map(Stock::gamutClass).orElse("");
        Optional<WorstFinding> worst = files.worstFinding(p.id());
        ProofLaneFacts facts = new ProofLaneFacts(gamutClass, p.downgraded(), job.product().reviewDowngrades(),
                p.reasons().contains(ReasonCode.OPERATOR_CHOSE_TIER),
                worst.map(WorstFinding::severity).orElse("NONE"), worst.map(WorstFinding::code).orElse(""),
                p.softProof().outOfGamutShare(), p.softProof().deltaE2000P95());
        return new LaneFacts(p.chosenTier(), facts, stock.map(RuleSet::colourSignature).orElse(""),
                job.ruleSet().quality());
    }

    static LayoutTier tierOf(PlacementJob job, String tierId) {
        return job.catalogPlacement().tier(tierId)
                .orElseThrow(() -> new IllegalStateException("tier '" + tierId + "' is no longer in the catalog"));
    }

    static Stock stockOf(PlacementJob job, LayoutTier tier) {
        return job.catalog().stock(tier.stock())
                .orElseThrow(() -> new IllegalStateException("stock '" + tier.stock() + "' is no longer in the catalog"));
    }
}
