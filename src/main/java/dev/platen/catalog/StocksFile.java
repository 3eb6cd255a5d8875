package dev.platen.catalog;

import dev.platen.color.Precision;
import dev.platen.color.RenderingIntent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static dev.platen.catalog.CatalogYaml.ID;
import static dev.platen.catalog.CatalogYaml.NOT_AN_ID;
import static dev.platen.catalog.CatalogYaml.REQUIRED;

/**
 * {@code stocks.yaml} as a shop writes it (its header comment explains every field), bound by {@link CatalogYaml}.
 * What one field says alone is checked here; what needs the folder or the other stocks, in {@link CatalogFiles}.
 *
 * @param assumedCmykProfile for every stock that does not name its own
 */
record StocksFile(@NotEmpty(message = "must be a non-empty list") List<@NotNull(message = REQUIRED) @Valid Entry> stocks,
                  @Nullable String assumedCmykProfile) {

    private static final String INK_LIMIT = "total area coverage in percent, above 0 and at most 400";

    /** One stock as written; the profiles are file names in the stocks file's folder. */
    record Entry(@NotNull(message = REQUIRED) @Pattern(regexp = ID, message = NOT_AN_ID) String id,
                 @NotNull(message = REQUIRED) String name,
                 @Nullable String paper,
                 @NotNull(message = REQUIRED) String profile,
                 @Nullable @Pattern(regexp = "CMYK", flags = Pattern.Flag.CASE_INSENSITIVE, message = "'${validatedValue}':"
                         + " print files are CMYK; the stock's profile must be a CMYK output profile") String colorSpace,
                 @NotNull(message = REQUIRED) RenderingIntent intent,
                 @NotNull(message = "must be true or false") Boolean blackPointCompensation,
                 @NotNull(message = INK_LIMIT) @DecimalMin(value = "0", inclusive = false, message = INK_LIMIT)
                 @DecimalMax(value = "400", message = INK_LIMIT) Double inkLimit,
                 @NotEmpty(message = "list at least one of pdfx4, tiff") List<PrintFileFormat> outputs,
                 @Nullable String outputCondition,
                 Precision precision,
                 // the proof-lane table matches the class as a string
                 @Nullable @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "'${validatedValue}' is not a gamut class"
                         + " (lower-case letters, digits and hyphens, e.g. coated-paper, garment)") String gamutClass,
                 @Nullable String assumedCmykProfile,
                 Stock.@Nullable GreyAs greyAs,
                 Stock.@Nullable SpotColours spotColours,
                 @Nullable String outputConditionIdentifier,
                 @Nullable @Pattern(regexp = "https?://\\S+", flags = Pattern.Flag.CASE_INSENSITIVE,
                         message = "'${validatedValue}' is not a registry URL") String registryName) {

        Entry {
            // lcms's exact evaluation unless the stock asks for the faster grid
            precision = precision == null ? Precision.EXACT : precision;
        }
    }
}
