package dev.platen.orders;

import dev.platen.catalog.Catalog;
import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Product;
import dev.platen.rules.RuleSet;
import dev.platen.rules.RuleSets;

/**
 * What a placement step's load is made from (see {@link PlacementJobs}): the stored placement with its catalog
 * entries looked up in the rule set it runs under (not the live one: a placement keeps its rules from intake to
 * print, unless a rollback moves it).
 */
record PlacementJob(OrderPlacement placement, RuleSet ruleSet, Product product, Placement catalogPlacement,
                    LayoutTier requestedTier) {

    static PlacementJob load(OrderBook book, RuleSets ruleSets, String placementId) {
        OrderPlacement p = book.placement(placementId)
                .orElseThrow(() -> new IllegalArgumentException("no placement " + placementId));
        RuleSet rules = ruleSets.number(p.ruleSet());
        Catalog catalog = rules.catalog();
        // A rule set is checked when it is registered and orders only name what it holds; a placement whose product
        // is missing from its own rule set is a fault worth failing loudly on.
        Product product = catalog.product(p.product()).orElseThrow(() -> new IllegalStateException(
                "product '" + p.product() + "' is not in rule set " + rules.number()));
        Placement placement = product.placement(p.placement()).orElseThrow(() -> new IllegalStateException(
                "placement '" + p.placement() + "' is not in rule set " + rules.number()));
        LayoutTier requested = placement.tier(p.requestedTier()).orElseThrow(() -> new IllegalStateException(
                "tier '" + p.requestedTier() + "' is not in rule set " + rules.number()));
        return new PlacementJob(p, rules, product, placement, requested);
    }

    /** The same placement looked up in another rule set (a replay's candidate). */
    PlacementJob under(RuleSet rules) {
        Product product = rules.catalog().product(placement.product()).orElseThrow(() -> new IllegalStateException(
                "product '" + placement.product() + "' is not in rule set " + rules.number()));
        Placement where = product.placement(placement.placement()).orElseThrow(() -> new IllegalStateException(
                "placement '" + placement.placement() + "' is not in rule set " + rules.number()));
        LayoutTier requested = where.tier(placement.requestedTier()).orElseThrow(() -> new IllegalStateException(
                "tier '" + placement.requestedTier() + "' is not in rule set " + rules.number()));
        return new PlacementJob(placement, rules, product, where, requested);
    }

    Catalog catalog() {
        return ruleSet.catalog();
    }

    /**
     * Whether an approval of this placement must wait: it runs on a rule set that is not (or no longer) live, a canary
     * whose verdict is still out or one rolled back since (whose placements run again on the live one). A placement
     * of a rule set retired by a promotion since it started ran under live rules and prints.
     */
    boolean approvalWaitsForVerdict() {
        return switch (ruleSet.state()) {
            case LIVE, RETIRED -> false;
            default -> true;
        };
    }
}
