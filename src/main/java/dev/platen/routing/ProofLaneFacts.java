package dev.platen.routing;

import java.util.Map;
import java.util.Objects;

/**
 * What the proof lane is decided on, once a placement has its print files and soft proof. The rules themselves
 * are the decision table {@code workflows/proof-lane.dmn}, so that a print shop tunes them without Java; these
 * are its inputs, under the names the table uses.
 *
 * @param stock           the stock id, e.g. {@code coated-gloss}
 * @param downgraded      printed at a smaller tier than the shop asked for
 * @param worstSeverity   the worst quality finding on the art ({@code INFO}, {@code WARNING}, {@code PROBLEM}), or
 *                        {@code NONE}
 * @param outOfGamutShare share of the art's pixels the stock cannot reproduce, 0 to 1
 * @param deltaE95        95th percentile of ΔE2000 between the art and its proof
 */
public record ProofLaneFacts(String stock, boolean downgraded, String worstSeverity, double outOfGamutShare,
                             double deltaE95) {

    public ProofLaneFacts {
        Objects.requireNonNull(stock, "stock");
        worstSeverity = worstSeverity == null ? "NONE" : worstSeverity;
    }

    /** The table's input variables. */
    public Map<String, Object> decisionInputs() {
        return Map.of("stock", stock, "downgraded", downgraded, "worstSeverity", worstSeverity,
                "outOfGamutShare", outOfGamutShare, "deltaE95", deltaE95);
    }
}
