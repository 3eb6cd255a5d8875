package dev.platen.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * An S3-compatible server of the test's own: S3Proxy (its stand-alone jar, copied to {@code target/s3proxy} by
 * the build) with the jclouds filesystem back end in a temporary directory, on a free loopback port, signed
 * requests only (AWS signature v2/v4 with a made-up key pair). One per JVM, started on first use, stopped and
 * deleted when the JVM exits; every caller gets a bucket of its own.
 */
public final class TestS3Server {

    public static final String ACCESS_KEY = "platen-test";
    public static final String SECRET_KEY = "platen-test-secret";
    public static final String REGION = "us-east-1";

    private static final Path JAR = Path.of("target/s3proxy/s3proxy.jar");
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static TestS3Server server;

    private final Process process;
    private final Path home;
    private final URI endpoint;

    private TestS3Server(Process process, Path home, URI endpoint) {
        this.process = process;
        this.home = home;
        this.endpoint = endpoint;
    }

    public static synchronized TestS3Server shared() {
        if (server == null) {
            server = start();
            TestS3Server started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-s3"));
        }
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A new empty bucket. */
    public String newBucket(String purpose) {
        String name = (purpose.replaceAll("[^a-zA-Z0-9]", "-") + "-" + BUCKETS.incrementAndGet()).toLowerCase();
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        }
        return name;
    }

    /** A client of the test's own, to look at or tamper with what the engine stored. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.of(REGION))
                .httpClientBuilder(Apache5HttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** The Spring properties that point an engine at a bucket of this server. */
    /**
     * Points a Spring test context's engine at {@code bucket}, with an object cache of its own (nodes never share
     * theirs).
     */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry, String bucket)
            throws IOException {
        for (String property : engineProperties(bucket)) {
            String[] kv = property.split("=", 2);
            registry.add(kv[0], () -> kv[1]);
        }
        String cache = Files.createTempDirectory("platen-it-cache-").toString();
        registry.add("platen.storage.s3.cache", () -> cache);
    }

    public List<String> engineProperties(String bucket) {
        return List.of("platen.storage.type=s3", "platen.storage.s3.endpoint=" + endpoint,
                "platen.storage.s3.region=" + REGION, "platen.storage.s3.bucket=" + bucket,
                "platen.storage.s3.path-style=true", "platen.storage.s3.access-key=" + ACCESS_KEY,
                "platen.storage.s3.secret-key=" + SECRET_KEY);
    }

    private static TestS3Server start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the build copies it in generate-test-resources"
                    + " (./mvnw generate-test-resources)");
        }
        try {
            Path home = Files.createTempDirectory("platen-s3-");
            Files.createDirectories(home.resolve("data"));
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = home.resolve("s3proxy.conf");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + home.resolve("data"), ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(),
                    "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("s3proxy.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!listening(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("S3Proxy did not start:\n" + Files.readString(home.resolve("s3proxy.log")));
                }
                Thread.sleep(100);
            }
            return new TestS3Server(process, home, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test S3 server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + home + ": " + e.getMessage());
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
