package dev.platen.orders;

import dev.platen.artwork.Finding;
import dev.platen.routing.ProofLane;
import dev.platen.routing.ReasonCode;
import dev.platen.rules.RuleSets;
import dev.platen.testing.EngineContext;
import dev.platen.testing.StartedFirst;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.platen.orders.OrderFixtures.pdf;
import static dev.platen.orders.OrderFixtures.proof;
import static dev.platen.orders.OrderFixtures.tiff;
import static dev.platen.orders.PlacementHistory.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@StartedFirst
@EngineContext
@RecordApplicationEvents
class PlacementLifecycleTest {

    private static final TierDecision FITS = new TierDecision("full-front", new BigDecimal("300.0"), false,
            List.of(ReasonCode.FITS_REQUESTED_TIER));
    private static final TierDecision NONE_FITS = new TierDecision(null, new BigDecimal("72.0"), false,
            List.of(ReasonCode.NO_TIER_FITS));

    @Autowired
    PlacementLifecycle lifecycle;
    @Autowired
    OrderBook book;
    @Autowired
    PlacementHistory history;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ApplicationEvents events;
    @Autowired
    RuleSets ruleSets;

    @Test
    void theEnginesWayFromArtToPrint() {
        Order order = book.create("clean", "acme", OrderFixtures.tshirtFronts(jdbc, 1));
        String id = order.placements().get(0).id();

        lifecycle.startWork(id);
        assertThat(statusOf(order)).isEqualTo(OrderStatus.IN_PROGRESS);
        lifecycle.recordTier(id, FITS);
        lifecycle.recordPrintFiles(id, List.of(pdf("clean-pdf"), tiff("clean-tiff")));
        lifecycle.recordSoftProof(id, proof("clean"), Optional.empty());
        assertThat(placement(id).status()).isEqualTo(PlacementStatus.IN_PROGRESS);
        lifecycle.approve(id, ENGINE, "CLEAN");

        OrderPlacement done = placement(id);
        assertThat(done.status()).isEqualTo(PlacementStatus.READY_FOR_PRINT);
        assertThat(done.lane()).isEqualTo(ProofLane.Lane.AUTO);
        assertThat(done.laneReason()).isEqualTo("CLEAN");
        assertThat(done.decidedBy()).isNull();
        assertThat(done.approval().automatic()).isTrue();
        assertThat(done.approval().printFileSha256s()).containsExactly(pdf("clean-pdf").sha256(),
                tiff("clean-tiff").sha256());
        assertThat(done.approval().proofSha256()).isEqualTo(proof("clean").proofSha256());
        assertThat(statusOf(order)).isEqualTo(OrderStatus.READY_FOR_PRINT);
        assertThat(history.of(id)).extracting(PlacementEvent::action).containsExactly("RECEIVED", "TIER_CHOSEN",
                "PRINT_FILES_MADE", "SOFT_PROOF_MADE", "APPROVED");
        // a step that sets the status the placement already has is no change to announce
        assertThat(events.stream(PlacementStatusChanged.class)).containsExactly(
                new PlacementStatusChanged(order.id(), id, "acme", PlacementStatus.IN_PROGRESS),
                new PlacementStatusChanged(order.id(), id, "acme", PlacementStatus.READY_FOR_PRINT));
    }

