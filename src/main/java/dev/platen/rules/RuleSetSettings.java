package dev.platen.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How rule sets are kept and tried ({@code platen.rulesets.*}; the README's "Rule sets" explains each).
 *
 * @param folder        where each node unpacks the rule sets it runs, one folder per digest
 * @param laneTable     the bundled lane table (rule set 1 with the catalog's folders and {@code qualityChecks})
 * @param adoptBundled  bundled files that differ from every stored rule set become the live one at start (the way
 *                      a single node is edited and restarted); false registers them as a candidate instead, to be
 *                      tried like an upload (what a cluster wants: no node overrules the others by restarting)
 * @param canaryShare   share of new placements a canary runs on unless the admin gives one
 * @param minSample     placements a candidate needs (and the live set beside it) before a guardrail may judge it
 * @param promoteAfter  placements of the candidate that reached a lane (or failed) before it may be promoted: larger
 *                      than minSample, since a sample that can just be judged only shows large rises (README)
 * @param autoPromote   a canary whose guardrails all hold over promoteAfter placements is promoted without an admin
 * @param watchEvery    how often the guardrails are computed
 */
@ConfigurationProperties("platen.rulesets")
record RuleSetSettings(@DefaultValue("./data/rulesets") Path folder,
                              @DefaultValue("./workflows/proof-lane.dmn") Path laneTable,
                              @DefaultValue("./quality-checks.yaml") Path qualityChecks,
                              @DefaultValue("true") boolean adoptBundled,
                              @DefaultValue("0.05") double canaryShare,
                              @DefaultValue("30") int minSample,
                              @DefaultValue("100") int promoteAfter,
                              @DefaultValue("true") boolean autoPromote,
                              @DefaultValue("30s") Duration watchEvery,
                              @DefaultValue Limits limits) {

    /**
     * The rises a guardrail tolerates before its test may call a breach (see {@link Guardrail}).
     *
     * @param autoApprovedRise  share approved by the engine, in points (0.10 = ten points)
     * @param failedRise        share of placements whose steps failed
     * @param overruledRise     share of reviewed placements an operator rejected or re-tiered
     * @param belowFloorRise    share of proofs below the quality floor
     * @param timeRelativeRise  render and proof time p90, as a share of the live set's beside the canary
     * @param timeAbsoluteRiseMs ... and at least this many milliseconds
     * @param deltaERise        ΔE2000 p95 (per placement, its 95th percentile across placements), in ΔE
     */
    public record Limits(@DefaultValue("0.10") double autoApprovedRise,
                         @DefaultValue("0.05") double failedRise,
                         @DefaultValue("0.10") double overruledRise,
                         @DefaultValue("0.05") double belowFloorRise,
                         @DefaultValue("0.25") double timeRelativeRise,
                         @DefaultValue("250") double timeAbsoluteRiseMs,
                         @DefaultValue("1.0") double deltaERise) {
    }
}
