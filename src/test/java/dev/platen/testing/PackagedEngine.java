package dev.platen.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged jar ({@code target/platen-*.jar}, as {@code ./mvnw verify} builds it before the integration tests)
 * running in a JVM of its own, as an operator starts it: for the tests that kill an engine and start it again. Its
 * output goes to a log file the failure messages name.
 *
 * <p>One JVM option differs from a node in service, and only for speed: these engines run on the JIT's first tier
 * alone ({@code -XX:TieredStopAtLevel=1}). They live a minute or two and render small art, so the optimising
 * compiler's work never pays back: most of their CPU was compiling, on 2 cores that two test JVMs and up to three
 * engines share. Measured on 2026-12-05 (2 cores, one engine alone until ready): 18 s and 30 s of CPU with both
 * tiers, 12 s and 14 s with the first alone; the cluster and crash tests side by side (seven engine starts): 194 s
 * and 359 s of CPU before, 131 s and 228 s after, their orders settling sooner, not later. (The extracted jar
 * with a class-data archive of docs/deployment.md starts a node faster still; here its training start cost as much as
 * it saved.)
 *
 * @param port    the loopback port it serves on; a restart may reuse it
 * @param process the JVM, to kill with SIGKILL ({@link Process#destroyForcibly()})
 * @param log     its standard output and error, appended to across restarts
 */
public record PackagedEngine(String name, int port, Process process, Path log) {

    /**
     * Starts the jar on {@code port} with a 1 GiB heap and the given Spring Boot arguments and environment; does not
     * wait for it (see {@link #awaitReady()}).
     */
    public static PackagedEngine start(String name, int port, Path log, List<String> arguments,
                                       Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar().toString(), "--server.port=" + port));
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

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("platen-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run ./mvnw verify"))
                    .toAbsolutePath();
        }
    }
}
