package dev.platen.orders;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a placement's history.
 *
 * @param actor       {@value PlacementHistory#ENGINE} for the engine, else the operator's user name
 * @param action      e.g. RECEIVED, INSPECTED, TIER_CHOSEN, HELD_FOR_OPERATOR, PRINT_FILES_MADE, OPERATOR_CHOSE_TIER
 * @param fileHashes  the SHA-256s of the artwork or print files the action concerned
 */
public record PlacementEvent(Instant at, String actor, String action, @Nullable String detail,
                             List<String> fileHashes) {

    public PlacementEvent {
        fileHashes = List.copyOf(fileHashes);
    }
}
