package dev.platen.storage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage contract on this machine's disk. */
class LocalDiskObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;
    private ObjectStore store;

    @BeforeEach
    void open() throws IOException {
        store = reopen();
    }

    @Override
    ObjectStore reopen() {
        return new LocalDiskObjectStore(new StorageSettings(root));
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Override
    long storedObjects() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("sha256"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Override
    void damage(String sha256) throws IOException {
        Path file = root.resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
    }

    @Override
    long leftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.count();
        }
    }

    @Test
    void aRestartRemovesTheUploadsACrashLeftHalfWrittenButNotOnesStillBeingWritten() throws Exception {
        Path abandoned = write(randomBytes(5_000, 41));
        Path live = write(randomBytes(5_000, 42));
        // the crash was an hour ago; the other upload is still arriving (another node sharing the folder)
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
        long before = leftoverTempFiles();

        reopen();

        assertThat(abandoned).doesNotExist();
        assertThat(live).exists();
        assertThat(leftoverTempFiles()).isEqualTo(before - 1);
    }

    @Test
    void theDiskGivesNoDownloadLinks() throws Exception {
        String sha = store.put(write(new byte[]{1, 2, 3})).sha256();
        assertThat(store.presignedUrl(sha, Duration.ofMinutes(5))).isEmpty();
    }
}
