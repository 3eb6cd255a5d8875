package dev.platen.orders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.platen.routing.ReasonCode;
import dev.platen.rules.PlacementRuns;
import dev.platen.rules.RuleSets;
import dev.platen.testing.EngineContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.platen.orders.OrderFixtures.proof;
import static dev.platen.orders.OrderFixtures.tiff;
import static dev.platen.orders.OrderFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;

@EngineContext
@RecordApplicationEvents
class OrderBookTest {

    @Autowired
    OrderBook book;
    @Autowired
    PlacementLifecycle lifecycle;
    @Autowired
    PlacementHistory history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    RuleSets ruleSets;
    @Autowired
    PlacementRuns runs;
    @Autowired
    ApplicationEvents events;

    /**
     * An order of n placements used to cost 2 + 3n statements (the order, its placements, and each placement's print
     * files, proof and approval), a placement 4: the review queue and a partner's job list paid that for every row.
     */
    @Test
    void anOrderIsReadInOneStatementWhateverItsSize() {
        AtomicInteger statements = new AtomicInteger();
        OrderBook counted = new OrderBook(JdbcClient.create(OrderFixtures.counted(dataSource, statements)), json,
                publisher, ruleSets, runs, history, Clock.systemUTC());
        for (int n : new int[]{1, 5, 20}) {
            Order order = book.create("count-" + n, "acme", OrderFixtures.tshirtFronts(jdbc, n));
            String first = order.placements().get(0).id();
            lifecycle.recordPrintFiles(first, List.of(pdf("a" + n), tiff("b" + n)));
            lifecycle.recordSoftProof(first, proof("c" + n), Optional.empty());
            lifecycle.approve(first, PlacementHistory.ENGINE, "CLEAN");

            statements.set(0);
            assertThat(counted.find(order.id()).orElseThrow().placements()).hasSize(n);
            assertThat(statements.get()).as("statements to read an order of %d placements", n).isEqualTo(1);
            statements.set(0);
            assertThat(counted.placement(first).orElseThrow().printFiles()).hasSize(2);
            assertThat(statements.get()).as("statements to read a placement").isEqualTo(1);
        }
    }

    @Test
    void anOrderIsReadBackAsItWasTakenIn() {
        List<NewPlacement> taken = List.of(
                new NewPlacement(0, "tshirt", 2, "front", "full-front", OrderFixtures.artwork(jdbc), "left-chest",
                        new BigDecimal("212.5"), true, List.of(ReasonCode.LOW_DPI_DOWNGRADED, ReasonCode.BELOW_TARGET_DPI)),
                new NewPlacement(1, "poster", 1, "face", "poster-8x10", OrderFixtures.artwork(jdbc), null,
                        new BigDecimal("96.0"), false, List.of(ReasonCode.NO_TIER_FITS)));

        Order order = book.create("shop-1001", "acme", taken);

        assertThat(book.find(order.id())).contains(order);
        assertThat(order.reference()).isEqualTo("shop-1001");
        assertThat(order.partner()).isEqualTo("acme");
        assertThat(order.status()).isEqualTo(OrderStatus.RECEIVED);
        assertThat(order.placements()).extracting(OrderPlacement::position).containsExactly(0, 1);
        OrderPlacement tee = order.placements().get(0);
        assertThat(tee.status()).isEqualTo(PlacementStatus.RECEIVED);
        assertThat(tee.quantity()).isEqualTo(2);
        assertThat(tee.chosenTier()).isEqualTo("left-chest");
        assertThat(tee.effectiveDpi()).isEqualByComparingTo("212.5");
        assertThat(tee.downgraded()).isTrue();
        assertThat(tee.reasons()).containsExactly(ReasonCode.LOW_DPI_DOWNGRADED, ReasonCode.BELOW_TARGET_DPI);
        assertThat(tee.findings()).isEmpty();
        assertThat(tee.printFiles()).isEmpty();
        assertThat(tee.softProof()).isNull();
        assertThat(tee.approval()).isNull();
        assertThat(tee.lane()).isNull();
        // the live rule set, whichever it is: a canary test in the same context may have promoted another
        int live = ruleSets.live().number();
        assertThat(tee.ruleSet()).isEqualTo(live);
        assertThat(order.placements().get(1).chosenTier()).isNull();
        assertThat(book.placement(tee.id())).contains(tee);

        assertThat(events.stream(OrderAccepted.class)).containsExactly(
                new OrderAccepted(order.id(), order.placements().stream().map(OrderPlacement::id).toList()));
        assertThat(history.of(tee.id())).singleElement().satisfies(received -> {
            assertThat(received.action()).isEqualTo("RECEIVED");
            assertThat(received.actor()).isEqualTo(PlacementHistory.ENGINE);
            assertThat(received.detail()).isEqualTo("requested full-front; verdict from the header: left-chest "
                    + "(LOW_DPI_DOWNGRADED, BELOW_TARGET_DPI); rule set " + live);
            assertThat(received.fileHashes()).containsExactly(tee.artworkId());
        });
    }

