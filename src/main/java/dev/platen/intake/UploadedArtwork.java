package dev.platen.intake;

import dev.platen.artwork.ArtworkHeader;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An artwork file Platen holds: its id is the SHA-256 of its bytes. */
record UploadedArtwork(String id, long bytes, @Nullable String originalName, ArtworkHeader header, Instant createdAt) {
}
