package dev.platen.rules;

import dev.platen.storage.ContentDigest;

import java.nio.charset.StandardCharsets;

/**
 * Where a placement falls in [0, 1) for the canary share: from the SHA-256 of its id, so the answer is the same on
 * every node, after a restart and for every retry, and independent of the order placements arrive in.
 */
final class CanaryBucket {

    private CanaryBucket() {
    }

    static double of(String placementId) {
        String hex = ContentDigest.sha256Hex(placementId.getBytes(StandardCharsets.UTF_8));
        return Long.parseLong(hex.substring(0, 13), 16) / (double) (1L << 52);
    }
}
