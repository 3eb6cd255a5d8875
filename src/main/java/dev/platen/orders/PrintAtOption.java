package dev.platen.orders;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * One tier an operator can print a placement at, as the placement page and Camunda's Tasklist offer it: the DPI the
 * art gives there beside the minimum the tier was test-printed at.
 *
 * @param dpi            the art's effective DPI there, null for vector art
 * @param reachesMinimum whether the art's effective DPI on this tier meets its tested minimum; a tier that does not
 *                       is printed only when the operator confirms it
 */
public record PrintAtOption(String id, String name, String size, int minDpi, @Nullable BigDecimal dpi,
                            boolean reachesMinimum,
                            boolean requested, boolean chosen) {

    /**
     * The tier "Print at" starts on: the one chosen, else the largest the art reaches the minimum of (options are
     * listed largest first), else none, so that one click never prints below a tested minimum.
     */
    public static java.util.Optional<PrintAtOption> preselected(java.util.List<PrintAtOption> options) {
        return options.stream().filter(PrintAtOption::chosen).findFirst()
                .or(() -> options.stream().filter(PrintAtOption::reachesMinimum).findFirst());
    }

    /**
     * How a list of choices names it: "Left chest 4 x 4 (4 x 4 in) · 287 DPI", with the minimum when it is not
     * reached; vector art (no DPI) prints sharp at any size.
     */
    public String label() {
        return name + " (" + size + ") · " + (dpi == null ? "vector, sharp at any size" : dpi.toPlainString() + " DPI")
                + (reachesMinimum ? "" : ", below its tested " + minDpi + " DPI minimum");
    }
}
