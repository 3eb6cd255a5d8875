package dev.platen.artwork;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits checked from the header before anything is decoded.
 *
 * @param maxUploadBytes   largest upload accepted (default 200 MB)
 * @param maxPixels        largest pixel count of one image, width x height (default 300 MP)
 * @param maxPdfPagesUsed  pages of a PDF that are used; more pages give a finding, not a rejection
 */
@ConfigurationProperties("platen.artwork")
public record ArtworkLimits(
        @DefaultValue("200000000") long maxUploadBytes,
        @DefaultValue("300000000") long maxPixels,
        @DefaultValue("1") int maxPdfPagesUsed) {
}
