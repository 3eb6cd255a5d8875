package dev.platen.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.routing.ProofLane;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * The record of each placement's run under a rule set: the facts its decisions read (for replay) and the figures its
 * guardrails compare. The steps tell it what they decided and measured; while a candidate shadows the live rule set,
 * each decision recorded here is also decided by the candidate on the same facts, and the two are kept side by side.
 */
@Service
public class PlacementRuns {

    public enum Step { RENDER, PROOF }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RuleSets ruleSets;
    private final MeterRegistry meters;
    private final Clock clock;

    PlacementRuns(JdbcClient jdbc, ObjectMapper json, RuleSets ruleSets, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
        this.ruleSets = ruleSets;
        this.meters = meters;
    }

    /** A placement starts (or starts again) under a rule set; a second start under the same one keeps the row. */
    public void started(String placementId, RuleSet rules, boolean canary) {
        // Not an insert whose duplicate key is caught: on PostgreSQL a failed statement aborts the transaction it is
        // in ("current transaction is aborted"), and this one is the caller's (the intake's, or a rollback's move).
        // The key still guards two callers racing: the loser's transaction fails and is tried again, as any conflict.
        jdbc.sql("""
                insert into placement_run (placement_id, rule_set, canary, started_at, failed)
                select ?, ?, ?, cast(? as timestamp), false from (values (1)) as one(x)
                where not exists (select 1 from placement_run where placement_id = ? and rule_set = ?)""")
                .params(placementId, rules.number(), canary, Timestamp.from(clock.instant()), placementId,
                        rules.number()).update();
    }

    public void tierDecided(String placementId, RuleSet rules, TierFacts facts, @Nullable String tier) {
        set(placementId, rules, "tier_facts = ?, tier_outcome = ?", write(facts), tier == null ? "" : tier);
        ruleSets.tried().filter(c -> c.state() == RuleSetState.SHADOW && c.number() != rules.number())
                .ifPresent(candidate -> {
                    Decision theirs = Decision.under(candidate, facts, null);
                    shadow(placementId, candidate, "TIER", tier == null ? "" : tier, theirs.tier());
                });
    }

    public void laneDecided(String placementId, RuleSet rules, @Nullable TierFacts tierFacts, LaneFacts facts,
                            ProofLane lane) {
        set(placementId, rules, "lane_facts = ?, lane = ?, lane_reason = ?", write(facts), lane.lane().name(),
                lane.reason());
        meters.counter("platen.ruleset.lanes", "ruleSet", rules.label(), "lane", lane.lane().name()).increment();
        if (tierFacts == null) {
            return; // a run from before facts were recorded: nothing to decide again on
        }
        ruleSets.tried().filter(c -> c.state() == RuleSetState.SHADOW && c.number() != rules.number())
                .ifPresent(candidate -> {
                    Decision theirs = Decision.under(candidate, tierFacts, facts);
                    shadow(placementId, candidate, "LANE", lane.lane() + " " + lane.reason(),
                            theirs.lane().word() + " " + theirs.reason());
                });
    }

    /** A step's time, also as timer {@code platen.ruleset.step} tagged by rule set and step. */
    public void stepTook(String placementId, RuleSet rules, Step step, long millis) {
        set(placementId, rules, (step == Step.RENDER ? "render_ms" : "proof_ms") + " = ?", millis);
        meters.timer("platen.ruleset.step", "ruleSet", rules.label(), "step", step.name())
                .record(java.time.Duration.ofMillis(millis));
    }

    public void proofMeasured(String placementId, RuleSet rules, double deltaE95, boolean belowFloor) {
        set(placementId, rules, "delta_e_p95 = ?, below_floor = ?", deltaE95, belowFloor);
    }

    /** @param decision APPROVE, TIER, NEW_ART or REJECT */
    public void operatorDecided(String placementId, int ruleSet, String decision) {
        jdbc.sql("update placement_run set operator_decision = ? where placement_id = ? and rule_set = ?")
                .params(decision, placementId, ruleSet).update();
    }

    /** In a transaction of its own: the step that failed rolls its own back. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void failed(String placementId, int ruleSet) {
        jdbc.sql("update placement_run set failed = true where placement_id = ? and rule_set = ?")
                .params(placementId, ruleSet).update();
    }

    /** The tier facts recorded for the placement's run, for the lane step to pass on. */
    public Optional<TierFacts> tierFacts(String placementId, int ruleSet) {
        return jdbc.sql("select tier_facts from placement_run where placement_id = ? and rule_set = ?")
                .params(placementId, ruleSet).query(String.class).optional()
                .filter(t -> t != null).map(t -> read(t, TierFacts.class));
    }

    private void shadow(String placementId, RuleSet candidate, String step, String live, String theirs) {
        jdbc.sql("delete from shadow_decision where placement_id = ? and rule_set = ? and step = ?")
                .params(placementId, candidate.number(), step).update();
        jdbc.sql("""
                insert into shadow_decision (placement_id, rule_set, step, live_outcome, candidate_outcome, recorded_at)
                values (?,?,?,?,?,?)""")
                .params(placementId, candidate.number(), step, live, theirs, Timestamp.from(clock.instant())).update();
        meters.counter("platen.ruleset.shadow.decisions", "ruleSet", candidate.label(), "step", step,
                "outcome", live.equals(theirs) ? "same" : "different").increment();
    }

    private void set(String placementId, RuleSet rules, String assignments, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = placementId;
        params[values.length + 1] = rules.number();
        jdbc.sql("update placement_run set " + assignments + " where placement_id = ? and rule_set = ?")
                .params(params).update();
    }

    String write(Object facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("facts are plain records and always serialise", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("placement_run holds JSON written by this class", e);
        }
    }
}
