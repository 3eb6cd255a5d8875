package dev.platen.rules;

import dev.platen.testing.EngineContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guardrails over runs recorded as the steps record them (the shared engine's database, its default
 * {@code min-sample} of 30): what each is compared with. Rule set numbers far above any this context registers keep the
 * rows apart from the other tests'.
 */
@EngineContext
class GuardrailsTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger(90_000);
    private static final Instant CANARY_BEGAN = Instant.parse("2026-12-05T14:00:00Z");

    @Autowired
    Guardrails guardrails;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aHarmlessCandidateAtABusyHourHoldsOnTimeAgainstTheLivePlacementsOfThatHour() {
        int live = NUMBERS.incrementAndGet();
        int candidate = NUMBERS.incrementAndGet();
        // yesterday the node was quiet: 400 live renders near 300 ms
        for (int i = 0; i < 400; i++) run(live, false, CANARY_BEGAN.minus(Duration.ofDays(1)).plusSeconds(i), 290 + i % 20);
        // then a busy hour: the canary's placements and the live ones beside them all take about twice as long
        for (int i = 0; i < 40; i++) {
            run(candidate, true, CANARY_BEGAN.plusSeconds(10L * i), 600 + i % 30);
            run(live, false, CANARY_BEGAN.plusSeconds(10L * i + 5), 590 + i % 40);
        }

        Guardrails.Figures figures = guardrails.of(candidate, 0.5, live);

        Guardrail.Verdict render = verdict(figures, Guardrails.RENDER_TIME);
        assertThat(render.outcome()).as(render.toString()).isEqualTo(Guardrail.Outcome.HOLDS);
        assertThat(render.baselineSample()).as("only the live placements of the canary's hour").isEqualTo(40);
        assertThat(render.test()).contains("since the canary's first");
        // against the day's history the p90 doubled, far past 25 % and 250 ms: that rolled harmless candidates back
        assertThat(figures.breached()).isFalse();
    }

    @Test
    void aCandidateThatSlowsRendersIsBreachedAgainstTheLivePlacementsBesideIt() {
        int live = NUMBERS.incrementAndGet();
        int candidate = NUMBERS.incrementAndGet();
        for (int i = 0; i < 40; i++) {
            run(candidate, true, CANARY_BEGAN.plusSeconds(10L * i), 1800 + i % 50);
            run(live, false, CANARY_BEGAN.plusSeconds(10L * i + 5), 300 + i % 20);
        }

        Guardrails.Figures figures = guardrails.of(candidate, 0.5, live);

        assertThat(verdict(figures, Guardrails.RENDER_TIME).outcome()).isEqualTo(Guardrail.Outcome.BREACHED);
        assertThat(figures.breached()).isTrue();
        assertThat(figures.held()).isFalse();
    }

    @Test
    void aCanaryOnEveryPlacementHasNoTimesToCompareAndIsStillPromotedOnItsOtherGuardrails() {
        int live = NUMBERS.incrementAndGet();
        int candidate = NUMBERS.incrementAndGet();
        // share 1: every live placement ran before the canary began, at whatever load there was then
        for (int i = 0; i < 100; i++) run(live, false, CANARY_BEGAN.minus(Duration.ofHours(2)).plusSeconds(i), 300);
        for (int i = 0; i < 40; i++) run(candidate, true, CANARY_BEGAN.plusSeconds(10L * i), 700);

        Guardrails.Figures figures = guardrails.of(candidate, 1.0, live);

        assertThat(verdict(figures, Guardrails.RENDER_TIME).outcome()).isEqualTo(Guardrail.Outcome.TOO_FEW);
        assertThat(verdict(figures, Guardrails.RENDER_TIME).baselineSample()).isZero();
        assertThat(verdict(figures, Guardrails.PROOF_TIME).outcome()).isEqualTo(Guardrail.Outcome.TOO_FEW);
        // the shares and the colour shift are judged against the live set's history as before
        assertThat(verdict(figures, Guardrails.AUTO_APPROVED).outcome()).isEqualTo(Guardrail.Outcome.HOLDS);
        assertThat(verdict(figures, Guardrails.AUTO_APPROVED).baselineSample()).isEqualTo(100);
        assertThat(verdict(figures, Guardrails.DELTA_E).outcome()).isEqualTo(Guardrail.Outcome.HOLDS);
        assertThat(figures.held()).as(figures.verdicts().toString()).isTrue();
    }

    @Test
    void aCanaryOnHalfThePlacementsIsNotPromotedBeforeItsTimesAreJudged() {
        int live = NUMBERS.incrementAndGet();
        int candidate = NUMBERS.incrementAndGet();
        for (int i = 0; i < 100; i++) run(live, false, CANARY_BEGAN.minus(Duration.ofHours(2)).plusSeconds(i), 300);
        // the candidate's renders are slow, and only a few live ones have run beside them so far
        for (int i = 0; i < 40; i++) run(candidate, true, CANARY_BEGAN.plusSeconds(10L * i), 2000);
        for (int i = 0; i < 5; i++) run(live, false, CANARY_BEGAN.plusSeconds(10L * i + 5), 300);

        Guardrails.Figures figures = guardrails.of(candidate, 0.5, live);

        assertThat(verdict(figures, Guardrails.RENDER_TIME).outcome()).isEqualTo(Guardrail.Outcome.TOO_FEW);
        assertThat(figures.breached()).isFalse();
        assertThat(figures.held()).as("every other guardrail holds, but the times are still to be judged").isFalse();
    }

    /** A placement's run as the steps leave it: approved by the engine, proofed at ΔE 1.5, rendered and proofed in ms. */
    private void run(int ruleSet, boolean canary, Instant startedAt, long ms) {
        jdbc.sql("""
                insert into placement_run (placement_id, rule_set, canary, started_at, lane, lane_reason, render_ms,
                    proof_ms, delta_e_p95, below_floor, failed) values (?,?,?,?,'AUTO','CLEAN',?,?,1.5,false,false)""")
                .params(UUID.randomUUID().toString(), ruleSet, canary, Timestamp.from(startedAt), ms, ms / 2).update();
    }

    private static Guardrail.Verdict verdict(Guardrails.Figures figures, String guardrail) {
        return figures.verdicts().stream().filter(v -> v.guardrail().equals(guardrail)).findFirst().orElseThrow();
    }
}