    @Test
    void noTierFitsSoAnOperatorChoosesOneAndApprovesItsProof() {
        Order order = book.create("operator", "acme", OrderFixtures.tshirtFronts(jdbc, 1));
        String id = order.placements().get(0).id();

        lifecycle.recordTier(id, NONE_FITS);
        assertThat(placement(id).status()).isEqualTo(PlacementStatus.NEEDS_REVIEW);
        assertThat(statusOf(order)).isEqualTo(OrderStatus.NEEDS_REVIEW);

        lifecycle.operatorChoseTier(id, new TierDecision("left-chest", new BigDecimal("150.0"), true,
                List.of(ReasonCode.OPERATOR_CHOSE_TIER, ReasonCode.BELOW_MINIMUM_DPI)), "olga", "soft is fine");
        OrderPlacement chosen = placement(id);
        assertThat(chosen.status()).isEqualTo(PlacementStatus.IN_PROGRESS);
        assertThat(chosen.chosenTier()).isEqualTo("left-chest");
        assertThat(chosen.reasons()).containsExactly(ReasonCode.OPERATOR_CHOSE_TIER, ReasonCode.BELOW_MINIMUM_DPI);
        assertThat(chosen.decidedBy()).isEqualTo("olga");
        assertThat(chosen.decisionNote()).isEqualTo("soft is fine");

        lifecycle.recordPrintFiles(id, List.of(pdf("operator-pdf")));
        lifecycle.recordSoftProof(id, proof("operator"), Optional.of(new WorstFinding("WARNING", "SOFT_AT_PRINT_SIZE")));
        lifecycle.holdForProofReview(id, "OPERATOR_CHOSE_TIER");
        OrderPlacement held = placement(id);
        assertThat(held.status()).isEqualTo(PlacementStatus.NEEDS_REVIEW);
        assertThat(held.lane()).isEqualTo(ProofLane.Lane.REVIEW);

        lifecycle.approve(id, "olga", held.laneReason());
        OrderPlacement approved = placement(id);
        assertThat(approved.status()).isEqualTo(PlacementStatus.READY_FOR_PRINT);
        assertThat(approved.lane()).as("an operator's approval keeps the lane that held it").isEqualTo(ProofLane.Lane.REVIEW);
        assertThat(approved.approval().automatic()).isFalse();
        assertThat(approved.approval().laneReason()).isEqualTo("OPERATOR_CHOSE_TIER");
        assertThat(history.of(id)).extracting(PlacementEvent::action).containsExactly("RECEIVED", "HELD_FOR_OPERATOR",
                "OPERATOR_CHOSE_TIER", "PRINT_FILES_MADE", "SOFT_PROOF_MADE", "HELD_FOR_REVIEW", "APPROVED");
        assertThat(history.of(id).get(2).actor()).isEqualTo("olga");
        assertThat(history.of(id).get(2).detail())
                .isEqualTo("tier left-chest at 150.0 DPI, downgraded (OPERATOR_CHOSE_TIER, BELOW_MINIMUM_DPI): soft is fine");
    }

