package dev.platen.rules;

import dev.platen.artwork.ArtworkHeader;
import org.jspecify.annotations.Nullable;

/**
 * What a placement's tier choice read, stored with its run so that another rule set can decide it again.
 *
 * @param trustworthy  the full inspection agreed with the header; doubtful art goes to an operator under any rules
 * @param operatorTier the tier an operator chose, when one did (taken as given under every rule set)
 */
public record TierFacts(String product, String placement, String requestedTier, ArtworkHeader header,
                        boolean trustworthy, @Nullable String operatorTier) {
}
