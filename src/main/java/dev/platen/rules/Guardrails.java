package dev.platen.rules;

import dev.platen.routing.ProofLane;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A canary's guardrails, computed from the runs recorded in the shared database (so every node computes the same):
 * the candidate's canary placements against the live rule set's latest {@value #BASELINE_RUNS} runs, each guardrail by
 * the test {@link Guardrail} states, none judging before {@link RuleSetSettings#minSample} placements on both sides.
 * Times are the exception: they are compared only with the live placements that started beside the canary, under the
 * same load.
 */
@Service
class Guardrails {

    /** The baseline: the live rule set's most recent runs, placements made beside the canary and just before it. */
    static final int BASELINE_RUNS = 500;

    private final JdbcClient jdbc;
    private final RuleSetSettings settings;

    Guardrails(JdbcClient jdbc, RuleSetSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * @param verdicts         one per guardrail, in the order the page shows them
     * @param sample           the placements that ran on the candidate
     * @param decided          those of them that reached a lane or failed: what a promotion waits for
     * @param onEveryPlacement the canary's share is 1: no live placement runs beside it to compare its times with
     */
    public record Figures(int candidate, int live, int sample, int decided, List<Guardrail.Verdict> verdicts,
                          boolean onEveryPlacement) {

        public boolean breached() {
            return verdicts.stream().anyMatch(v -> v.outcome() == Guardrail.Outcome.BREACHED);
        }

        /**
         * Every guardrail judged and held. The operators' share may still lack a sample (few canary placements reach a
         * person), and so may the times of a canary on every placement (no live placement runs beside it): neither
         * holds a promotion back, and either can still roll back while the candidate is tried. At any smaller share
         * the times must have been judged: a slow rule set at half the placements was promoted on 13 of its own
         * before six live placements beside it had been rendered.
         */
        public boolean held() {
            return !breached() && verdicts.stream()
                    .filter(v -> !v.guardrail().equals(OVERRULED))
                    .filter(v -> !(onEveryPlacement && TIMES.contains(v.guardrail())))
                    .allMatch(v -> v.outcome() == Guardrail.Outcome.HOLDS);
        }
    }

    static final String AUTO_APPROVED = "share approved by the engine";
    static final String FAILED = "share with a failed step";
    static final String OVERRULED = "share an operator rejected or re-tiered";
    static final String BELOW_FLOOR = "share below the quality floor";
    static final String RENDER_TIME = "render time p90 (ms)";
    static final String PROOF_TIME = "proof time p90 (ms)";
    static final String DELTA_E = "colour shift ΔE2000 p95";
    private static final String BESIDE = "the live placements started since the canary's first";
    private static final Set<String> TIMES = Set.of(RENDER_TIME, PROOF_TIME);

    /** @param share the candidate's canary share (0 to 1; 0 when it never ran as a canary) */
    public Figures of(int candidate, double share, int live) {
        List<Run> c = jdbc.sql("select * from placement_run where rule_set = ? and canary = true").param(candidate)
                .query(Guardrails::run).list();
        // every run of the live rule set, its own canary's among them once it was promoted
        List<Run> b = jdbc.sql("select * from placement_run where rule_set = ? "
                        + "order by started_at desc limit " + BASELINE_RUNS).param(live)
                .query(Guardrails::run).list();
        // A step's time says as much about the node's load as about the rule set: against the live set's history, a
        // canary that ran at a busy hour rolled back a reworded lane table (render p90 664 against 309 ms, Mann-Whitney
        // p = 0.002). So times are compared only with the live placements that started since the canary's first one,
        // on the same hours and nodes; the shares and the colour shift do not depend on load and keep the history.
        // They are the newest of the live runs read above (the same limit of 500), so no second query.
        Optional<Instant> first = c.stream().map(Run::startedAt).min(Instant::compareTo);
        List<Run> beside = first.map(t -> b.stream().filter(r -> !r.startedAt().isBefore(t)).toList())
                .orElse(List.of());
        RuleSetSettings.Limits limits = settings.limits();
        int min = settings.minSample();
        List<Guardrail.Verdict> verdicts = List.of(
                share(AUTO_APPROVED, c, b, r -> r.lane() != null, r -> r.lane() == ProofLane.Lane.AUTO, limits.autoApprovedRise(), min),
                share(FAILED, c, b, r -> r.lane() != null || r.failed(), Run::failed, limits.failedRise(), min),
                share(OVERRULED, c, b, r -> r.operatorDecision() != null,
                        r -> "REJECT".equals(r.operatorDecision()) || "TIER".equals(r.operatorDecision()),
                        limits.overruledRise(), min),
                share(BELOW_FLOOR, c, b, r -> r.belowFloor() != null, r -> Boolean.TRUE.equals(r.belowFloor()),
                        limits.belowFloorRise(), min),
                Guardrail.quantileRise(RENDER_TIME, values(c, Run::renderMs), values(beside, Run::renderMs), 0.9,
                        limits.timeRelativeRise(), limits.timeAbsoluteRiseMs(), min).against(BESIDE),
                Guardrail.quantileRise(PROOF_TIME, values(c, Run::proofMs), values(beside, Run::proofMs), 0.9,
                        limits.timeRelativeRise(), limits.timeAbsoluteRiseMs(), min).against(BESIDE),
                Guardrail.quantileRise(DELTA_E, values(c, Run::deltaE95), values(b, Run::deltaE95), 0.95,
                        0, limits.deltaERise(), min));
        int decided = (int) c.stream().filter(r -> r.lane() != null || r.failed()).count();
        return new Figures(candidate, live, c.size(), decided, verdicts, share >= 1);
    }

    private static Guardrail.Verdict share(String name, List<Run> candidate, List<Run> baseline,
                                           java.util.function.Predicate<Run> counted,
                                           java.util.function.Predicate<Run> hit, double maxRise, int min) {
        List<Run> c = candidate.stream().filter(counted).toList();
        List<Run> b = baseline.stream().filter(counted).toList();
        return Guardrail.shareRise(name, (int) c.stream().filter(hit).count(), c.size(),
                (int) b.stream().filter(hit).count(), b.size(), maxRise, min);
    }

    private static double[] values(List<Run> runs, java.util.function.Function<Run, ? extends Number> value) {
        return runs.stream().map(value).filter(v -> v != null).mapToDouble(Number::doubleValue).toArray();
    }

    /** A run as recorded: lane null until it reached one; the figures null until the step that measures them ran. */
    private record Run(Instant startedAt, ProofLane.@Nullable Lane lane, boolean failed,
                       @Nullable String operatorDecision, @Nullable Boolean belowFloor, @Nullable Long renderMs,
                       @Nullable Long proofMs, @Nullable Double deltaE95) {
    }

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String lane = rs.getString("lane");
        return new Run(rs.getTimestamp("started_at").toInstant(), lane == null ? null : ProofLane.Lane.valueOf(lane),
                rs.getBoolean("failed"), rs.getString("operator_decision"), rs.getObject("below_floor", Boolean.class),
                rs.getObject("render_ms", Long.class), rs.getObject("proof_ms", Long.class),
                rs.getObject("delta_e_p95", Double.class));
    }
}
