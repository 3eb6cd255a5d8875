package dev.platen.storage;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Objects as files under {@code root/sha256/ab/abcdef...}, fanned out by the first two hex digits so no folder
 * grows to millions of entries. Writes go to {@code root/tmp} first and are renamed into place with an atomic
 * move, which POSIX guarantees is all-or-nothing on one file system.
 */
@Component
class LocalDiskObjectStore implements ObjectStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path objects;
    private final Path tmp;

    LocalDiskObjectStore(StorageSettings settings) {
        Path root = settings.root().toAbsolutePath().normalize();
        this.objects = root.resolve("sha256");
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create object store under " + root, e);
        }
    }

    @Override
    public StoredObject put(Path finishedFile) throws IOException {
        String sha256 = sha256Of(finishedFile);
        long bytes = Files.size(finishedFile);
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(finishedFile);
            return new StoredObject(sha256, bytes);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(finishedFile, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another request stored the same bytes first: same name, same content.
            Files.deleteIfExists(finishedFile);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("temporary file " + finishedFile + " is not on the store's volume", e);
        }
        return new StoredObject(sha256, bytes);
    }

    @Override
    public Optional<StoredObject> find(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha256);
        try {
            return Files.isRegularFile(path) ? Optional.of(new StoredObject(sha256, Files.size(path))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(readablePath(sha256));
    }

    @Override
    public Path readablePath(String sha256) throws IOException {
        if (find(sha256).isEmpty()) {
            throw new java.io.FileNotFoundException("no object " + sha256);
        }
        return pathOf(sha256);
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(tmp, "upload-", ".part");
    }

    private Path pathOf(String sha256) {
        return objects.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    static String sha256Of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
