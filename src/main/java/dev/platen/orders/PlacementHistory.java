package dev.platen.orders;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * What happened to each placement, in order: who (the engine or an operator), when, what, and the SHA-256s of the
 * files it concerned. Append-only. {@link PlacementLifecycle} writes an entry with every step it records, in the
 * step's transaction; the shop, partners' support and operators read it back.
 */
@Service
public class PlacementHistory {

    /** The actor name of the engine's own steps in a placement's history. */
    public static final String ENGINE = "platen";

    /** The width of the detail column: a longer detail (an exception's message, say) is cut there. */
    private static final int DETAIL_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlacementHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The placement's history, oldest first. */
    public List<PlacementEvent> of(String placementId) {
        return jdbc.sql("""
                select at, actor, action, detail, file_hashes from placement_event where placement_id = ? order by id""")
                .param(placementId)
                .query((rs, n) -> new PlacementEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail"), hashes(rs.getString("file_hashes"))))
                .list();
    }

    /** Adds an entry; {@code detail} may be null. */
    void record(String placementId, String actor, String action, String detail, List<String> fileHashes) {
        jdbc.sql("insert into placement_event (placement_id, at, actor, action, detail, file_hashes) values (?,?,?,?,?,?)")
                .params(placementId, Timestamp.from(clock.instant()), actor, action,
                        detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH),
                        fileHashes.isEmpty() ? null : String.join(",", fileHashes))
                .update();
    }

    private static List<String> hashes(String column) {
        return column == null || column.isBlank() ? List.of() : Arrays.asList(column.split(","));
    }
}
