package dev.platen.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** Where the catalog lives on disk; relative paths are taken from the working directory. */
@ConfigurationProperties("platen.catalog")
public record CatalogLocations(@DefaultValue("./layout-tiers") Path layoutTiers,
                               @DefaultValue("./icc-profiles/stocks.yaml") Path stocks) {
}