    /** The joined read folds a placement's rows (one per print file) into it and no other. */
    @Test
    void eachPlacementIsReadWithItsOwnFilesProofAndApproval() {
        Order order = book.create("folded", "acme", OrderFixtures.tshirtFronts(jdbc, 3));
        String both = order.placements().get(0).id();
        String none = order.placements().get(1).id();
        String one = order.placements().get(2).id();
        lifecycle.recordPrintFiles(both, List.of(tiff("tiff-0"), pdf("pdf-0")));
        lifecycle.recordSoftProof(both, proof("proof-0"), Optional.empty());
        lifecycle.approve(both, "olga", "DOWNGRADED");
        lifecycle.recordPrintFiles(one, List.of(pdf("pdf-2")));

        List<OrderPlacement> read = book.find(order.id()).orElseThrow().placements();

        assertThat(read).extracting(OrderPlacement::id).containsExactly(both, none, one);
        assertThat(read.get(0).printFiles()).extracting(PrintFileRecord::format).containsExactly("pdfx4", "tiff");
        assertThat(read.get(0).softProof()).isEqualTo(proof("proof-0"));
        assertThat(read.get(0).approval().approvedBy()).isEqualTo("olga");
        assertThat(read.get(0).approval().printFileSha256s()).containsExactly(pdf("pdf-0").sha256(),
                tiff("tiff-0").sha256());
        assertThat(read.get(1).printFiles()).isEmpty();
        assertThat(read.get(1).softProof()).isNull();
        assertThat(read.get(1).approval()).isNull();
        assertThat(read.get(2).printFiles()).containsExactly(pdf("pdf-2"));
        assertThat(read.get(2).approval()).isNull();
        assertThat(book.placement(both)).contains(read.get(0));
        assertThat(book.placement(one)).contains(read.get(2));
    }

    @Test
    void whatIsNotInTheBookIsNotFound() {
        assertThat(book.find("no-such-order")).isEmpty();
        assertThat(book.placement("no-such-placement")).isEmpty();
    }

    @Test
    void theUnsettledPlacementsOfARuleSetAreThoseStillAtWork() {
        // the live rule set, whichever it is: a canary test in the same context may have promoted another
        int live = ruleSets.live().number();
        Order order = book.create("unsettled", "acme", OrderFixtures.tshirtFronts(jdbc, 4));
        List<String> ids = order.placements().stream().map(OrderPlacement::id).toList();
        lifecycle.recordPrintFiles(ids.get(0), List.of(pdf("u0")));
        lifecycle.recordSoftProof(ids.get(0), proof("u0"), Optional.empty());
        lifecycle.approve(ids.get(0), PlacementHistory.ENGINE, "CLEAN");
        lifecycle.operatorRejected(ids.get(1), "olga", "a thumbnail");
        lifecycle.holdForCanary(ids.get(2), PlacementHistory.ENGINE, "CLEAN", live);

        assertThat(book.unsettledOn(live, false)).filteredOn(p -> p.orderId().equals(order.id()))
                .containsExactlyInAnyOrder(new OrderBook.PlacementOnRuleSet(ids.get(2), order.id(), true),
                        new OrderBook.PlacementOnRuleSet(ids.get(3), order.id(), false));
        assertThat(book.unsettledOn(live, true)).filteredOn(p -> p.orderId().equals(order.id()))
                .containsExactly(new OrderBook.PlacementOnRuleSet(ids.get(2), order.id(), true));
        assertThat(book.unsettledOn(live + 1, false)).filteredOn(p -> p.orderId().equals(order.id())).isEmpty();
    }
}