    @Test
    void onlyPrintFilesAndAProofCanBeApproved() {
        String id = book.create("nothing-made", "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();
        lifecycle.recordPrintFiles(id, List.of(pdf("no-proof")));

        assertThatThrownBy(() -> lifecycle.approve(id, ENGINE, "CLEAN")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no print files and proof");
        assertThat(placement(id).status()).isEqualTo(PlacementStatus.RECEIVED);
    }

    @Test
    void aCanaryHoldIsReleasedOnceAsTheApprovalItHeld() {
        String id = proofed("canary");
        lifecycle.holdForCanary(id, ENGINE, "CLEAN", ruleSets.live().number());
        OrderPlacement held = placement(id);
        assertThat(held.status()).isEqualTo(PlacementStatus.IN_PROGRESS);
        assertThat(held.heldBy()).isEqualTo(ENGINE);
        assertThat(held.lane()).isEqualTo(ProofLane.Lane.AUTO);
        assertThat(held.approval()).isNull();

        assertThat(lifecycle.releaseHeld(id)).isTrue();
        assertThat(lifecycle.releaseHeld(id)).as("a second node's release finds nothing held").isFalse();
        OrderPlacement released = placement(id);
        assertThat(released.status()).isEqualTo(PlacementStatus.READY_FOR_PRINT);
        assertThat(released.heldBy()).isNull();
        assertThat(released.approval().approvedBy()).isEqualTo(ENGINE);
        assertThat(history.of(id)).extracting(PlacementEvent::action).endsWith("HELD_FOR_CANARY", "APPROVED");
    }

    @Test
    void aRollbackMovesOnlyAPlacementStillOnTheRolledBackRuleSet() {
        // the live rule set, whichever it is: a canary test in the same context may have promoted another
        int live = ruleSets.live().number();
        String id = proofed("rollback");
        lifecycle.holdForCanary(id, "olga", "DOWNGRADED", live);

        assertThat(lifecycle.moveToRuleSet(id, live + 1, live)).as("not on rule set %d", live + 1).isFalse();
        assertThat(lifecycle.moveToRuleSet(id, live, live)).isTrue();
        assertThat(placement(id).heldBy()).isNull();
        assertThat(history.of(id)).extracting(PlacementEvent::action).endsWith("RULE_SET_ROLLED_BACK");
    }

    @Test
    void newArtDropsWhatWasMadeFromTheOldAndStartsAgain() {
        String id = proofed("new-art");
        lifecycle.addFindings(id, List.of(new Finding("UNTAGGED_RGB", "no profile")));
        lifecycle.holdForProofReview(id, "OUT_OF_GAMUT");
        OrderPlacement old = placement(id);
        String art = OrderFixtures.artwork(jdbc);

        OrderPlacement replaced = lifecycle.replaceArtwork(id, art, FITS);

        assertThat(replaced).isEqualTo(placement(id));
        assertThat(replaced.artworkId()).isEqualTo(art);
        assertThat(replaced.status()).isEqualTo(PlacementStatus.IN_PROGRESS);
        assertThat(replaced.printFiles()).isEmpty();
        assertThat(replaced.softProof()).isNull();
        assertThat(replaced.findings()).isEmpty();
        assertThat(replaced.lane()).isNull();
        assertThat(replaced.laneReason()).isNull();
        assertThat(events.stream(ArtworkReplaced.class)).containsExactly(new ArtworkReplaced(old.orderId(), id));
        assertThat(history.of(id)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ARTWORK_REPLACED");
            assertThat(e.actor()).isEqualTo("shop");
            assertThat(e.fileHashes()).containsExactly(old.artworkId(), art);
        });
    }

    /**
     * The second of two requests with the same art, taken after the first committed: the caller compared the art with
     * the placement as it read it before that commit, so this reads the new art as the old. On PostgreSQL that let
     * five identical requests restart a placement twice (the history showed art "replaced" by itself).
     */
    @Test
    void theArtThePlacementAlreadyHasChangesNothing() {
        String id = proofed("same-art");
        lifecycle.holdForProofReview(id, "OUT_OF_GAMUT");
        OrderPlacement before = placement(id);
        int entries = history.of(id).size();

        OrderPlacement again = lifecycle.replaceArtwork(id, before.artworkId(), FITS);

        assertThat(again).isEqualTo(before);
        assertThat(placement(id)).isEqualTo(before);
        assertThat(events.stream(ArtworkReplaced.class)).isEmpty();
        assertThat(history.of(id)).hasSize(entries);
    }

    @Test
    void aSettledPlacementKeepsItsArt() {
        String id = proofed("settled");
        lifecycle.approve(id, ENGINE, "CLEAN");

        assertThatThrownBy(() -> lifecycle.replaceArtwork(id, OrderFixtures.artwork(jdbc), FITS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("READY_FOR_PRINT");
    }

    @Test
    void theOrderFollowsItsPlacementsToTheShopsTurnAndToAFailure() {
        Order order = book.create("waits", "acme", OrderFixtures.tshirtFronts(jdbc, 3));
        List<String> ids = order.placements().stream().map(OrderPlacement::id).toList();

        lifecycle.holdForOperator(ids.get(0), new TierDecision(null, null, false, List.of(ReasonCode.ARTWORK_DOUBTFUL)));
        assertThat(statusOf(order)).isEqualTo(OrderStatus.NEEDS_REVIEW);
        lifecycle.awaitNewArtwork(ids.get(1), "olga", "send the original");
        assertThat(statusOf(order)).as("the shop must act first").isEqualTo(OrderStatus.AWAITING_ARTWORK);
        lifecycle.operatorRejected(ids.get(0), "olga", "a thumbnail");
        lifecycle.fail(ids.get(2), "Processing failed: the art is gone from the store");

        assertThat(statusOf(order)).isEqualTo(OrderStatus.FAILED);
        assertThat(placement(ids.get(0)).status()).isEqualTo(PlacementStatus.REJECTED);
        assertThat(placement(ids.get(0)).decisionNote()).isEqualTo("a thumbnail");
        assertThat(placement(ids.get(1)).status()).isEqualTo(PlacementStatus.AWAITING_ARTWORK);
        assertThat(placement(ids.get(2)).status()).isEqualTo(PlacementStatus.FAILED);
        assertThat(placement(ids.get(2)).decisionNote()).contains("gone from the store");
        assertThat(history.of(ids.get(2))).extracting(PlacementEvent::action).containsExactly("RECEIVED", "FAILED");
    }

    @Test
    void findingsAreKeptOnceAndAnEscalationIsOnlyHistory() {
        String id = book.create("findings", "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();
        Finding untagged = new Finding("UNTAGGED_RGB", "no profile");
        Finding soft = new Finding("SOFT_AT_PRINT_SIZE", "soft");

        lifecycle.addFindings(id, List.of(untagged));
        lifecycle.addFindings(id, List.of(untagged, soft));
        lifecycle.addFindings(id, List.of());
        lifecycle.recordEscalation(id);

        assertThat(placement(id).findings()).containsExactly(untagged, soft);
        assertThat(placement(id).status()).isEqualTo(PlacementStatus.RECEIVED);
        assertThat(history.of(id)).extracting(PlacementEvent::action)
                .containsExactly("RECEIVED", "FINDINGS", "FINDINGS", "ESCALATED");
    }

    @Test
    void aPlacementNotInTheBookIsRefused() {
        assertThatThrownBy(() -> lifecycle.fail("no-such-placement", "gone"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no placement no-such-placement");
        assertThatThrownBy(() -> lifecycle.addFindings("no-such-placement", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Two placements of one order approved at once, each in its own transaction: the second counts the first as
     * settled, so the order ends ready for print. Had each read the other's status before the first committed, both
     * would have counted one placement still at work and left the order in progress for good.
     */
    @Test
    void twoPlacementsSettlingAtOnceLeaveTheirOrderReady() throws Exception {
        Order order = book.create("at-once", "acme", OrderFixtures.tshirtFronts(jdbc, 2));
        String first = order.placements().get(0).id();
        String second = order.placements().get(1).id();
        for (String id : List.of(first, second)) {
            lifecycle.recordPrintFiles(id, List.of(pdf(id)));
            lifecycle.recordSoftProof(id, proof(id), Optional.empty());
        }
        CountDownLatch firstApproved = new CountDownLatch(1);

        CompletableFuture<Void> firstTransaction = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            lifecycle.approve(first, ENGINE, "CLEAN");
            firstApproved.countDown();
            sleep(300); // still open while the second approval starts
        }));
        assertThat(firstApproved.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> secondTransaction = CompletableFuture.runAsync(
                () -> lifecycle.approve(second, ENGINE, "CLEAN"));
        CompletableFuture.allOf(firstTransaction, secondTransaction).get(30, TimeUnit.SECONDS);

        assertThat(statusOf(order)).isEqualTo(OrderStatus.READY_FOR_PRINT);
    }

    /** A placement with print files and a soft proof, waiting for its proof lane. */
    private String proofed(String name) {
        String id = book.create(name, "acme", OrderFixtures.tshirtFronts(jdbc, 1)).placements().get(0).id();
        lifecycle.recordTier(id, FITS);
        lifecycle.recordPrintFiles(id, List.of(pdf(name)));
        lifecycle.recordSoftProof(id, proof(name), Optional.empty());
        return id;
    }

    private OrderPlacement placement(String id) {
        return book.placement(id).orElseThrow();
    }

    private OrderStatus statusOf(Order order) {
        return book.find(order.id()).orElseThrow().status();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
