package dev.platen.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/** A place on a product that takes artwork (a T-shirt front, a mug wrap), with its tiers largest first. */
public record Placement(String id, String name, List<LayoutTier> tiers) {

    public Placement {
        tiers = List.copyOf(tiers);
    }

    public LayoutTier largestTier() {
        return tiers.get(0);
    }

    public Optional<LayoutTier> tier(@Nullable String tierId) {
        return tiers.stream().filter(t -> t.id().equals(tierId)).findFirst();
    }

    /** The tiers after (smaller than) the given one, in order. */
    public List<LayoutTier> tiersBelow(LayoutTier tier) {
        int index = tiers.indexOf(tier);
        return index < 0 ? List.of() : tiers.subList(index + 1, tiers.size());
    }
}
