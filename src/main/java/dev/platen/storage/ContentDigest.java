package dev.platen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SHA-256, the name of every stored object (lower-case hex), and the engine's one way to compute it: for print files,
 * profiles, cache names, idempotency keys and API keys alike (the bottom module, so every module may use it).
 */
public final class ContentDigest {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ContentDigest() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static byte[] of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    /** The SHA-256 of a file, read through once, lower-case hex. */
    public static String sha256Hex(Path file) throws IOException {
        return HexFormat.of().formatHex(of(file));
    }

    /** The SHA-256 of bytes held in memory, lower-case hex, as every stored object is named. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    static boolean isName(String sha256) {
        return sha256 != null && SHA256.matcher(sha256).matches();
    }
}
