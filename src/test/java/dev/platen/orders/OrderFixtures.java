package dev.platen.orders;

import dev.platen.routing.ReasonCode;
import dev.platen.storage.ContentDigest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Orders and art rows for the order book's tests, and a data source that counts the statements sent through it. */
final class OrderFixtures {

    private OrderFixtures() {
    }

    /** A stored artwork row (the order book only needs its id to exist). */
    static String artwork(JdbcClient jdbc) {
        String id = sha256(UUID.randomUUID().toString());
        jdbc.sql("insert into artwork (id, format, bytes, original_name, header_json, created_at) values (?,?,?,?,?,?)")
                .params(id, "png", 1000L, "art.png", "{}", Timestamp.from(Instant.now())).update();
        return id;
    }

    /** {@code count} t-shirt fronts, each with art of its own, that fit the requested tier. */
    static List<NewPlacement> tshirtFronts(JdbcClient jdbc, int count) {
        List<NewPlacement> placements = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            placements.add(new NewPlacement(i, "tshirt", 1, "front", "full-front", artwork(jdbc), "full-front",
                    new BigDecimal("300.0"), false, List.of(ReasonCode.FITS_REQUESTED_TIER)));
        }
        return placements;
    }

    /** A PDF/X-4 print file whose bytes would hash to {@code name}'s. */
    static PrintFileRecord pdf(String name) {
        return new PrintFileRecord("pdfx4", "application/pdf", sha256(name), 1000, 3600, 4800, 300, sha256("profile"));
    }

    static PrintFileRecord tiff(String name) {
        return new PrintFileRecord("tiff", "image/tiff", sha256(name), 2000, 3600, 4800, 300, sha256("profile"));
    }

    /** A soft proof whose four images are named after {@code name}. */
    static SoftProofRecord proof(String name) {
        return new SoftProofRecord(sha256(name + "-proof"), sha256(name + "-gamut"), sha256(name + "-mockup"),
                sha256(name + "-before-after"), 1.5, 3.2, 0.01, 280, 0.97);
    }

    static String sha256(String text) {
        return ContentDigest.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Counts the statements prepared on connections of {@code real}. */
    static DataSource counted(DataSource real, AtomicInteger statements) {
        return new DelegatingDataSource(real) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                                statements.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
