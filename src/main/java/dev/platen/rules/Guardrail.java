package dev.platen.rules;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The canary's guardrails: a candidate rule set against the live baseline over the same period. A breach rolls the
 * candidate back without a person, so each test is one-sided and set for rare false alarms, yet a clearly bad
 * candidate still shows on a few dozen placements.
 */
final class Guardrail {

    enum Outcome { TOO_FEW, HOLDS, BREACHED }

    /** one guardrail's figures and outcome, as shown to an admin and stored with a rollback */
    record Verdict(String guardrail, String test, int candidateSample, int baselineSample,
                   double candidate, double baseline, double bound, double limit, Outcome outcome) {

        /** The same verdict, its test naming the baseline it was judged against. */
        Verdict against(String baseline) {
            return new Verdict(guardrail, test + ", against " + baseline, candidateSample, baselineSample, candidate,
                    this.baseline, bound, limit, outcome);
        }
    }

    /** the one-sided 95 % point of the standard normal */
    static final double Z_95 = 1.6448536269514722;

    /** a rise must be this unlikely under "no rise" before it counts as evidence */
    static final double MAX_P = 0.01;

    private Guardrail() {}

    /**
     * A share that must not rise (share auto-approved, share failed, share an operator rejected): candidateHits of
     * candidateSample against baselineHits of baselineSample. BREACHED when the one-sided 95 % Agresti–Caffo lower
     * bound of (p_candidate − p_baseline) exceeds maxRise; TOO_FEW while either sample is under minSample.
     */
    static Verdict shareRise(String guardrail, int candidateHits, int candidateSample, int baselineHits,
                             int baselineSample, double maxRise, int minSample) {
        requireHits(candidateHits, candidateSample);
        requireHits(baselineHits, baselineSample);
        // Agresti–Caffo: one success and one failure added to each group keep the Wald interval honest at the
        // small samples and 0 % / 100 % shares a canary starts with, where the plain Wald interval collapses to 0 width
        double c = (candidateHits + 1.0) / (candidateSample + 2.0);
        double b = (baselineHits + 1.0) / (baselineSample + 2.0);
        double standardError = Math.sqrt(c * (1 - c) / (candidateSample + 2.0) + b * (1 - b) / (baselineSample + 2.0));
        double lowerBound = c - b - Z_95 * standardError;
        Outcome outcome = candidateSample < minSample || baselineSample < minSample ? Outcome.TOO_FEW
                : lowerBound > maxRise ? Outcome.BREACHED : Outcome.HOLDS;
        return new Verdict(guardrail, "Agresti–Caffo one-sided 95 % lower bound of the rise", candidateSample,
                baselineSample, share(candidateHits, candidateSample), share(baselineHits, baselineSample),
                lowerBound, maxRise, outcome);
    }

    /**
     * A quantity whose high quantile must not rise (render ms, proof ms, ΔE2000 p95 per placement). BREACHED only when
     * the candidate's quantile exceeds the baseline's by more than max(relativeRise × baseline, absoluteRise) AND a
     * one-sided Mann–Whitney U test says the candidate is stochastically larger with p < 0.01; TOO_FEW while either
     * sample is under minSample.
     */
    static Verdict quantileRise(String guardrail, double[] candidate, double[] baseline, double quantile,
                                double relativeRise, double absoluteRise, int minSample) {
        if (!(quantile >= 0 && quantile <= 1)) throw new IllegalArgumentException("quantile " + quantile);
        if (minSample < 1) throw new IllegalArgumentException("minSample " + minSample);
        double candidateQuantile = quantile(candidate, quantile);
        double baselineQuantile = quantile(baseline, quantile);
        double limit = baselineQuantile + Math.max(relativeRise * baselineQuantile, absoluteRise);
        boolean tooFew = candidate.length < minSample || baseline.length < minSample;
        double p = tooFew ? Double.NaN : mannWhitneyGreaterP(candidate, baseline);
        // a high quantile alone swings on two or three slow jobs, a rank test alone flags shifts too small to matter:
        // the rise must be both large and unlikely to be noise before it is worth a rollback
        Outcome outcome = tooFew ? Outcome.TOO_FEW
                : candidateQuantile > limit && p < MAX_P ? Outcome.BREACHED : Outcome.HOLDS;
        String name = "p" + BigDecimal.valueOf(quantile).movePointRight(2).stripTrailingZeros().toPlainString();
        return new Verdict(guardrail, name + " rise and one-sided Mann–Whitney U, p < 0.01", candidate.length,
                baseline.length, candidateQuantile, baselineQuantile, p, limit, outcome);
    }

    /** The R-7 (Excel, NumPy default) quantile, so an admin can check a figure in a spreadsheet; NaN when empty. */
    static double quantile(double[] values, double q) {
        if (values.length == 0) return Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        if (below + 1 >= sorted.length) return sorted[sorted.length - 1];
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    /**
     * One-sided p-value that candidate values are stochastically larger than baseline values: Mann–Whitney U by the
     * normal approximation, with the tie correction (timings round to the millisecond, ΔE to a hundredth) and the
     * continuity correction (U moves in steps of one half). NaN without data, 1 when every value ties.
     */
    static double mannWhitneyGreaterP(double[] candidate, double[] baseline) {
        int n1 = candidate.length;
        int n2 = baseline.length;
        if (n1 == 0 || n2 == 0) return Double.NaN;
        int n = n1 + n2;
        double[] values = new double[n];
        boolean[] fromCandidate = new boolean[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            values[i] = i < n1 ? candidate[i] : baseline[i - n1];
            fromCandidate[i] = i < n1;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double candidateRanks = 0;
        double tieSum = 0;
        for (int start = 0, end; start < n; start = end) {
            end = start;
            while (end < n && values[order[end]] == values[order[start]]) end++;
            double midRank = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) if (fromCandidate[order[k]]) candidateRanks += midRank;
            double t = end - start;
            tieSum += t * t * t - t;
        }
        double u = candidateRanks - n1 * (n1 + 1) / 2.0;
        double variance = n1 * (double) n2 / 12 * ((n + 1) - tieSum / ((double) n * (n - 1)));
        if (variance <= 0) return 1;
        return upperTail((u - n1 * (double) n2 / 2 - 0.5) / Math.sqrt(variance));
    }

    /**
     * P(Z > z) for a standard normal Z, to about 1e-15 absolute: Marsaglia's series for Φ near the centre, Laplace's
     * continued fraction in the tail, where 1 − Φ would cancel away the p-values a guardrail compares with 0.01.
     */
    static double upperTail(double z) {
        if (Double.isNaN(z)) return Double.NaN;
        if (z < 0) return 1 - upperTail(-z);
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        if (z < 3) {
            double term = z;
            double sum = z;
            for (int i = 3; sum + term != sum; i += 2) {
                term *= z * z / i;
                sum += term;
            }
            return 0.5 - density * sum;
        }
        double fraction = z;
        for (int k = 80; k >= 1; k--) fraction = z + k / fraction;
        return density / fraction;
    }

    private static double share(int hits, int sample) {
        return sample == 0 ? 0 : hits / (double) sample;
    }

    private static void requireHits(int hits, int sample) {
        if (hits < 0 || hits > sample) throw new IllegalArgumentException(hits + " hits of " + sample);
    }
}
