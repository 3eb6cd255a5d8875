package dev.platen.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A layout that was test-printed for a placement: the size and position of the print area, the DPI range
 * that printed acceptably, and the stock it prints on.
 *
 * @param minDpi    the lowest effective DPI that still printed acceptably in the test print
 * @param targetDpi the resolution the print file is rendered at
 * @param tested    free text: when and how this tier was test-printed (may be null)
 */
public record LayoutTier(String id, String name, PrintArea printArea, TierPosition position, int minDpi, int targetDpi,
                         String stock, @Nullable String tested) {
}
