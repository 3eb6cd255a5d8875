package dev.platen.orders;

import dev.platen.artwork.ArtworkRecords;
import dev.platen.artwork.Finding;
import dev.platen.artwork.InspectArtwork;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Stock;
import dev.platen.proof.ColourReport;
import dev.platen.proof.MakeSoftProof;
import dev.platen.render.RenderPrintFiles;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSets;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The job ticket of a placement's file steps (inspect, render, proof): what each one loads before it calls its
 * capability (artwork, render, proof), and how what it made is recorded against the placement. The loads run
 * outside any transaction; each record runs in the transaction that ends its step.
 */
@Component
public class PlacementJobs {

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final ArtworkRecords artworks;

    PlacementJobs(OrderBook book, PlacementLifecycle lifecycle, RuleSets ruleSets, PlacementRuns runs,
                  ArtworkRecords artworks) {
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

    /** The placement's art at the tier chosen for it, in the rule set it runs under. */
    public PlacementArt art(String placementId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        String tierId = job.placement().chosenTier();
        if (tierId == null) {
            throw new IllegalStateException("placement " + placementId + " has no tier yet");
        }
        LayoutTier tier = tierOf(job, tierId);
        String artworkId = job.placement().artworkId();
        return new PlacementArt(job, tier, stockOf(job, tier), artworks.header(artworkId),
                artworks.received(artworkId));
    }

    /** Records the print files made for the placement and what happened to its colours on the way. */
    public void printed(PlacementArt art, List<RenderPrintFiles.StoredPrintFile> files, List<Finding> findings,
                        long tookMillis) {
        lifecycle.addFindings(art.placementId(), findings);
        lifecycle.recordPrintFiles(art.placementId(), files.stream().map(f -> new PrintFileRecord(f.format(),
                f.mediaType(), f.sha256(), f.bytes(), f.widthPx(), f.heightPx(), f.dpi(), f.profileSha256())).toList());
        runs.stepTook(art.placementId(), art.job().ruleSet(), PlacementRuns.Step.RENDER, tookMillis);
    }

    /**
     * Counts a failed attempt at the print files against the placement's rule set: each failed attempt, not only the
     * last one, so that a candidate whose renders fail is rolled back before its placements have used up their
     * retries.
     */
    public void printFailed(PlacementArt art) {
        runs.failed(art.placementId(), art.job().ruleSet().number());
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
        runs.proofMeasured(art.placementId(), art.job().ruleSet(), record.deltaE2000P95(), proofed.belowFloor());
        runs.stepTook(art.placementId(), art.job().ruleSet(), PlacementRuns.Step.PROOF, tookMillis);
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
