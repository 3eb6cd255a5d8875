package dev.platen.render;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Where a print file came from, written into it (TIFF ImageDescription and XMP, PDF XMP) so that a file found on
 * a press queue can be traced to its artwork, colour settings and tier without a database. The profile's SHA-256
 * is not asked for: it is computed from the bytes actually embedded.
 *
 * @param artworkSha256          SHA-256 of the customer's uploaded file, lower-case hex
 * @param artworkReceived        when Platen first stored that file: the date the print files carry, so that the
 *                               same art, tier and stock give the same bytes whenever and for whichever order they
 *                               are made (the render time would make every file unique)
 * @param renderingIntent        the intent the colour module used, e.g. {@code relative-colorimetric}
 * @param blackPointCompensation whether the colour module used black point compensation
 * @param engineVersion          Platen's version, e.g. {@code 0.1.0-SNAPSHOT}
 */
record Provenance(String artworkSha256, Instant artworkReceived, String renderingIntent,
                         boolean blackPointCompensation, String productId, String placementId, String tierId,
                         String engineVersion) {

    public Provenance {
        Objects.requireNonNull(artworkSha256, "artworkSha256");
        Objects.requireNonNull(artworkReceived, "artworkReceived");
        Objects.requireNonNull(renderingIntent, "renderingIntent");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(placementId, "placementId");
        Objects.requireNonNull(tierId, "tierId");
        Objects.requireNonNull(engineVersion, "engineVersion");
    }

    /** The print files' creation date: the art's receipt, in whole seconds as PDF dates hold them. */
    Instant filesDated() {
        return artworkReceived.truncatedTo(ChronoUnit.SECONDS);
    }

    /** product / placement / tier, the title print files carry. */
    public String title() {
        return productId + " / " + placementId + " / " + tierId;
    }
}
