package dev.platen.orders;

import dev.platen.catalog.Stock;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ProofLaneFacts;
import dev.platen.routing.ReasonCode;
import dev.platen.rules.LaneFacts;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;
import dev.platen.rules.TierFacts;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Step 5 of a placement, after its soft proof: the facts the proof lane is decided on, the lane by its rule set's
 * table, and what follows from the lane. A clean placement is approved by the engine, or, on a canary rule set, its
 * approval is held for the rule set's verdict; any other waits for an operator's review.
 */
@Component
public class ChooseProofLane {

    /** What the step decided: the lane, and whether its approval waits for a canary's verdict. */
    public record Outcome(ProofLane lane, boolean heldForCanary) {
    }

    private final OrderBook book;
    private final PlacementLifecycle lifecycle;
    private final PrintFileIndex files;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;

    ChooseProofLane(OrderBook book, PlacementLifecycle lifecycle, PrintFileIndex files, RuleSets ruleSets,
                    PlacementRuns runs) {
        this.book = book;
        this.lifecycle = lifecycle;
        this.files = files;
        this.ruleSets = ruleSets;
        this.runs = runs;
    }

    public Outcome choose(String placementId) {
        PlacementJob job = PlacementJob.load(book, ruleSets, placementId);
        RuleSet rules = job.ruleSet();
        LaneFacts facts = facts(job);
        ProofLane lane = rules.laneTable().decide(facts.facts());
        TierFacts tierFacts = runs.tierFacts(placementId, rules.number()).orElse(null);
        runs.laneDecided(placementId, rules, tierFacts, facts, lane);
        return switch (lane.lane()) {
            case AUTO -> {
                if (job.approvalWaitsForVerdict()) {
                    lifecycle.holdForCanary(placementId, PlacementHistory.ENGINE, lane.reason(), rules.number());
                    yield new Outcome(lane, true);
                }
                lifecycle.approve(placementId, PlacementHistory.ENGINE, lane.reason());
                yield new Outcome(lane, false);
            }
            case REVIEW -> {
                lifecycle.holdForProofReview(placementId, lane.reason());
                yield new Outcome(lane, false);
            }
        };
    }

    /** The lane table's inputs for the placement, with what made its figures (tier, stock colour, quality rules). */
    private LaneFacts facts(PlacementJob job) {
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
}
