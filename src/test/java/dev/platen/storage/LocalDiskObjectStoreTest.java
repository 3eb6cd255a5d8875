package dev.platen.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDiskObjectStoreTest {

    @TempDir
    Path root;

    private Path write(ObjectStore store, byte[] bytes) throws IOException {
        Path temp = store.newTempFile();
        Files.write(temp, bytes);
        return temp;
    }

    @Test
    void storesUnderTheSha256OfTheBytesAndReadsThemBack() throws Exception {
        ObjectStore store = new LocalDiskObjectStore(new StorageSettings(root));
        byte[] bytes = "artwork bytes".getBytes();
        StoredObject stored = store.put(write(store, bytes));

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(stored.sha256()).isEqualTo(expected);
        assertThat(stored.bytes()).isEqualTo(bytes.length);
        try (InputStream in = store.open(expected)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.find(expected)).contains(stored);
    }

    @Test
    void theSameBytesTwiceAreStoredOnceAndLeaveNoTemporaryFiles() throws IOException {
        ObjectStore store = new LocalDiskObjectStore(new StorageSettings(root));
        StoredObject first = store.put(write(store, new byte[]{1, 2, 3}));
        StoredObject second = store.put(write(store, new byte[]{1, 2, 3}));
        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1);
        }
    }

    @Test
    void unknownOrMalformedNamesAreNotFound() {
        ObjectStore store = new LocalDiskObjectStore(new StorageSettings(root));
        assertThat(store.find("0".repeat(64))).isEmpty();
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void anObjectSurvivesARestartOfTheStore() throws IOException {
        StoredObject stored;
        {
            ObjectStore store = new LocalDiskObjectStore(new StorageSettings(root));
            stored = store.put(write(store, new byte[]{9, 9}));
        }
        ObjectStore reopened = new LocalDiskObjectStore(new StorageSettings(root));
        assertThat(reopened.find(stored.sha256())).contains(stored);
    }
}
