package dev.platen.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Optional;

/**
 * Objects as files under {@code root/sha256/ab/abcdef...}, fanned out by the first two hex digits so no folder
 * grows to millions of entries. Writes go to {@code root/tmp} first and are renamed into place with an atomic
 * move, which POSIX guarantees is all-or-nothing on one file system.
 */
@Component
@ConditionalOnProperty(name = "platen.storage.type", havingValue = "local", matchIfMissing = true)
class LocalDiskObjectStore implements ObjectStore {

    private final Path objects;
    private final Path tmp;

    LocalDiskObjectStore(StorageSettings settings) {
        Path root = settings.root().toAbsolutePath().normalize();
        this.objects = root.resolve("sha256");
        this.tmp = root.resolve("tmp");
        try {
            Files.createDirectories(objects);
            Files.createDirectories(tmp);
            AbandonedParts.sweep(tmp, java.time.Instant.now());
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
        if (!ContentDigest.isName(sha256)) {
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
    public InputStream open(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("range " + offset + "+" + length);
        }
        SeekableByteChannel channel = Files.newByteChannel(readablePath(sha256));
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public boolean intact(String sha256) throws IOException {
        return find(sha256).isPresent() && ContentDigest.sha256Hex(pathOf(sha256)).equals(sha256);
    }

    /** Files on this node's disk are served by the engine itself. */
    @Override
    public Optional<URI> presignedUrl(String sha256, Duration validFor) {
        return Optional.empty();
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
        return ContentDigest.sha256Hex(file);
    }
}
