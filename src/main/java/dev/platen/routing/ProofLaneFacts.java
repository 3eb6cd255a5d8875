package dev.platen.routing;

import java.util.Map;
import java.util.Objects;

/**
 * What the proof lane is decided on, once a placement has its print files and soft proof. The rules themselves
 * are the decision table {@code workflows/proof-lane.dmn}, so that a print shop tunes them without Java; these
 * are its inputs, under the names the table uses. The table sees the stock's attributes, never its id: a rule
 * written for "coated paper" covers every coated stock a shop adds, and a stock of a class no rule names is
 * reviewed ({@code NO_RULE}) rather than approved.
 *
 * @param gamutClass       the stock's class from {@code stocks.yaml}, e.g. {@code coated-paper}; empty when it has
 *                         none
 * @param downgraded       printed at a smaller tested tier than the shop asked for
 * @param reviewDowngrades the product asks for a person to confirm every downgrade
 * @param operatorChoseTier an operator chose the tier (none fitted, or the art was doubtful): that operator sees the
 *                         proof before it prints
 * @param worstSeverity    the worst quality finding on the art ({@code INFO}, {@code WARNING}, {@code PROBLEM}), or
 *                         {@code NONE}
 * @param worstFinding     that finding's code, e.g. {@code JPEG_BLOCKING}: the reason an operator reads; empty when
 *                         there is none
 * @param outOfGamutShare  share of the picture, as a viewer sees it, that the stock cannot print, 0 to 1
 * @param deltaE95         95th percentile of ΔE2000 between the art and its print, as a viewer sees them
 */
public record ProofLaneFacts(String gamutClass, boolean downgraded, boolean reviewDowngrades,
                             boolean operatorChoseTier, String worstSeverity,
                             String worstFinding, double outOfGamutShare, double deltaE95) {

    public ProofLaneFacts {
        gamutClass = Objects.requireNonNullElse(gamutClass, "");
        worstSeverity = worstSeverity == null ? "NONE" : worstSeverity;
        worstFinding = Objects.requireNonNullElse(worstFinding, "");
    }

    /** The table's input variables. */
    public Map<String, Object> decisionInputs() {
        return Map.of("gamutClass", gamutClass, "downgraded", downgraded, "reviewDowngrades", reviewDowngrades,
                "operatorChoseTier", operatorChoseTier, "worstSeverity", worstSeverity, "worstFinding", worstFinding, "outOfGamutShare", outOfGamutShare,
                "deltaE95", deltaE95);
    }
}
