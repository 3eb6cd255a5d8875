package dev.platen.rules;

import dev.platen.rules.Guardrail.Outcome;
import dev.platen.rules.Guardrail.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The canary's guardrails checked the way a statistician would check them: against figures worked out by hand. */
class GuardrailTest {

    @Test
    void aCandidateThatApprovesEverythingIsCaughtOnTenPlacements() {
        Verdict verdict = Guardrail.shareRise("auto-approved", 10, 10, 12, 30, 0.10, 10);

        // Agresti–Caffo by hand: 11/12 against 13/32, each variance over n + 2
        double candidate = 11.0 / 12;
        double baseline = 13.0 / 32;
        double se = Math.sqrt(candidate * (1 - candidate) / 12 + baseline * (1 - baseline) / 32);
        double lowerBound = candidate - baseline - 1.6448536269514722 * se;
        assertThat(verdict.bound()).isCloseTo(lowerBound, within(1e-9));
        assertThat(verdict.bound()).isCloseTo(0.3165, within(1e-4));
        assertThat(verdict.outcome()).isEqualTo(Outcome.BREACHED);
        assertThat(verdict.candidate()).isEqualTo(1.0);
        assertThat(verdict.baseline()).isCloseTo(0.4, within(1e-12));
        assertThat(verdict.limit()).isEqualTo(0.10);
        assertThat(verdict.candidateSample()).isEqualTo(10);
        assertThat(verdict.baselineSample()).isEqualTo(30);
        assertThat(verdict.test()).isEqualTo("Agresti–Caffo one-sided 95 % lower bound of the rise");
    }

    @Test
    void fivePlacementsAreTooFewEvenWhenEveryOneLooksBad() {
        Verdict verdict = Guardrail.shareRise("auto-approved", 5, 5, 12, 30, 0.10, 10);
        assertThat(verdict.bound()).isGreaterThan(0.10);
        assertThat(verdict.outcome()).isEqualTo(Outcome.TOO_FEW);
    }

    @Test
    void tooSmallABaselineIsTooFewAsWell() {
        assertThat(Guardrail.shareRise("failed", 0, 30, 0, 9, 0.10, 10).outcome()).isEqualTo(Outcome.TOO_FEW);
    }

    @Test
    void aHarmlessCandidateHolds() {
        Verdict verdict = Guardrail.shareRise("operator-rejected", 13, 30, 12, 30, 0.10, 10);
        assertThat(verdict.bound()).isLessThan(0.0);
        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void noHitsOnEitherSideHoldsWithoutDividingByZero() {
        Verdict verdict = Guardrail.shareRise("failed", 0, 20, 0, 20, 0.10, 10);
        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(verdict.candidate()).isZero();
        assertThat(verdict.baseline()).isZero();
        // equal adjusted shares 1/22: the bound is minus z times the standard error
        double se = Math.sqrt(2 * (1.0 / 22) * (21.0 / 22) / 22);
        assertThat(verdict.bound()).isCloseTo(-1.6448536269514722 * se, within(1e-12));
    }

    @Test
    void emptySamplesAreTooFewWithZeroShares() {
        Verdict verdict = Guardrail.shareRise("failed", 0, 0, 0, 0, 0.10, 10);
        assertThat(verdict.outcome()).isEqualTo(Outcome.TOO_FEW);
        assertThat(verdict.candidate()).isZero();
        assertThat(verdict.baseline()).isZero();
    }

    @Test
    void renderTimesHalfASecondSlowerOnEveryPlacementBreach() {
        double[] baseline = renderTimes(7, 30);
        double[] candidate = Arrays.stream(baseline).map(ms -> ms + 500).toArray();
        Verdict verdict = Guardrail.quantileRise("render ms", candidate, baseline, 0.9, 0.2, 100, 20);

        assertThat(verdict.outcome()).isEqualTo(Outcome.BREACHED);
        assertThat(verdict.candidate()).isCloseTo(verdict.baseline() + 500, within(1e-9));
        assertThat(verdict.limit()).isCloseTo(verdict.baseline() * 1.2, within(1e-9));
        assertThat(verdict.bound()).isLessThan(0.01);
        assertThat(verdict.test()).isEqualTo("p90 rise and one-sided Mann–Whitney U, p < 0.01");
    }

    @Test
    void renderTimesFromTheSameDistributionHold() {
        Verdict verdict = Guardrail.quantileRise("render ms", renderTimes(11, 30), renderTimes(7, 30), 0.9, 0.2, 100, 20);
        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLDS);
        assertThat(verdict.bound()).isGreaterThan(0.01);
    }

