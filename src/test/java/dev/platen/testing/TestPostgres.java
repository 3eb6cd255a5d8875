package dev.platen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own: Debian's {@code initdb} into a fresh temporary data directory, started
 * with {@code pg_ctl} on a free loopback port, trust authentication (loopback only, throw-away data), and stopped
 * and deleted when the JVM exits. Tests never touch a server they did not start. One server per JVM, started on
 * first use; every caller gets a fresh database of its own.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (CI containers), the server runs as the
 * {@code postgres} system user through {@code runuser}, and its directory is handed to that user.
 */
public final class TestPostgres {

    /** The system property that switches the integration tests from H2 to this server. */
    public static final String SWITCH = "platen.it.database";

    private static final String USER = "platen";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;

    private final Path home;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;

    private TestPostgres(Path home, Path bin, int port, boolean asPostgresUser) {
        this.home = home;
        this.bin = bin;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Whether this run asked for PostgreSQL ({@code -Dplaten.it.database=postgres}). */
    public static boolean requested() {
        return "postgres".equalsIgnoreCase(System.getProperty(SWITCH, ""));
    }

    /** The JVM's server, started on first call. */
    public static synchronized TestPostgres shared() {
        if (server == null) {
            server = start();
            TestPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stopWhenIdle, "stop-test-postgres"));
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String user() {
        return USER;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String newDatabase(String purpose) {
        String name = (purpose.replaceAll("[^a-z0-9]", "_") + "_" + DATABASES.incrementAndGet()).toLowerCase();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on the test server", e);
        }
        return jdbcUrl(name);
    }

    private static TestPostgres start() {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path home = Files.createTempDirectory("platen-pg-");
            if (root) {
                // The server's user must own its data directory and be able to reach it.
                UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(home, postgres);
            }
            Path data = home.resolve("data");
            // No fsync: throw-away data, and the machine is shared with other builds.
            run(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust",
                    "-E", "UTF8", "--no-sync", "--locale=C"), home, 60);
            int port = freePort();
            TestPostgres pg = new TestPostgres(home, bin, port, root);
            run(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"), home, 90);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL", e);
        }
    }

    /**
     * JVM shutdown hooks run side by side: Spring's test contexts close their engines and pools in theirs. Stopping
     * the server under them makes their shutdown fail or hang, so this waits (up to half a minute) until no client
     * is connected any more, then stops it.
     */
    void stopWhenIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && otherClients() > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stop();
    }

    private long otherClients() {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, "");
             Statement s = c.createStatement();
             var rs = s.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend'"
                     + " and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Stops the server at once (fast shutdown: open sessions are ended) and deletes its data. */
    public void stop() {
        try {
            run(asPostgresUser, List.of(bin.resolve("pg_ctl").toString(), "-D", home.resolve("data").toString(),
                    "-m", "fast", "-w", "stop"), home, 60);
        } catch (RuntimeException e) {
            System.err.println("test PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + home + ": " + e.getMessage());
        }
    }

    private static Path binaries() {
        for (String dir : List.of("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin")) {
            if (Files.isExecutable(Path.of(dir, "initdb")) && Files.isExecutable(Path.of(dir, "pg_ctl"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException("PostgreSQL tests need Debian's server binaries: apt-get install postgresql");
    }

    private static void run(boolean asPostgresUser, List<String> command, Path workDir, int seconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path log = Files.createTempFile("platen-pg-cmd-", ".log");
            Process process = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " took longer than " + seconds + " s");
            }
            String output = Files.readString(log);
            Files.deleteIfExists(log);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "):\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
