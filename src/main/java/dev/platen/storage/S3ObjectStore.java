package dev.platen.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Objects in a bucket of an S3-compatible store (AWS S3, MinIO, Ceph RGW, ...) under {@code prefix + sha256/ab/abcd...},
 * shared by every node.
 *
 * <p>A reader never sees an object half-written: S3 makes a PUT, and a multipart upload's completion, visible all
 * at once or not at all. Every upload carries the SHA-256 of its bytes ({@code x-amz-checksum-sha256}, per part for
 * multipart uploads), which a store that supports flexible checksums verifies before it accepts the object; and
 * since the key is the SHA-256, every whole read is hashed here too, whatever the store supports. The same bytes
 * put twice by two nodes land under the same key with the same content, so the race is harmless.
 *
 * <p>The SDK's own default checksums (CRC32 in an aws-chunked trailer, since SDK 2.30) are switched to "when
 * required": several S3-compatible stores reject that encoding, and the SHA-256 sent here is the stronger check.
 */
@Component
@ConditionalOnProperty(name = "platen.storage.type", havingValue = "s3")
class S3ObjectStore implements ObjectStore {

    /** S3's smallest part (except the last). */
    private static final long MIN_PART = 5L * 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final long partSize;
    private final Path cache;
    private final Path tmp;

