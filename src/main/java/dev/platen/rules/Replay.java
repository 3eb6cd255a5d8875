package dev.platen.rules;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A candidate rule set decided again on the recorded facts of the last placements that ran on live rule sets, before
 * it touches a new one: what would change (tier, lane, reason), placement by placement, with counts.
 */
@Service
class Replay {

    private final JdbcClient jdbc;
    private final RuleSets ruleSets;
    private final PlacementRuns runs;
    private final SampleProofs samples;

    Replay(JdbcClient jdbc, RuleSets ruleSets, PlacementRuns runs, SampleProofs samples) {
        this.jdbc = jdbc;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.samples = samples;
    }

    /**
     * @param placementId one placement's change
     * @param needsNewPixels the candidate would print other pixels (tier, stock colour, quality rules): its lane here
     *                       is decided on the recorded proof figures, unless this placement was one of the samples
     * @param liveFigures    the recorded proof figures, when the placement was sampled
     * @param sampledFigures the figures of a proof made under the candidate; its lane and reason are then decided on
     *                       them (the worst quality finding stays the recorded one)
     */
    public record Change(String placementId, int ranUnder, @Nullable String liveTier, @Nullable String candidateTier,
                         DecidedLane liveLane, DecidedLane candidateLane, @Nullable String liveReason,
                         @Nullable String candidateReason, boolean needsNewPixels,
                         SampleProofs.@Nullable ColourFigures liveFigures,
                         SampleProofs.@Nullable ColourFigures sampledFigures) {

        boolean tierChanged() {
            return !Objects.equals(liveTier, candidateTier);
        }

        boolean laneChanged() {
            return !Objects.equals(liveLane, candidateLane);
        }

        boolean reasonChanged() {
            return !Objects.equals(liveReason, candidateReason);
        }
    }

    /** The report: counts over the placements replayed, and every placement whose tier, lane or reason changes. */
    public record Report(int candidate, int replayed, int tierChanges, int laneChanges, int reasonChanges,
                         int needNewPixels, int sampled, List<Change> changes) {
    }

    /**
     * @param samples how many of the placements that need new pixels get them: a soft proof under the candidate each
     *                (about a second of a node's time apiece), the first ones in the report's order
     */
    public Report of(int candidate, int last, int samples) {
        RuleSet rules = ruleSets.number(candidate);
        List<Change> changes = new ArrayList<>();
        int replayed = 0;
        int tiers = 0;
        int lanes = 0;
        int reasons = 0;
        int pixels = 0;
        int sampled = 0;
        List<Recorded> recorded = jdbc.sql("""
                select placement_id, rule_set, tier_facts, tier_outcome, lane_facts, lane, lane_reason
                from placement_run where canary = false and tier_facts is not null and rule_set <> ?
                    and (lane is not null or tier_outcome = '')
                order by started_at desc, placement_id limit ?""")
                .params(candidate, Math.max(1, last))
                .query((rs, n) -> new Recorded(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        for (Recorded r : recorded) {
            replayed++;
            TierFacts tierFacts = runs.read(r.tierFacts(), TierFacts.class);
            LaneFacts laneFacts = r.laneFacts() == null ? null : runs.read(r.laneFacts(), LaneFacts.class);
            Decision theirs = Decision.under(rules, tierFacts, laneFacts);
            SampleProofs.ColourFigures live = null;
            SampleProofs.ColourFigures proofed = null;
            if (theirs.needsNewPixels() && !theirs.tier().isEmpty() && laneFacts != null && sampled < samples) {
                proofed = this.samples.proof(r.placementId(), rules, theirs.tier());
                live = new SampleProofs.ColourFigures(laneFacts.facts().deltaE95(), laneFacts.facts().outOfGamutShare(),
                        null);
                String tier = theirs.tier();
                dev.platen.catalog.Stock stock = rules.catalog().product(tierFacts.product())
                        .flatMap(p -> p.placement(tierFacts.placement())).flatMap(p -> p.tier(tier))
                        .flatMap(t -> rules.catalog().stock(t.stock())).orElseThrow();
                theirs = Decision.under(rules, tierFacts, laneFacts.withFigures(tier, stock, proofed, rules.quality()));
                sampled++;
            }
            DecidedLane liveLane = r.lane() == null
                    ? (r.tier() == null || r.tier().isEmpty() ? DecidedLane.OPERATOR : DecidedLane.NONE)
                    : DecidedLane.valueOf(r.lane());
            String liveReason = r.laneReason() == null ? "" : r.laneReason();
            String theirReason = theirs.lane() == DecidedLane.OPERATOR && liveLane == DecidedLane.OPERATOR ? liveReason
                    : theirs.lane() == DecidedLane.NONE ? "" : theirs.reason();
            Change change = new Change(r.placementId(), r.ruleSet(), r.tier() == null ? "" : r.tier(), theirs.tier(),
                    liveLane, theirs.lane(), liveReason, theirReason, theirs.needsNewPixels() && proofed == null, live,
                    proofed);
            tiers += change.tierChanged() ? 1 : 0;
            lanes += change.laneChanged() ? 1 : 0;
            reasons += change.reasonChanged() ? 1 : 0;
            pixels += change.needsNewPixels() || proofed != null ? 1 : 0;
            if (change.tierChanged() || change.laneChanged() || change.reasonChanged() || change.needsNewPixels()
                    || proofed != null) {
                changes.add(change);
            }
        }
        return new Report(candidate, replayed, tiers, lanes, reasons, pixels, sampled, changes);
    }

    private record Recorded(String placementId, int ruleSet, String tierFacts, String tier, String laneFacts,
                            String lane, String laneReason) {
    }
}
