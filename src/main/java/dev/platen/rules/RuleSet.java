package dev.platen.rules;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.Stock;
import dev.platen.routing.LaneTable;

/**
 * One rule set, loaded: everything that decides a placement's fate. Immutable; a new state is a new value from
 * {@link RuleSets}.
 *
 * @param number      1 for the bundled folders, then one up per upload; what placements, history and metrics name
 * @param digest      the content address of its files (see {@link RuleSetBundle#digest})
 * @param canaryShare share of new placements it runs while in canary, 0 to 1
 */
public record RuleSet(int number, String digest, RuleSetState state, double canaryShare, String description,
                      Catalog catalog, LaneTable laneTable, QualityRules quality) {

    /** How a metric tag or a page names it: "rs-3". */
    public String label() {
        return "rs-" + number;
    }

    /**
     * What the stock does to pixels, without its names and texts: two rule sets with the same colour signature for
     * a stock make the same print files and soft proof from the same art, so their proof figures can be reused. Files
     * are named by their SHA-256, not their path (each rule set is unpacked in a folder of its own).
     */
    public static String colourSignature(Stock stock) {
        Stock.ArtPolicy art = stock.artPolicy();
        return String.join("|", stock.profileSha256(), stock.intent().name(),
                Boolean.toString(stock.blackPointCompensation()), stock.inkLimit().toString(),
                String.valueOf(stock.precision()), FileDigests.of(art.assumedCmykProfile()), art.greyAs().name(),
                art.spotColours().name(), stock.outputs().stream().map(Enum::name).sorted().toList().toString());
    }
}
