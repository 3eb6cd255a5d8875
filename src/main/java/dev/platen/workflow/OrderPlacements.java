package dev.platen.workflow;

import dev.platen.orders.OrderBook;
import dev.platen.orders.OrderPlacement;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The multi-instance collection of the order process: the ids of an order's placements, read from the order
 * book rather than stored as a process variable (a list variable would need Java serialization, which the
 * engine rightly refuses by default). Public because the expression language only calls methods of public
 * classes.
 */
@Component("orderPlacements")
// public: the BPMN calls its methods in expressions, and Camunda's EL finds methods on public classes only
public class OrderPlacements {

    private final OrderBook book;

    OrderPlacements(OrderBook book) {
        this.book = book;
    }

    public List<String> ids(String orderId) {
        return book.find(orderId).orElseThrow(() -> new IllegalStateException("no order " + orderId))
                .placements().stream().map(OrderPlacement::id).toList();
    }
}
