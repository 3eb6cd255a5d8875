package dev.platen.storage;

/** A stored file, named by the SHA-256 of its bytes (lower-case hex). */
public record StoredObject(String sha256, long bytes) {
}
