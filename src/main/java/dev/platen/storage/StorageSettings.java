package dev.platen.storage;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where objects are kept: {@code type=local} (default) under {@code root} on this machine, or {@code type=s3} in a
 * bucket of any S3-compatible store, which every node of a cluster shares.
 */
@ConfigurationProperties("platen.storage")
public record StorageSettings(@DefaultValue("local") String type, @DefaultValue("./data/objects") Path root,
                              @DefaultValue @Nullable S3 s3) {

    @ConstructorBinding
    public StorageSettings {
    }

    /** The local store under {@code root}. */
    public StorageSettings(Path root) {
        this("local", root, null);
    }

    /**
     * An S3-compatible bucket.
     *
     * @param endpoint          the store's URL (MinIO, Ceph, ...); none for AWS itself, which finds it by region
     * @param region            the signing region (S3-compatible stores mostly accept any, e.g. us-east-1)
     * @param bucket            an existing bucket
     * @param prefix            put before every key, e.g. {@code platen/}; may be empty
     * @param pathStyle         {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key}: most
     *                          self-hosted stores want this
     * @param accessKey         with {@code secretKey}; when empty, the AWS SDK's default chain is used
     *                          (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles)
     * @param secretKey         see {@code accessKey}
     * @param partSize          files above this are uploaded in parts of this size (S3's minimum part is 5 MiB)
     * @param cache             this node's copies of objects it had to read from a file (decoders want one); never
     *                          needed by another node, safe to empty while the node is stopped (default: a
     *                          folder {@code platen-object-cache} in the system's temporary directory)
     * @param presignedDownloads how long print-file download links stay valid when downloads are redirected to
     *                          the store; zero (default) streams downloads through the engine instead
     */
    public record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") String region, @Nullable String bucket,
                     @DefaultValue("") String prefix, @DefaultValue("true") boolean pathStyle,
                     @Nullable String accessKey, @Nullable String secretKey, @DefaultValue("16MB") DataSize partSize,
                     @Nullable Path cache,
                     @DefaultValue("0s") Duration presignedDownloads) {
    }
}
