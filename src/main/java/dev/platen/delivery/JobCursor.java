package dev.platen.delivery;

import dev.platen.web.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of jobs ended: the last job's ready time and id (keyset pagination, so a job that becomes ready
 * or is claimed between two pages neither repeats nor shifts the rest). Opaque to partners: base64url text.
 */
record JobCursor(Instant readyAt, String placementId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((readyAt + "|" + placementId).getBytes(StandardCharsets.UTF_8));
    }

    static JobCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2 || parts[1].isEmpty() || parts[1].length() > 36) {
                throw new IllegalArgumentException("two parts expected");
            }
            return new JobCursor(Instant.parse(parts[0]), parts[1]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiProblem.badParameter("cursor: pass the nextCursor of the previous page unchanged.");
        }
    }
}
