package dev.platen.preflight;

import dev.platen.catalog.PrintArea;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code ASPECT_MISMATCH}: art whose shape differs from the print area's, so that placed "contain" (as
 * {@link EffectiveDpi} places it) it leaves part of the area empty.
 *
 * <p>Metric: the share of the print area left empty, {@code 1 - min(a / b, b / a)} for the art's and the area's
 * width-to-height ratios {@code a} and {@code b}. A banner of 2 : 1 on a 12 x 16 in front leaves 62.5% empty.
 *
 * <p>Default: {@value #DEFAULT_WARNING}. Square art on a 3 : 4 shirt front leaves 25% empty and is the everyday
 * case, not worth a look; past a third the customer most likely expected the area filled. It is never a PROBLEM by
 * default (the problem limit is infinite): the print is not defective, only perhaps not what was meant.
 */
final class AspectCheck {

    static final String CODE = "ASPECT_MISMATCH";
    static final double DEFAULT_WARNING = 0.35;
    static final double DEFAULT_PROBLEM = Double.POSITIVE_INFINITY;
    static final String UNIT = "share of print area";

    private final Levels levels;

    AspectCheck(double warningAt, double problemAt) {
        this.levels = Levels.higherIsWorse(warningAt, problemAt);
    }

    AspectCheck() {
        this(DEFAULT_WARNING, DEFAULT_PROBLEM);
    }

    static double measure(int widthPx, int heightPx, PrintArea area) {
        double art = (double) widthPx / heightPx;
        double print = area.widthInches().doubleValue() / area.heightInches().doubleValue();
        return 1.0 - Math.min(art / print, print / art);
    }

    Optional<QualityFinding> check(int widthPx, int heightPx, PrintArea area) {
        double measured = measure(widthPx, heightPx, area);
        double art = (double) widthPx / heightPx;
        double print = area.widthInches().doubleValue() / area.heightInches().doubleValue();
        return levels.severityOf(measured).map(severity -> new QualityFinding(CODE, severity, measured,
                levels.limitFor(severity), UNIT, String.format(Locale.ROOT,
                        "The art is %s than the %s print area: placed whole, it leaves %.0f%% of the area empty %s.",
                        art > print ? "wider" : "taller", area, 100 * measured,
                        art > print ? "above and below" : "at the sides")));
    }
}
