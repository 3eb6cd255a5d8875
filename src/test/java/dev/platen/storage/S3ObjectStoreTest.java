package dev.platen.storage;

import dev.platen.testing.TestS3Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage contract on a real S3-compatible server (S3Proxy, started on loopback by the test), with the
 * smallest part size S3 allows so that large files go up in several parts.
 */
class S3ObjectStoreTest extends ObjectStoreContract {

    private static final String PREFIX = "shop-a/";

    @TempDir
    Path caches;
    private TestS3Server server;
    private String bucket;
    private S3Client raw;
    private S3ObjectStore store;
    private int nodes;

    @BeforeEach
    void open() throws IOException {
        server = TestS3Server.shared();
        bucket = server.newBucket("contract");
        raw = server.client();
        store = (S3ObjectStore) reopen();
    }

    @AfterEach
    void close() {
        raw.close();
    }

    /** Another node: same bucket, a cache of its own. */
    @Override
    ObjectStore reopen() throws IOException {
        Path cache = Files.createDirectories(caches.resolve("node-" + ++nodes));
        return new S3ObjectStore(new StorageSettings("s3", caches.resolve("unused"), new StorageSettings.S3(
                server.endpoint(), TestS3Server.REGION, bucket, PREFIX, true, TestS3Server.ACCESS_KEY,
                TestS3Server.SECRET_KEY, DataSize.ofMegabytes(5), cache, Duration.ZERO)));
    }

    @Override
    ObjectStore store() {
        return store;
    }

    @Override
    long storedObjects() {
        return keys().size();
    }

    private List<String> keys() {
        return raw.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Override
    void damage(String sha256) {
        byte[] other = randomBytes(40_000, 99);
        raw.putObject(b -> b.bucket(bucket).key(store.key(sha256)), RequestBody.fromBytes(other));
    }

    @Override
    long leftoverTempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(caches)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getParent().getFileName().toString().equals("tmp")).count();
        }
    }

    @Test
    void aNodeRestartedOnItsCacheRemovesThePartsACrashLeftThere() throws Exception {
        Path cache = Files.createDirectories(caches.resolve("restarted"));
        Path tmp = Files.createDirectories(cache.resolve("tmp"));
        Path abandoned = Files.write(tmp.resolve("object-1.part"), randomBytes(3_000, 43));
        Path live = Files.write(tmp.resolve("object-2.part"), randomBytes(3_000, 44));
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(Duration.ofHours(1))));

        new S3ObjectStore(new StorageSettings("s3", caches.resolve("unused"), new StorageSettings.S3(
                server.endpoint(), TestS3Server.REGION, bucket, PREFIX, true, TestS3Server.ACCESS_KEY,
                TestS3Server.SECRET_KEY, DataSize.ofMegabytes(5), cache, Duration.ZERO)));

        assertThat(abandoned).doesNotExist();
        assertThat(live).exists();
    }

    @Test
    void objectsAreKeyedByHashUnderThePrefix() throws Exception {
        byte[] bytes = randomBytes(1_000, 10);
        String sha = store.put(write(bytes)).sha256();
        assertThat(keys()).containsExactly(PREFIX + "sha256/" + sha.substring(0, 2) + "/" + sha);
    }

    @Test
    void aDamagedObjectIsNeverHandedToADecoder() throws Exception {
        byte[] bytes = randomBytes(40_000, 11);
        String sha = store.put(write(bytes)).sha256();
        damage(sha);
        ObjectStore otherNode = reopen();
        assertThatThrownBy(() -> otherNode.readablePath(sha)).isInstanceOf(IOException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> {
            try (var in = otherNode.open(sha)) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("damaged");
        // and nothing of it was kept in that node's cache
        assertThat(leftoverTempFiles()).isZero();
    }

    @Test
    void theServerRefusesBytesThatDoNotMatchTheirSha256() throws Exception {
        byte[] bytes = randomBytes(10_000, 12);
        String wrong = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(new byte[]{1}));
        assertThatThrownBy(() -> raw.putObject(b -> b.bucket(bucket).key("x").checksumSHA256(wrong),
                RequestBody.fromBytes(bytes)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThat(keys()).isEmpty();
    }

    @Test
    void aPresignedUrlDownloadsTheObjectWithoutCredentials() throws Exception {
        byte[] bytes = randomBytes(20_000, 13);
        String sha = store.put(write(bytes)).sha256();
        URI url = store.presignedUrl(sha, Duration.ofMinutes(5)).orElseThrow();
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
    }
}
