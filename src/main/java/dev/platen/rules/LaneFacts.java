package dev.platen.rules;

import dev.platen.routing.ProofLaneFacts;

/**
 * What a placement's proof lane read, stored with its run: the table's inputs, and what made the figures among them
 * (the tier and the stock's colour signature, the quality rules), so that a replay knows when another rule set would
 * have made different pixels and the recorded figures no longer stand for its own.
 */
public record LaneFacts(String tier, ProofLaneFacts facts, String stockSignature, QualityRules quality) {

    /** The same facts with the figures of a proof made at {@code tier} on {@code stock}: its pixels, not the live ones. */
    LaneFacts withFigures(String tier, dev.platen.catalog.Stock stock, SampleProofs.ColourFigures figures,
                          QualityRules quality) {
        return new LaneFacts(tier, new ProofLaneFacts(facts.gamutClass(), facts.downgraded(), facts.reviewDowngrades(),
                facts.operatorChoseTier(), facts.worstSeverity(), facts.worstFinding(), figures.outOfGamutShare(),
                figures.deltaE95()), RuleSet.colourSignature(stock), quality);
    }
}
