package dev.platen.orders;

import dev.platen.testing.EngineContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EngineContext
class PlacementHistoryTest {

    @Autowired
    PlacementHistory history;
    @Autowired
    OrderBook book;
    @Autowired
    JdbcClient jdbc;

    @Test
    void entriesAreReadBackOldestFirstWithTheirFiles() {
        String id = book.create("history", "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();
        String pdf = OrderFixtures.sha256("pdf");
        String tiff = OrderFixtures.sha256("tiff");

        history.record(id, "olga", "OPERATOR_REJECTED", "a thumbnail", List.of());
        history.record(id, PlacementHistory.ENGINE, "PRINT_FILES_MADE", null, List.of(pdf, tiff));

        List<PlacementEvent> events = history.of(id);
        assertThat(events).extracting(PlacementEvent::action).containsExactly("RECEIVED", "OPERATOR_REJECTED",
                "PRINT_FILES_MADE");
        assertThat(events.get(1).actor()).isEqualTo("olga");
        assertThat(events.get(1).detail()).isEqualTo("a thumbnail");
        assertThat(events.get(1).fileHashes()).isEmpty();
        assertThat(events.get(2).detail()).isNull();
        assertThat(events.get(2).fileHashes()).containsExactly(pdf, tiff);
        assertThat(events).extracting(PlacementEvent::at).isSorted();
    }

    @Test
    void aLongDetailIsCutToTheColumn() {
        String id = book.create("long", "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();

        history.record(id, PlacementHistory.ENGINE, "FAILED", "x".repeat(5000), List.of());

        assertThat(history.of(id).get(1).detail()).hasSize(2000);
    }

    @Test
    void aPlacementWithoutHistoryHasNone() {
        assertThat(history.of("no-such-placement")).isEmpty();
    }
}
