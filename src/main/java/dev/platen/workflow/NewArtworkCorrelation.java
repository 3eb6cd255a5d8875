package dev.platen.workflow;

import dev.platen.orders.ArtworkReplaced;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Comparator;

/**
 * Tells a placement's process that its art was replaced, inside the transaction that stored the new art: the
 * interrupting "New artwork" boundary event ends the old round (a pending job, an open review and its timers)
 * and starts the placement again.
 *
 * <p>The subscription is picked by hand rather than with a correlation key: {@code placementId} is the
 * multi-instance element variable, local to the placement's scope above the subscription's execution, which a
 * correlation's local-variable match does not reach. The boundary event is preferred over the "New art from the
 * shop" wait state below it, because only the boundary event cancels everything made from the old art.
 */
@Component
class NewArtworkCorrelation {

    static final String MESSAGE = "NewArtwork";
    static final String BOUNDARY_EVENT = "NewArtwork";

    private final RuntimeService runtime;

    NewArtworkCorrelation(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ArtworkReplaced replaced) {
        ProcessInstance order = runtime.createProcessInstanceQuery().processDefinitionKey(OrderProcessStarter.PROCESS_KEY)
                .processInstanceBusinessKey(replaced.orderId()).singleResult();
        EventSubscription subscription = order == null ? null : runtime.createEventSubscriptionQuery()
                .processInstanceId(order.getId()).eventType("message").eventName(MESSAGE).list().stream()
                .filter(s -> replaced.placementId().equals(runtime.getVariable(s.getExecutionId(),
                        PlacementVariables.PLACEMENT_ID)))
                .min(Comparator.comparing(s -> BOUNDARY_EVENT.equals(s.getActivityId()) ? 0 : 1))
                .orElse(null);
        if (subscription == null) {
            // The process has not reached this placement yet (its first step is a pending job); when it does, it
            // reads the placement's art from the order book and finds the new one.
            return;
        }
        runtime.messageEventReceived(MESSAGE, subscription.getExecutionId());
    }
}
