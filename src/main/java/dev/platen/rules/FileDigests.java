package dev.platen.rules;

import dev.platen.storage.ContentDigest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** SHA-256 of a rule set's unpacked files, read once: a rule set's folder never changes after it is unpacked. */
final class FileDigests {

    private static final Map<Path, String> KNOWN = new ConcurrentHashMap<>();

    private FileDigests() {
    }

    static String of(Path file) {
        return KNOWN.computeIfAbsent(file.toAbsolutePath().normalize(), f -> {
            try {
                return ContentDigest.sha256Hex(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException("rule set file " + f + " cannot be read", e);
            }
        });
    }
}
