package dev.platen.rules;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A rule set as the admin API and page list it. */
public record RuleSetRow(int number, String digest, String bundleSha256, RuleSetState state,
                         @Nullable Double canaryShare, String description, String uploadedBy, Instant createdAt,
                         Instant stateSince,
                         @Nullable String verdictJson) {

    /** The share of new placements it ran on as a canary; 0 when it never was one. */
    double shareRun() {
        return canaryShare == null ? 0 : canaryShare;
    }
}
