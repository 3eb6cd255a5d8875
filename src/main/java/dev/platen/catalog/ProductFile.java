package dev.platen.catalog;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static dev.platen.catalog.CatalogYaml.ID;
import static dev.platen.catalog.CatalogYaml.NOT_AN_ID;
import static dev.platen.catalog.CatalogYaml.REQUIRED;

/**
 * A product file of {@code layout-tiers/} as a shop writes it, bound by {@link CatalogYaml}. What one field says alone
 * is checked here (sizes and lengths as they are read, see {@link CatalogWords}); what needs the other tiers, the
 * stocks or the file's name, in {@link CatalogFiles}.
 *
 * @param bleed            added around every print area on each side, in inches; none when not given
 * @param reviewDowngrades false when not given
 * @param mockup           null when not given
 */
record ProductFile(@NotNull(message = REQUIRED) @Pattern(regexp = ID, message = NOT_AN_ID) String id,
                   @NotNull(message = REQUIRED) String name,
                   @NotNull(message = REQUIRED) String process,
                   @Nullable @JsonDeserialize(using = CatalogWords.Inches.class)
                   @PositiveOrZero(message = NEGATIVE) Double bleed,
                   @NotEmpty(message = "must be a non-empty list")
                   List<@NotNull(message = REQUIRED) @Valid PlacementEntry> placements,
                   @Nullable Boolean reviewDowngrades,
                   @Nullable MockupShape mockup) {

    static final String NEGATIVE = "must not be negative";
    private static final String WHOLE = "must be a whole number";
    private static final String POSITIVE = "must be positive, not ${validatedValue}";

    /** @param name the id when not given */
    record PlacementEntry(@NotNull(message = REQUIRED) @Pattern(regexp = ID, message = NOT_AN_ID) String id,
                          @Nullable String name,
                          @NotEmpty(message = "must be a non-empty list, largest tier first")
                          List<@NotNull(message = REQUIRED) @Valid TierEntry> tiers) {
    }

    /**
     * @param name     the id when not given
     * @param position top centre, no offset, when not given
     * @param stock    a stock's id in {@code stocks.yaml}
     */
    record TierEntry(@NotNull(message = REQUIRED) @Pattern(regexp = ID, message = NOT_AN_ID) String id,
                     @Nullable String name,
                     @NotNull(message = REQUIRED) PrintArea printArea,
                     @Nullable @Valid PositionEntry position,
                     @NotNull(message = WHOLE) @Positive(message = POSITIVE) Integer minDpi,
                     @NotNull(message = WHOLE) @Positive(message = POSITIVE) Integer targetDpi,
                     @NotNull(message = REQUIRED) String stock,
                     @Nullable String tested) {
    }

    /** @param x may be negative (left of the anchor); {@code x} and {@code y} are inches, 0 when not given */
    record PositionEntry(@NotNull(message = REQUIRED) TierPosition.Anchor anchor,
                         @Nullable @JsonDeserialize(using = CatalogWords.Inches.class) Double x,
                         @Nullable @JsonDeserialize(using = CatalogWords.Inches.class)
                         @PositiveOrZero(message = NEGATIVE) Double y) {

        TierPosition position() {
            return new TierPosition(anchor, x == null ? 0 : x, y == null ? 0 : y);
        }
    }
}
