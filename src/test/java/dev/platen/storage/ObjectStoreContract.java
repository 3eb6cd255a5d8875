package dev.platen.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every object store promises, run against each implementation on real storage: the local disk, and a
 * real S3-compatible server.
 */
abstract class ObjectStoreContract {

    /** A store over the same storage each time it is called (a restart), with empty node-local state. */
    abstract ObjectStore reopen() throws IOException;

    abstract ObjectStore store();

    /** How many objects the storage holds, counted behind the store's back. */
    abstract long storedObjects() throws IOException;

    /** Damages the stored bytes of an object behind the store's back (a failing disk, a bad restore). */
    abstract void damage(String sha256) throws IOException;

    /** Files left in the store's temporary area. */
    abstract long leftoverTempFiles() throws IOException;

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    Path write(byte[] bytes) throws IOException {
        Path temp = store().newTempFile();
        Files.write(temp, bytes);
        return temp;
    }

    @Test
    void storesUnderTheSha256OfTheBytesAndReadsThemBackEveryWay() throws Exception {
        byte[] bytes = randomBytes(300_000, 1);
        Path file = write(bytes);
        StoredObject stored = store().put(file);

        assertThat(stored).isEqualTo(new StoredObject(sha256(bytes), bytes.length));
        assertThat(file).doesNotExist();
        assertThat(store().find(stored.sha256())).contains(stored);
        try (InputStream in = store().open(stored.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(Files.readAllBytes(store().readablePath(stored.sha256()))).isEqualTo(bytes);
        assertThat(store().intact(stored.sha256())).isTrue();
        assertThat(leftoverTempFiles()).isZero();
    }

    @Test
    void rangesAreTheBytesAskedForAndStopAtTheEnd() throws Exception {
        byte[] bytes = randomBytes(100_000, 2);
        String sha = store().put(write(bytes)).sha256();

        try (InputStream in = store().open(sha, 1_000, 4_096)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 1_000, 5_096));
        }
        try (InputStream in = store().open(sha, 0, 1)) {
            assertThat(in.readAllBytes()).containsExactly(bytes[0]);
        }
        try (InputStream in = store().open(sha, 99_990, 1_000)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 99_990, 100_000));
        }
        try (InputStream in = store().open(sha, 5, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void theSameBytesTwiceAreStoredOnce() throws Exception {
        byte[] bytes = randomBytes(10_000, 3);
        StoredObject first = store().put(write(bytes));
        StoredObject second = store().put(write(bytes));
        assertThat(second).isEqualTo(first);
        assertThat(storedObjects()).isEqualTo(1);
        assertThat(leftoverTempFiles()).isZero();
    }

    @Test
    void concurrentPutsOfTheSameBytesAgreeAndStoreThemOnce() throws Exception {
        byte[] bytes = randomBytes(2_000_000, 4);
        int writers = 6;
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            files.add(write(bytes));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<StoredObject>> results = new java.util.ArrayList<>();
            for (Path file : files) {
                Callable<StoredObject> put = () -> {
                    start.await();
                    return store().put(file);
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            for (Future<StoredObject> result : results) {
                assertThat(result.get()).isEqualTo(new StoredObject(sha256(bytes), bytes.length));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedObjects()).isEqualTo(1);
        try (InputStream in = store().open(sha256(bytes))) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(leftoverTempFiles()).isZero();
    }

    @Test
    void unknownAndMalformedNamesAreNotFound() {
        assertThat(store().find("0".repeat(64))).isEmpty();
        assertThat(store().find("../../etc/passwd")).isEmpty();
        assertThat(store().find("ABC")).isEmpty();
        assertThatThrownBy(() -> store().open("0".repeat(64)).close()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store().readablePath("0".repeat(64))).isInstanceOf(IOException.class);
    }

    @Test
    void anObjectSurvivesARestartOfTheStore() throws Exception {
        byte[] bytes = randomBytes(50_000, 5);
        StoredObject stored = store().put(write(bytes));
        ObjectStore reopened = reopen();
        assertThat(reopened.find(stored.sha256())).contains(stored);
        assertThat(Files.readAllBytes(reopened.readablePath(stored.sha256()))).isEqualTo(bytes);
    }

    @Test
    void damagedBytesAreFoundOut() throws Exception {
        byte[] bytes = randomBytes(40_000, 6);
        String sha = store().put(write(bytes)).sha256();
        damage(sha);
        assertThat(reopen().intact(sha)).isFalse();
        assertThat(store().intact("0".repeat(64))).isFalse();
    }

    @Test
    void aFileLargerThanAPartIsStoredWhole() throws Exception {
        // 5 MiB is S3's smallest part; the S3 store under test uses that, so this is three parts there.
        byte[] bytes = randomBytes(12 * 1024 * 1024 + 123, 7);
        StoredObject stored = store().put(write(bytes));
        assertThat(stored).isEqualTo(new StoredObject(sha256(bytes), bytes.length));
        ObjectStore reopened = reopen();
        assertThat(Files.readAllBytes(reopened.readablePath(stored.sha256()))).isEqualTo(bytes);
        try (InputStream in = reopened.open(stored.sha256(), 5 * 1024 * 1024 - 10, 20)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 5 * 1024 * 1024 - 10, 5 * 1024 * 1024 + 10));
        }
        assertThat(leftoverTempFiles()).isZero();
    }
}
