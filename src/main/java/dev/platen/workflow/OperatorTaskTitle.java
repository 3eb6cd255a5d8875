package dev.platen.workflow;

import dev.platen.orders.Order;
import dev.platen.orders.OrderBook;
import dev.platen.orders.OrderPlacement;
import dev.platen.routing.ReasonCode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * Names an operator task for the placement it is about, as Camunda's Tasklist lists it: "Review proof · shop-1001 ·
 * tshirt / front · left-chest". Every task of the process would otherwise read the same. The description says why
 * it waits (the lane's or the tier's reason).
 */
@Component("operatorTaskTitle")
class OperatorTaskTitle implements TaskListener {

    private final OrderBook book;

    OperatorTaskTitle(OrderBook book) {
        this.book = book;
    }

    @Override
    public void notify(DelegateTask task) {
        String placementId = PlacementVariables.placementId(task);
        book.placement(placementId).ifPresent(p -> {
            String reference = book.find(p.orderId()).map(Order::reference).orElse(p.orderId());
            task.setName(task.getName() + " · " + reference + " · " + p.product() + " / " + p.placement() + " · "
                    + (p.chosenTier() != null ? p.chosenTier() : "no tier fits (asked " + p.requestedTier() + ")"));
            task.setDescription(why(p));
        });
    }

    private static String why(OrderPlacement p) {
        if (p.laneReason() != null) {
            return "Proof lane: " + p.laneReason();
        }
        return "Tier: " + p.reasons().stream().map(ReasonCode::name).collect(Collectors.joining(", "));
    }
}
