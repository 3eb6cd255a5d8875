package dev.platen.preflight;

import java.util.Objects;
import java.util.Optional;

/**
 * One quality check that crossed its threshold, with the number it measured so an operator (or a DMN table) can
 * see how far off the art is, not just that it is.
 *
 * @param code      stable, upper-case code a client can switch on, e.g. {@code SOFT_AT_PRINT_SIZE}
 * @param severity  how much attention it needs
 * @param measured  what the check measured, in {@code unit}
 * @param threshold the limit that was crossed (the problem limit for a PROBLEM, else the warning limit)
 * @param unit      what {@code measured} and {@code threshold} count
 * @param message   one sentence for an operator
 * @param trim      where the art's content is, for {@code EMPTY_MARGINS}; empty for every other code
 */
public record QualityFinding(String code, Severity severity, double measured, double threshold, String unit,
                             String message, Optional<TrimSuggestion> trim) {

    /** In the order an operator's queue ranks them: PROBLEM first. */
    public enum Severity {
        /** Worth knowing; prints as the customer expects. */
        INFO,
        /** Prints, but probably not as the customer expects: an operator should look. */
        WARNING,
        /** Prints visibly badly: hold for an operator's decision. */
        PROBLEM
    }

    public QualityFinding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(message, "message");
        trim = trim == null ? Optional.empty() : trim;
    }

    public QualityFinding(String code, Severity severity, double measured, double threshold, String unit,
                          String message) {
        this(code, severity, measured, threshold, unit, message, Optional.empty());
    }

    /**
     * How far past its threshold the measurement is, relative to the threshold: 0.5 means half as far again.
     * Direction-free, because some metrics are bad when high (blocking) and some when low (sharpness); a finding
     * only exists once its threshold is crossed, so the distance is always the excess. A zero threshold counts the
     * measurement itself.
     */
    public double excess() {
        if (threshold == 0.0 || !Double.isFinite(threshold)) {
            return Math.abs(measured);
        }
        return Math.abs(measured - threshold) / Math.abs(threshold);
    }
}