    S3ObjectStore(StorageSettings settings) {
        StorageSettings.S3 config = settings.s3();
        if (config == null || config.bucket() == null || config.bucket().isBlank()) {
            throw new IllegalStateException("platen.storage.type=s3 needs platen.storage.s3.bucket (PLATEN_STORAGE_S3_BUCKET)");
        }
        this.bucket = config.bucket();
        this.prefix = config.prefix() == null ? "" : config.prefix();
        this.partSize = Math.max(MIN_PART, config.partSize().toBytes());
        Path cacheRoot = config.cache() != null ? config.cache()
                : Path.of(System.getProperty("java.io.tmpdir"), "platen-object-cache");
        this.cache = cacheRoot.toAbsolutePath().normalize().resolve("sha256");
        this.tmp = cacheRoot.toAbsolutePath().normalize().resolve("tmp");
        try {
            Files.createDirectories(cache);
            Files.createDirectories(tmp);
            AbandonedParts.sweep(tmp, java.time.Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the object cache under " + cacheRoot, e);
        }
        AwsCredentialsProvider credentials = config.accessKey() != null && !config.accessKey().isBlank()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()))
                : DefaultCredentialsProvider.builder().build();
        S3Configuration s3Config = S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build();
        var client = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(64))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(s3Config)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var presign = S3Presigner.builder().region(Region.of(config.region())).credentialsProvider(credentials)
                .serviceConfiguration(s3Config);
        if (config.endpoint() != null) {
            client.endpointOverride(config.endpoint());
            presign.endpointOverride(config.endpoint());
        }
        this.s3 = client.build();
        this.presigner = presign.build();
    }

    @PreDestroy
    void close() {
        s3.close();
        presigner.close();
    }

    @Override
    public StoredObject put(Path finishedFile) throws IOException {
        byte[] digest = ContentDigest.of(finishedFile);
        String sha256 = HexFormat.of().formatHex(digest);
        long bytes = Files.size(finishedFile);
        try {
            if (head(sha256).isEmpty()) {
                if (bytes <= partSize) {
                    s3.putObject(b -> b.bucket(bucket).key(key(sha256)).contentLength(bytes)
                            .checksumSHA256(Base64.getEncoder().encodeToString(digest)),
                            RequestBody.fromFile(finishedFile));
                } else {
                    uploadInParts(finishedFile, sha256, bytes);
                }
            }
        } catch (S3Exception e) {
            throw new IOException("cannot store " + sha256 + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
        keepInCache(finishedFile, sha256);
        return new StoredObject(sha256, bytes);
    }

    /**
     * Parts of {@code partSize}, each with its own SHA-256; nothing is visible under the key until the upload
     * is completed, and a failed upload is aborted so the store drops its parts.
     */
    private void uploadInParts(Path file, String sha256, long bytes) throws IOException {
        String key = key(sha256);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(ChecksumAlgorithm.SHA256)).uploadId();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[(int) partSize];
            int number = 1;
            for (long offset = 0; offset < bytes; offset += partSize, number++) {
                int length = (int) Math.min(partSize, bytes - offset);
                ByteBuffer view = ByteBuffer.wrap(buffer, 0, length);
                while (view.hasRemaining()) {
                    if (channel.read(view, offset + view.position()) < 0) {
                        throw new IOException(file + " shrank while it was being uploaded");
                    }
                }
                MessageDigest partDigest = ContentDigest.newDigest();
                partDigest.update(buffer, 0, length);
                String partChecksum = Base64.getEncoder().encodeToString(partDigest.digest());
                int partNumber = number;
                String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
                                .contentLength((long) length).checksumSHA256(partChecksum),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                                "application/octet-stream")).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).checksumSHA256(partChecksum).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredObject> find(String sha256) {
        if (!ContentDigest.isName(sha256)) {
            return Optional.empty();
        }
        return head(sha256).map(h -> new StoredObject(sha256, h.contentLength()));
    }

    private Optional<HeadObjectResponse> head(String sha256) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key(sha256))));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path cached = cachePath(sha256);
        if (Files.isRegularFile(cached)) {
            return Files.newInputStream(cached);
        }
        return new VerifiedStream(get(sha256, null), sha256);
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("range " + offset + "+" + length);
        }
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        // HTTP byte ranges are inclusive at both ends.
        return get(sha256, "bytes=" + offset + "-" + (offset + length - 1));
    }

    private InputStream get(String sha256, @Nullable String range) throws IOException {
        if (!ContentDigest.isName(sha256)) {
            throw new FileNotFoundException("no object " + sha256);
        }
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key(sha256)).range(range));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException("no object " + sha256 + " in bucket " + bucket);
            }
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream();
            }
            throw new IOException("cannot read " + sha256 + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    /**
     * A verified copy in this node's cache, downloaded on first use. Another node never needs it: it fetches its
     * own copy from the bucket.
     */
    @Override
    public Path readablePath(String sha256) throws IOException {
        Path cached = cachePath(sha256);
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        Path part = newTempFile();
        try {
            try (InputStream in = new VerifiedStream(get(sha256, null), sha256);
                 OutputStream out = Files.newOutputStream(part)) {
                in.transferTo(out);
            }
            keepInCache(part, sha256);
        } finally {
            Files.deleteIfExists(part);
        }
        return cached;
    }

    @Override
    public Path newTempFile() throws IOException {
        return Files.createTempFile(tmp, "object-", ".part");
    }

    @Override
    public boolean intact(String sha256) throws IOException {
        if (find(sha256).isEmpty()) {
            return false;
        }
        MessageDigest digest = ContentDigest.newDigest();
        try (InputStream in = new DigestInputStream(get(sha256, null), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest()).equals(sha256);
    }

    @Override
    public Optional<URI> presignedUrl(String sha256, Duration validFor) {
        if (!ContentDigest.isName(sha256)) {
            return Optional.empty();
        }
        return Optional.of(URI.create(presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key(sha256)))).url().toString()));
    }

    String key(String sha256) {
        return prefix + "sha256/" + sha256.substring(0, 2) + "/" + sha256;
    }

    private Path cachePath(String sha256) {
        if (!ContentDigest.isName(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return cache.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Moves a file whose hash is known into the cache, atomically so a reader never sees part of it. */
    private void keepInCache(Path file, String sha256) throws IOException {
        Path target = cachePath(sha256);
        if (Files.exists(target)) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(file);
        } catch (AtomicMoveNotSupportedException e) {
            // A temp file from elsewhere (not newTempFile): copy next to the target first, then rename.
            Path copy = newTempFile();
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(file);
        }
    }

    /** A whole object's bytes, checked against its name when the stream ends: a damaged object fails the read. */
    private static final class VerifiedStream extends FilterInputStream {

        private final String sha256;
        private final MessageDigest digest;
        private boolean checked;

        VerifiedStream(InputStream in, String sha256) {
            this(in, sha256, ContentDigest.newDigest());
        }

        private VerifiedStream(InputStream in, String sha256, MessageDigest digest) {
            super(new DigestInputStream(in, digest));
            this.sha256 = sha256;
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n < 0) {
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still be hashed.
            int read = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
            return Math.max(read, 0);
        }

        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(sha256)) {
                throw new IOException("object " + sha256 + " read back with SHA-256 " + actual + ": damaged in the store");
            }
        }
    }
}
