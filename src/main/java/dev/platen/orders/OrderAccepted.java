package dev.platen.orders;

import java.util.List;

/** Published inside the transaction that stores a new order, so that its processing starts atomically with it. */
public record OrderAccepted(String orderId, List<String> placementIds) {
}