    @Test
    void aSignificantButSmallShiftHolds() {
        // every placement 150 ms slower: the rank test sees it, but the p90 stays under the 20 % allowance
        double[] baseline = renderTimes(7, 30);
        double[] candidate = Arrays.stream(baseline).map(ms -> ms + 150).toArray();
        Verdict verdict = Guardrail.quantileRise("render ms", candidate, baseline, 0.9, 0.2, 100, 20);
        assertThat(verdict.bound()).isLessThan(0.01);
        assertThat(verdict.candidate()).isLessThanOrEqualTo(verdict.limit());
        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void aFewSlowOutliersAloneHold() {
        // the three slowest placements take 5 s: the p90 jumps, but the ranks barely move
        double[] baseline = renderTimes(7, 30);
        double[] candidate = baseline.clone();
        Arrays.sort(candidate);
        for (int i = 27; i < 30; i++) candidate[i] = 5000;
        Verdict verdict = Guardrail.quantileRise("render ms", candidate, baseline, 0.9, 0.2, 100, 20);
        assertThat(verdict.candidate()).isGreaterThan(verdict.limit());
        assertThat(verdict.bound()).isGreaterThan(0.01);
        assertThat(verdict.outcome()).isEqualTo(Outcome.HOLDS);
    }

    @Test
    void tooFewRenderTimesAreTooFew() {
        double[] baseline = renderTimes(7, 30);
        double[] candidate = Arrays.stream(renderTimes(7, 5)).map(ms -> ms + 500).toArray();
        Verdict verdict = Guardrail.quantileRise("render ms", candidate, baseline, 0.9, 0.2, 100, 20);
        assertThat(verdict.outcome()).isEqualTo(Outcome.TOO_FEW);
        assertThat(verdict.candidateSample()).isEqualTo(5);
        assertThat(Guardrail.quantileRise("render ms", baseline, candidate, 0.9, 0.2, 100, 20).outcome())
                .isEqualTo(Outcome.TOO_FEW);
    }

    @Test
    void theAbsoluteAllowanceTakesOverForSmallBaselines() {
        double[] baseline = {1, 2, 3, 4, 5};
        double[] candidate = {1, 2, 3, 4, 5};
        Verdict verdict = Guardrail.quantileRise("ΔE2000 p95", candidate, baseline, 0.95, 0.2, 2, 5);
        assertThat(verdict.limit()).isCloseTo(4.8 + 2, within(1e-12));
        assertThat(verdict.test()).startsWith("p95 rise");
    }

    @Test
    void quantileIsTheR7Definition() {
        assertThat(Guardrail.quantile(new double[] {5, 3, 1, 4, 2}, 0.9)).isCloseTo(4.6, within(1e-12));
        assertThat(Guardrail.quantile(new double[] {1, 2, 3, 4, 5}, 0.5)).isEqualTo(3.0);
        assertThat(Guardrail.quantile(new double[] {1, 2, 3, 4, 5}, 1.0)).isEqualTo(5.0);
        assertThat(Guardrail.quantile(new double[] {1, 2, 3, 4, 5}, 0.0)).isEqualTo(1.0);
        assertThat(Guardrail.quantile(new double[] {7}, 0.9)).isEqualTo(7.0);
    }

    @Test
    void mannWhitneyMatchesTheNormalApproximationByHand() {
        // U = 9 of a possible 9, mean 4.5, sd sqrt(3·3·7/12), half a step of continuity correction
        double z = (9 - 4.5 - 0.5) / Math.sqrt(3 * 3 * 7 / 12.0);
        assertThat(z).isCloseTo(1.7457431218879391, within(1e-12));
        // 0.5·erfc(z/√2) from an independent implementation
        double p = Guardrail.mannWhitneyGreaterP(new double[] {4, 5, 6}, new double[] {1, 2, 3});
        assertThat(p).isCloseTo(0.04042779918502615, within(1e-6));
        assertThat(p).isCloseTo(Guardrail.upperTail(z), within(1e-15));
    }

    @Test
    void mannWhitneyLooksOneWayOnly() {
        double p = Guardrail.mannWhitneyGreaterP(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        // U = 0: z = (0 − 4.5 − 0.5) / sqrt(3·3·7/12), 0.5·erfc(z/√2) from an independent implementation
        assertThat(p).isCloseTo(0.9854518341293739, within(1e-6));
    }

    @Test
    void mannWhitneyCorrectsForTies() {
        // candidate {2,2,3} vs baseline {1,2,2}: midranks 3.5 for the four 2s, U = 3.5+3.5+6 − 6 = 7,
        // tie correction (4³ − 4) / (6·5) = 2, variance 9/12 · (7 − 2) = 3.75
        double z = (7 - 4.5 - 0.5) / Math.sqrt(3.75);
        double p = Guardrail.mannWhitneyGreaterP(new double[] {2, 2, 3}, new double[] {1, 2, 2});
        assertThat(p).isCloseTo(Guardrail.upperTail(z), within(1e-15));
        assertThat(Guardrail.mannWhitneyGreaterP(new double[] {4, 4}, new double[] {4, 4, 4})).isEqualTo(1.0);
    }

    @Test
    void normalUpperTail() {
        assertThat(Guardrail.upperTail(1.6448536269514722)).isCloseTo(0.05, within(1e-8));
        assertThat(Guardrail.upperTail(3.090232306167813)).isCloseTo(0.001, within(1e-9));
        assertThat(Guardrail.upperTail(0)).isEqualTo(0.5);
        assertThat(Guardrail.upperTail(-1.6448536269514722)).isCloseTo(0.95, within(1e-8));
        // far tail, where 1 − Φ would have cancelled to nothing: 0.5·erfc(6/√2)
        assertThat(Guardrail.upperTail(6)).isCloseTo(9.865876450377012e-10, within(1e-20));
    }

    /** render times spread evenly over 1000 ± 200 ms, the same every run */
    private static double[] renderTimes(long seed, int count) {
        Random random = new Random(seed);
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) ms[i] = 800 + 400 * random.nextDouble();
        return ms;
    }
}
