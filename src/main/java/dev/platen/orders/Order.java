package dev.platen.orders;

import java.time.Instant;
import java.util.List;

/** An order as the order book holds it. */
public record Order(String id, String reference, String partner, OrderStatus status, Instant createdAt,
                    Instant updatedAt, List<OrderPlacement> placements) {

    public Order {
        placements = List.copyOf(placements);
    }
}
