package dev.platen.workflow;

import dev.platen.orders.ArtworkReplaced;
import dev.platen.orders.PlacementBusy;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Comparator;

/**
 * The messages a placement's process waits for. New art (sent inside the transaction that stored it) and a rollback
 * of the rule set it ran on both go to the interrupting "New artwork" boundary event, which ends the old round (a
 * pending job, an open review and its timers, a held approval) and starts the placement again; a promotion goes to
 * the "Rule set promoted" wait of a placement held for it.
 *
 * <p>The subscription is picked by hand rather than with a correlation key: {@code placementId} is the
 * multi-instance element variable, local to the placement's scope above the subscription's execution, which a
 * correlation's local-variable match does not reach. The boundary event is preferred over the "New art from the
 * shop" wait state below it, because only the boundary event cancels everything made from the old art.
 */
@Component
class PlacementMessages {

    static final String MESSAGE = "NewArtwork";
    static final String BOUNDARY_EVENT = "NewArtwork";
    static final String CANARY_VERDICT = "CanaryVerdict";

    private final RuntimeService runtime;

    PlacementMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ArtworkReplaced replaced) {
        startAgain(replaced.orderId(), replaced.placementId());
    }

    /**
     * Ends the placement's round and starts it again from its art (new art, or a rule set rolled back under it).
     * A placement the process has not reached yet (its first step is a pending job) is left alone: when the process
     * gets to it, it reads the placement from the order book as it now is.
     */
    void startAgain(String orderId, String placementId) {
        deliver(orderId, placementId, MESSAGE, BOUNDARY_EVENT);
    }

    /** The promoted rule set's verdict to a placement held for it: its held approval is given, it ends printable. */
    void releaseFromCanary(String orderId, String placementId) {
        deliver(orderId, placementId, CANARY_VERDICT, null);
    }

    private void deliver(String orderId, String placementId, String message, @Nullable String preferredActivity) {
        ProcessInstance order = runtime.createProcessInstanceQuery().processDefinitionKey(OrderProcessStarter.PROCESS_KEY)
                .processInstanceBusinessKey(orderId).singleResult();
        EventSubscription subscription = order == null ? null : runtime.createEventSubscriptionQuery()
                .processInstanceId(order.getId()).eventType("message").eventName(message).list().stream()
                .filter(s -> placementId.equals(runtime.getVariable(s.getExecutionId(), PlacementVariables.PLACEMENT_ID)))
                .min(Comparator.comparing(s -> s.getActivityId().equals(preferredActivity) ? 0 : 1))
                .orElse(null);
        if (subscription != null) {
            try {
                runtime.messageEventReceived(message, subscription.getExecutionId());
            } catch (OptimisticLockingException moving) {
                // a job of this placement committed in between (a step finished, a decision was applied): the
                // message found the process elsewhere than it read it; the whole change is undone, to be sent again
                throw new PlacementBusy("placement " + placementId + " moved on while its message was delivered",
                        moving);
            }
        }
    }
}
