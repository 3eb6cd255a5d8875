package dev.platen.preflight;

import dev.platen.preflight.QualityFinding.Severity;

import java.util.Optional;

/**
 * The two limits of one metric: crossing {@code warning} makes a WARNING, crossing {@code problem} a PROBLEM.
 * A limit of {@code ±Infinity} (on the bad side) is never crossed, which switches that level off.
 *
 * @param higherIsWorse true when a larger measurement is worse (blocking, empty share); false for sharpness
 */
record Levels(double warning, double problem, boolean higherIsWorse) {

    Levels {
        if (Double.isNaN(warning) || Double.isNaN(problem)) {
            throw new IllegalArgumentException("limits must be numbers");
        }
        if (higherIsWorse ? problem < warning : problem > warning) {
            throw new IllegalArgumentException("the problem limit " + problem + " must be beyond the warning limit "
                    + warning);
        }
    }

    static Levels higherIsWorse(double warning, double problem) {
        return new Levels(warning, problem, true);
    }

    static Levels lowerIsWorse(double warning, double problem) {
        return new Levels(warning, problem, false);
    }

    /** Empty when the measurement is within limits, or NaN (nothing to judge). */
    Optional<Severity> severityOf(double measured) {
        if (Double.isNaN(measured)) {
            return Optional.empty();
        }
        if (crosses(measured, problem)) {
            return Optional.of(Severity.PROBLEM);
        }
        return crosses(measured, warning) ? Optional.of(Severity.WARNING) : Optional.empty();
    }

    double limitFor(Severity severity) {
        return severity == Severity.PROBLEM ? problem : warning;
    }

    private boolean crosses(double measured, double limit) {
        return higherIsWorse ? measured >= limit : measured <= limit;
    }
}
