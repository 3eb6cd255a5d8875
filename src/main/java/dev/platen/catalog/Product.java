package dev.platen.catalog;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * A product Platen prints on.
 *
 * @param process     how it is printed (dtg, offset, sublimation, digital ...), for people and proofs
 * @param bleedInches bleed added around every print area on each side (0 for garments and mugs)
 * @param reviewDowngrades true: a placement stepped down to a smaller tested tier waits for an operator even when
 *                         nothing else fails. The default (false) lets the engine approve it, since tiers are
 *                         test-printed precisely so that no person has to look
 * @param sourceFile  the catalog file it came from, for messages
 * @param mockup      what its mockup is drawn as; null when the file does not say (a sheet or a panel, by its tiers)
 */
public record Product(String id, String name, String process, double bleedInches, List<Placement> placements,
                      boolean reviewDowngrades, String sourceFile, @Nullable MockupShape mockup) {

    public Product {
        placements = List.copyOf(placements);
    }

    public Optional<Placement> placement(String placementId) {
        return placements.stream().filter(p -> p.id().equals(placementId)).findFirst();
    }
}
