package dev.platen.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar ({@code target/platen-*.jar}, as {@code ./mvnw verify} builds it before the integration tests)
 * running in a JVM of its own, as an operator starts it: for the tests that kill an engine and start it again. Its
 * output goes to a log file the failure messages name. It is started the way docs/deployment.md (<i>Faster
 * starts</i>) tells a node to be: extracted beside its libraries, with a class-data archive of one training start.
 *
 * <p>One JVM option differs from a node in service, and only for speed: these engines run on the JIT's first tier
 * alone ({@code -XX:TieredStopAtLevel=1}). They live a minute or two and render small art, so the optimising
 * compiler's work never pays back: most of their CPU was compiling, on 2 cores that two test JVMs and up to three
 * engines share. Measured on 2026-12-05 (2 cores, one engine alone to ready): {@code java -jar} on the jar 18 s and
 * 30 s of CPU; extracted with the archive 10 s and 16 s; with the first tier alone as well 8 s and 10 s. The cluster
 * and crash tests side by side (seven engine starts): 194 s and 359 s of CPU before, 132 s and 218 s after, their
 * orders settling sooner, not later.
 *
 * @param port    the loopback port it serves on; a restart may reuse it
 * @param process the JVM, to kill with SIGKILL ({@link Process#destroyForcibly()})
 * @param log     its standard output and error, appended to across restarts
 */
public record PackagedEngine(String name, int port, Process process, Path log) {

    /**
     * Starts the jar on {@code port} with a 1 GiB heap and the given Spring Boot arguments and environment; does not
     * wait for it (see {@link #awaitReady()}). The class-data archive is made first if this build has none yet.
     */
    public static PackagedEngine start(String name, int port, Path log, List<String> arguments,
                                       Map<String, String> environment) throws IOException {
        Prepared prepared = prepared();
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=" + prepared.archive(), "-jar", prepared.jar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new PackagedEngine(name, port, builder.start(), log);
    }

    /** Waits until Spring Boot Actuator's readiness answers 200; fails at once, naming the log, if the JVM exits. */
    public PackagedEngine awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        try {
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    fail(name + " exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    return http.send(HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            fail(name + " not ready within 4 minutes; see " + log);
        }
        return this;
    }

    public PlatenApi api(ObjectMapper json) {
        return new PlatenApi(port, json);
    }

    /** SIGKILL, as a crash or an out-of-memory killer ends it: no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A loopback port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The extracted application jar (its libraries in {@code lib/} beside it) and its class-data archive. */
    private record Prepared(Path jar, Path archive) {
    }

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Path PREPARED = Path.of("target/packaged");
    private static @Nullable Prepared prepared;

    /**
     * Extracts the packaged jar and records the classes one start loads, once per build: whichever test JVM comes
     * first (the cluster and crash tests run side by side) does it under a file lock while the other waits, and a jar
     * newer than the archive (a new build) makes it again. The training start runs on an in-memory H2 database and
     * stores nothing outside {@code target/packaged}; Spring Boot ends it once the context is refreshed.
     */
    private static synchronized Prepared prepared() throws IOException {
        if (prepared != null) {
            return prepared;
        }
        Path jar = jar();
        Path folder = Files.createDirectories(PREPARED).toAbsolutePath();
        Path extracted = folder.resolve(jar.getFileName());
        Path archive = folder.resolve("platen.jsa");
        try (FileChannel channel = FileChannel.open(folder.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                Files.deleteIfExists(archive);
                run(folder.resolve("extract.log"), JAVA, "-Djarmode=tools", "-jar", jar.toString(), "extract",
                        "--destination", folder.toString(), "--force");
                Path training = folder.resolve("training");
                // the archive holds classes, not compiled code: the training start runs on the first tier as the
                // engines do
                run(folder.resolve("training.log"), JAVA, "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-XX:ArchiveClassesAtExit=" + archive,
                        "-Dspring.context.exit=onRefresh", "-jar", extracted.toString(), "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:training", "--platen.storage.root=" + training.resolve("objects"),
                        "--platen.uploads.folder=" + training.resolve("uploads"),
                        "--platen.rulesets.folder=" + training.resolve("rulesets"),
                        "--platen.color.grid-folder=" + training.resolve("grids"), "--logging.level.root=WARN");
                if (!Files.exists(archive)) {
                    fail("the training start wrote no class-data archive; see " + folder.resolve("training.log"));
                }
            }
        }
        prepared = new Prepared(extracted, archive);
        return prepared;
    }

    private static void run(Path log, String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            if (!process.waitFor(4, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " took more than 4 minutes; see " + log);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (process.exitValue() != 0) {
            fail("exit " + process.exitValue() + " of " + String.join(" ", command) + "; see " + log);
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("platen-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run ./mvnw verify"))
                    .toAbsolutePath();
        }
    }
}
