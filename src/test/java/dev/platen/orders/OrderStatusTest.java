package dev.platen.orders;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.platen.orders.PlacementStatus.FAILED;
import static dev.platen.orders.PlacementStatus.IN_PROGRESS;
import static dev.platen.orders.PlacementStatus.NEEDS_REVIEW;
import static dev.platen.orders.PlacementStatus.READY_FOR_PRINT;
import static dev.platen.orders.PlacementStatus.RECEIVED;
import static dev.platen.orders.PlacementStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    @Test
    void anOrderFollowsItsPlacements() {
        assertThat(OrderStatus.of(List.of(RECEIVED, RECEIVED))).isEqualTo(OrderStatus.RECEIVED);
        assertThat(OrderStatus.of(List.of(RECEIVED, IN_PROGRESS))).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(OrderStatus.of(List.of(READY_FOR_PRINT, IN_PROGRESS))).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(OrderStatus.of(List.of(READY_FOR_PRINT, READY_FOR_PRINT))).isEqualTo(OrderStatus.READY_FOR_PRINT);
    }

    @Test
    void aPlacementWaitingForAnOperatorHoldsTheOrderInReview() {
        assertThat(OrderStatus.of(List.of(READY_FOR_PRINT, NEEDS_REVIEW, IN_PROGRESS))).isEqualTo(OrderStatus.NEEDS_REVIEW);
    }

    @Test
    void aRejectedPlacementRejectsTheOrderOnceTheRestIsSettled() {
        assertThat(OrderStatus.of(List.of(REJECTED, IN_PROGRESS))).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(OrderStatus.of(List.of(REJECTED, READY_FOR_PRINT))).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aRequestForNewArtIsWhatTheShopHearsBeforeAReview() {
        assertThat(OrderStatus.of(List.of(NEEDS_REVIEW, PlacementStatus.AWAITING_ARTWORK, READY_FOR_PRINT)))
                .isEqualTo(OrderStatus.AWAITING_ARTWORK);
        assertThat(OrderStatus.of(List.of(FAILED, PlacementStatus.AWAITING_ARTWORK))).isEqualTo(OrderStatus.FAILED);
    }

    @Test
    void aFailureIsTheFirstThingTheShopHears() {
        assertThat(OrderStatus.of(List.of(FAILED, NEEDS_REVIEW, READY_FOR_PRINT))).isEqualTo(OrderStatus.FAILED);
    }
}
