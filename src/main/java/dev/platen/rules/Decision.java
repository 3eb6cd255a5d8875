package dev.platen.rules;

import dev.platen.catalog.LayoutTier;
import dev.platen.catalog.Placement;
import dev.platen.catalog.Product;
import dev.platen.catalog.Stock;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ProofLaneFacts;
import dev.platen.routing.TierChoice;
import dev.platen.routing.TierVerdict;
import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * What a rule set decides for a placement's recorded facts, without new pixels: its tier, then its lane on the
 * recorded proof figures. Replay and shadow both ask this; when the rule set would print other pixels (another tier,
 * another stock colour signature, other quality rules) the lane is still decided on the recorded figures, and
 * {@code needsNewPixels} says that only a render would tell for sure.
 *
 * @param tier   the tier chosen; empty when none fits or an operator must look first
 * @param lane   AUTO or REVIEW; OPERATOR when no tier was chosen; NONE when the live run never reached a lane
 * @param reason the tier's or the lane's reason
 */
record Decision(String tier, DecidedLane lane, String reason, boolean needsNewPixels) {

    static final String NOT_IN_RULE_SET = "NOT_IN_RULE_SET";

    static Decision under(RuleSet rules, TierFacts tierFacts, @Nullable LaneFacts laneFacts) {
        Optional<Product> product = rules.catalog().product(tierFacts.product());
        Optional<Placement> placement = product.flatMap(p -> p.placement(tierFacts.placement()));
        Optional<LayoutTier> requested = placement.flatMap(p -> p.tier(tierFacts.requestedTier()));
        if (requested.isEmpty()) {
            return new Decision("", DecidedLane.NONE, NOT_IN_RULE_SET, false);
        }
        if (!tierFacts.trustworthy()) {
            return new Decision("", DecidedLane.OPERATOR, "ARTWORK_DOUBTFUL", false);
        }
        LayoutTier tier;
        boolean downgraded;
        if (tierFacts.operatorTier() != null) {
            Optional<LayoutTier> chosen = placement.get().tier(tierFacts.operatorTier());
            if (chosen.isEmpty()) {
                return new Decision("", DecidedLane.NONE, NOT_IN_RULE_SET, false);
            }
            tier = chosen.get();
            downgraded = !tier.id().equals(requested.get().id());
        } else {
            TierVerdict verdict = TierChoice.forArtwork(placement.get(), requested.get(), tierFacts.header());
            LayoutTier fitting = verdict.chosen();
            if (fitting == null) {
                return new Decision("", DecidedLane.OPERATOR, verdict.reasons().get(0).name(), false);
            }
            tier = fitting;
            downgraded = verdict.downgraded();
        }
        if (laneFacts == null) {
            return new Decision(tier.id(), DecidedLane.NONE, "NO_PROOF_RECORDED", true);
        }
        Stock stock = rules.catalog().stock(tier.stock()).orElseThrow();
        boolean samePixels = tier.id().equals(laneFacts.tier())
                && RuleSet.colourSignature(stock).equals(laneFacts.stockSignature())
                && rules.quality().equals(laneFacts.quality());
        ProofLaneFacts recorded = laneFacts.facts();
        ProofLaneFacts facts = new ProofLaneFacts(stock.gamutClass(), downgraded, product.get().reviewDowngrades(),
                recorded.operatorChoseTier(), recorded.worstSeverity(), recorded.worstFinding(),
                recorded.outOfGamutShare(), recorded.deltaE95());
        ProofLane lane = rules.laneTable().decide(facts);
        return new Decision(tier.id(), DecidedLane.of(lane.lane()), lane.reason(), !samePixels);
    }
}
